// The e-mail outbox page: channel operations see failed mail with its last error and retry it;
// other staff roles are refused. Failed rows are written straight into the e2e database.
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { signIn } from "./helpers";

function insertFailedMail(subject: string): string {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    const id = `cfail${randomBytes(8).toString("hex")}`;
    const at = new Date(Date.now() - 25 * 3_600_000).toISOString().replace("Z", "+00:00");
    db.prepare(
      `INSERT INTO "Outbox" ("id", "kind", "recipientEmail", "subject", "body", "status", "attempts",
        "lastError", "nextAttemptAt", "failingSince", "createdAt") VALUES (?, 'registration.sla_overdue',
        'pm@accord.test', ?, 'b', 'FAILED', 28, 'connect ECONNREFUSED 10.0.0.25:587', ?, ?, ?)`,
    ).run(id, subject, at, at, at);
    return id;
  } finally {
    db.close();
  }
}

test("ops sees failed e-mail with its last error and retries it", async ({ page }) => {
  insertFailedMail("Outbox e2e: overdue decision");
  await signIn(page, "ops@accord.test");
  await page.getByRole("link", { name: "E-mail outbox" }).click();
  await expect(page.getByRole("heading", { name: "E-mail outbox" })).toBeVisible();
  await page.goto("/outbox?status=FAILED");
  const row = page.getByRole("row", { name: /Outbox e2e: overdue decision/ });
  await expect(row).toContainText("connect ECONNREFUSED 10.0.0.25:587");
  await expect(row).toContainText("28");
  await page.screenshot({ path: "test-results/outbox-page.png", fullPage: true });
  await row.getByRole("button", { name: "Retry now" }).click();
  await expect(page.getByRole("row", { name: /Outbox e2e: overdue decision/ })).toHaveCount(0);
  await page.goto("/outbox?status=PENDING&q=Outbox%20e2e");
  await expect(page.getByRole("row", { name: /Outbox e2e: overdue decision/ })).toBeVisible();
});

test("the outbox is for channel operations only", async ({ page }) => {
  await signIn(page, "pm@accord.test");
  await expect(page.getByRole("link", { name: "E-mail outbox" })).toHaveCount(0);
  await page.goto("/outbox");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});
