import { expect, test, type Page } from "@playwright/test";
import { inE2eDb, signIn } from "./helpers";

// Issue 15, "names, not ids": the decision explorer picks a deal by typing its name (a combobox,
// keyboard only here), and the audit log names the rows an event and its change point at, with links.

type Deal = { id: string; name: string; accountId: string; accountName: string };

/** A deal with a recorded route decision, so the explorer has facts to load. */
const decidedDeal = (): Deal =>
  inE2eDb(
    (db) =>
      db
        .prepare(
          `SELECT o.id, o.name, a.id AS accountId, a.name AS accountName FROM "Opportunity" o
           JOIN "Account" a ON a.id = o."accountId" JOIN "RouteDecision" d ON d.id = o."routeDecisionId"
           ORDER BY o.id LIMIT 1`,
        )
        .get() as Deal,
  );

async function pickWithKeyboard(page: Page, name: string) {
  const box = page.getByRole("combobox", { name: "Load a deal's recorded facts" });
  await page.waitForLoadState("networkidle"); // hydrated: keys typed before it would be React's to drop
  await box.click();
  // part of the name, in another case: the picker ignores case
  await box.pressSequentially(name.slice(0, Math.max(6, name.length - 4)).toLowerCase(), { delay: 20 });
  const listbox = page.getByRole("listbox", { name: "Matching deals" });
  await expect(listbox.getByRole("option", { name: new RegExp(`^${escape(name)}`) }).first()).toBeVisible();
  for (let i = 0; i < 10; i++) {
    await box.press("ArrowDown");
    const selected = listbox.getByRole("option", { selected: true });
    if ((await selected.locator("span").first().textContent()) === name) break;
  }
  await expect(listbox.getByRole("option", { selected: true }).locator("span").first()).toHaveText(name);
  await box.press("Enter");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("ops picks a deal in the decision explorer by typing its name and sees the decision with names", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const deal = decidedDeal();
  await signIn(page, "ops@accord.test");
  await page.goto("/rules/explorer");
  await pickWithKeyboard(page, deal.name);

  // the URL carries the deal (a shareable link); the screen shows names with links
  await expect(page).toHaveURL(new RegExp(`[?&]opportunity=${deal.id}`));
  const status = page.getByRole("status").filter({ hasText: "Facts of" });
  await expect(status.getByRole("link", { name: deal.name, exact: true })).toHaveAttribute(
    "href",
    `/opportunities/${deal.id}`,
  );
  await expect(status.getByRole("link", { name: deal.accountName, exact: true })).toHaveAttribute(
    "href",
    `/accounts/${deal.accountId}`,
  );
  await expect(page.getByRole("combobox", { name: "Load a deal's recorded facts" })).toHaveValue(deal.name);
  await expect(page.getByText(/copp|cacc/)).toHaveCount(0);

  await page.getByRole("button", { name: /^Decide under v\d+/ }).click();
  await expect(page.getByText(/^Decision under v\d+/)).toBeVisible();
  await expect(page.getByText("Recorded on the opportunity:")).toBeVisible();
  await page.screenshot({ path: "test-results/names-explorer.png", fullPage: true });

  // the link opens the deal
  await status.getByRole("link", { name: deal.name, exact: true }).click();
  await expect(page.getByRole("heading", { name: deal.name })).toBeVisible();
});

test("the explorer's pickers: nothing matches, a partner picked by name; a partner has no explorer", async ({
  page,
  browser,
}) => {
  await signIn(page, "ops@accord.test");
  await page.goto("/rules/explorer");
  await page.getByRole("combobox", { name: "Load a deal's recorded facts" }).fill("zzqx no such deal");
  await expect(page.getByText("No deal you can open has a name, or an account name, starting with")).toBeVisible();

  // the partner fact is picked by name too; the decision runs on it
  const partnerBox = page.getByRole("combobox", { name: "Partner", exact: true });
  await partnerBox.pressSequentially("northw", { delay: 20 });
  await expect(page.getByRole("option", { name: /^Northwind Systems/ })).toBeVisible();
  await partnerBox.press("ArrowDown");
  await partnerBox.press("Enter");
  await expect(partnerBox).toHaveValue("Northwind Systems");
  await page.getByLabel("ACV (USD)").fill("150,000");
  await page.getByRole("button", { name: /^Decide under v\d+/ }).click();
  await expect(page.getByText(/^Decision under v\d+/)).toBeVisible();
  await page.screenshot({ path: "test-results/names-explorer-partner.png", fullPage: true });

  const partner = await browser.newPage();
  await signIn(partner, "alice@northwind.test");
  const res = await partner.goto("/rules/explorer");
  expect(res?.status()).toBe(404);
  await partner.close();
});

test("the audit log names an event's entity and the rows its change points at, with working links", async ({
  page,
}) => {
  const deal = decidedDeal();
  const partner = inE2eDb(
    (db) =>
      db.prepare(`SELECT id, name FROM "Partner" WHERE status = 'ACTIVE' ORDER BY name LIMIT 1`).get() as {
        id: string;
        name: string;
      },
  );
  // test setup straight into the e2e database: a change that points at a partner by id
  inE2eDb((db) =>
    db
      .prepare(
        `INSERT INTO "AuditEvent" (id, at, "actorLabel", action, "entityType", "entityId", before, after)
         VALUES (?, ?, 'Channel Ops', 'opportunity.update', 'Opportunity', ?, ?, ?)`,
      )
      .run(
        `caudit${Date.now().toString(36)}names`,
        new Date().toISOString(),
        deal.id,
        JSON.stringify({ partnerId: null, acvCents: 12_000_000 }),
        JSON.stringify({ partnerId: partner.id, acvCents: 15_000_000 }),
      ),
  );
  await signIn(page, "ops@accord.test");
  await page.goto(`/audit?q=${deal.id}&action=opportunity.update`);
  const row = page.locator("tbody tr").first();
  await expect(row.getByRole("link", { name: deal.name })).toHaveAttribute("href", `/opportunities/${deal.id}`);
  await row.getByText("Before / after").click();
  const partnerRow = row.getByRole("row", { name: /Partner/ });
  await expect(partnerRow.getByRole("cell").first()).toHaveText("none");
  await expect(partnerRow.getByRole("link", { name: partner.name })).toHaveAttribute("href", `/partners/${partner.id}`);
  await expect(row.getByRole("row", { name: /ACV/ })).toContainText("$150,000");
  await expect(row.getByText(partner.id)).toHaveCount(0);
  await page.screenshot({ path: "test-results/names-audit.png", fullPage: true });

  await partnerRow.getByRole("link", { name: partner.name }).click();
  await expect(page.getByRole("heading", { name: partner.name })).toBeVisible();
});
