// Learning from conflicts (issue 11): channel operations filters the audit log and exports what it
// sees as CSV (a formula-leading cell arrives neutralized); the conflict-pattern report renders
// with its quarter picker and every number opens the conflict list it counts.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import Papa from "papaparse";
import { signIn } from "./helpers";

/** An approval event whose actor label a spreadsheet would run as a formula, on a real registration. */
function insertFormulaEvent(mark: string): { registrationId: string } {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    const reg = db.prepare(`SELECT "id" FROM "DealRegistration" ORDER BY "submittedAt" DESC LIMIT 1`).get() as {
      id: string;
    };
    db.prepare(
      `INSERT INTO "AuditEvent" ("id", "actorLabel", "action", "entityType", "entityId", "at")
       VALUES (?, ?, 'registration.approve', 'DealRegistration', ?, ?)`,
    ).run(
      `caud${randomBytes(8).toString("hex")}`,
      `=HYPERLINK("x") ${mark}`,
      reg.id,
      new Date().toISOString().replace("Z", "+00:00"),
    );
    return { registrationId: reg.id };
  } finally {
    db.close();
  }
}

test("ops filters the audit log by action and exports it as CSV", async ({ page }) => {
  const mark = `e2e${randomBytes(4).toString("hex")}`;
  const { registrationId } = insertFormulaEvent(mark);
  await signIn(page, "ops@accord.test");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Action").selectOption("registration.approve");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=registration\.approve/);
  // the log's own rows: a change cell holds a table of its fields, whose rows are not events
  const rows = page.locator("main table").first().locator(":scope > tbody > tr");
  await expect(rows.first()).toBeVisible();
  const actions = await rows.locator(":scope > td:nth-child(3)").allInnerTexts();
  expect(actions.length).toBeGreaterThan(1);
  expect(new Set(actions.map((a) => a.trim()))).toEqual(new Set(["registration.approve"]));
  // entities by name, linking to their page (not a raw id)
  const entity = rows.filter({ hasText: mark }).locator(":scope > td:nth-child(4)").getByRole("link");
  await expect(entity).toHaveAttribute("href", `/registrations/${registrationId}`);
  await expect(entity).not.toHaveText(registrationId);
  await page.screenshot({ path: "test-results/audit-log.png", fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  const parsed = Papa.parse<Record<string, string>>(text.trimEnd(), { header: true }).data;
  expect(parsed.length).toBeGreaterThanOrEqual(actions.length); // the whole filtered log, not one page
  expect(new Set(parsed.map((r) => r.action))).toEqual(new Set(["registration.approve"]));
  const formula = parsed.find((r) => r.actor.includes(mark))!;
  expect(formula.actor).toBe(`'=HYPERLINK("x") ${mark}`);
  expect(formula.entity_type).toBe("Registration");
  expect(formula.entity_name).not.toBe("");
});

test("the conflict-pattern report renders with its quarter picker and links every number", async ({ page }) => {
  await signIn(page, "pm@accord.test");
  await page.goto("/conflicts/patterns");
  await expect(page.getByRole("heading", { name: "Conflict patterns" })).toBeVisible();
  const picker = page.getByLabel("Quarter (cases opened in it)");
  const now = new Date();
  const current = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  await expect(picker).toHaveValue(current);
  await expect(page.getByRole("heading", { name: "By type" })).toBeVisible();
  await page.screenshot({ path: "test-results/conflict-patterns.png", fullPage: true });
  const hrefs = await page
    .locator("main table a[href^='/conflicts?']")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/openedFrom=\d{4}-\d{2}-01&openedTo=\d{4}-\d{2}-\d{2}/);
  await expect(page.locator("main a[href^='/rules/']").first()).toHaveAttribute("href", /^\/rules\/[^#]+#rule-/);

  const previous = await picker.locator("option").nth(1).getAttribute("value");
  await picker.selectOption(previous!);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`quarter=${previous}`));
  await expect(page.getByLabel("Quarter (cases opened in it)")).toHaveValue(previous!);
  await page.goto("/conflicts/patterns?quarter=2026-Q9");
  await expect(page.getByRole("heading", { name: "Conflict patterns" })).toHaveCount(0);
});
