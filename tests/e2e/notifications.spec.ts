import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { signIn } from "./helpers";

// Notifications people can keep up with (docs/domain.md#notifications): grouped by subject, 20 a
// page, filtered by kind and unread, "mark all as read", dates in words, each group linking to its
// subject. The partner manager has the seeded company's busiest inbox.
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Setup straight into the e2e database: older notices about registrations of the manager's partners,
 * 3 per registration, so there are two pages and groups of several notices.
 */
function olderNotices(email: string, n: number): void {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    const regs = db
      .prepare(
        `SELECT r.id, a.name AS account, u.id AS uid FROM "DealRegistration" r JOIN "Partner" p ON p.id = r."partnerId"
         JOIN "User" u ON u.id = p."managerId" JOIN "Account" a ON a.id = r."accountId"
         WHERE u.email = ? ORDER BY r.id LIMIT ?`,
      )
      .all(email, Math.ceil(n / 3)) as { id: string; account: string; uid: string }[];
    expect(regs.length).toBeGreaterThan(0);
    const insert = db.prepare(
      `INSERT INTO "Outbox" (id, kind, "recipientUserId", "recipientEmail", subject, body, payload, status,
         "nextAttemptAt", "createdAt", "sentAt") VALUES (?, 'registration.submitted', ?, ?, ?, ?, ?, 'SENT', ?, ?, ?)`,
    );
    for (let i = 0; i < n; i++) {
      const r = regs[Math.floor(i / 3) % regs.length];
      const at = new Date(Date.now() - (10 + i) * 86_400_000).toISOString().replace("Z", "+00:00");
      const payload = JSON.stringify({ registrationId: r.id });
      insert.run(
        `e2e_note_${i}_${Date.now()}`,
        r.uid,
        email,
        `New registration: ${r.account}`,
        "Awaiting review",
        payload,
        at,
        at,
        at,
      );
    }
  } finally {
    db.close();
  }
}

test("a partner manager pages, filters and clears their notifications, each group opening its subject", async ({
  page,
}) => {
  test.setTimeout(120_000);
  olderNotices("pm@accord.test", 25);
  await signIn(page, "pm@accord.test");
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const groups = page.getByRole("list", { name: "Notifications by subject" });
  const items = groups.locator(":scope > li > ul > li");
  const pager = page.getByRole("navigation", { name: "Pagination" });

  // paginated: a full first page and an older one
  await expect(pager).toContainText(/Page 1 of [2-9]/);
  await expect(items).toHaveCount(20);
  await expect(page.locator("main")).not.toContainText(ISO);
  await expect(groups.getByText(/^\d+ notices$/).first()).toBeVisible(); // one subject's notices together
  await page.screenshot({ path: "test-results/notifications.png", fullPage: true });
  const times = page.locator("main time");
  await expect(times.first()).toHaveText(/ago|in \d|just now|yesterday|tomorrow/i);
  await pager.getByRole("link", { name: "Older →" }).click();
  await expect(pager).toContainText("Page 2 of");
  await pager.getByRole("link", { name: "← Newer" }).click();
  await expect(pager).toContainText("Page 1 of");

  // each group's link opens its subject
  const open = groups.getByRole("link", { name: /^Open/ }).first();
  const href = await open.getAttribute("href");
  expect(href).toMatch(/^\/[a-z]/);
  const res = await page.request.get(href!);
  expect(res.status()).toBeLessThan(400);

  // by kind: every notice shown is of that kind
  const kind = page.getByLabel("Kind");
  const options = await kind
    .locator("option")
    .evaluateAll((os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? "" })).filter((o) => o.value),
    );
  expect(options.length).toBeGreaterThan(1);
  await kind.selectOption(options[0].value);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`kind=${encodeURIComponent(options[0].value).replace(/\./g, "\\.")}`));
  const shown = await items.count();
  expect(shown).toBeGreaterThan(0);
  await expect(items.filter({ hasText: options[0].label.trim() })).toHaveCount(shown);

  // unread only, then mark all as read: the unread filter is empty and the count says 0
  await page.goto("/notifications?unread=1");
  await expect(items.first()).toContainText("Unread:");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("Nothing matches")).toBeVisible();
  await expect(page.getByText(/0 unread/)).toBeVisible();
  await page.goto("/notifications");
  await expect(items).toHaveCount(20);
  await expect(groups.getByText("Unread:")).toHaveCount(0);
});
