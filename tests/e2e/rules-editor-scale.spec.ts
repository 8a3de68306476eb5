import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { signIn } from "./helpers";
import { fillDraftRules, scaleRuleName } from "../factories/scale-rules";

// docs/domain.md#rules-of-engagement: a draft holds up to 1,000 rules. Ops opens a 1,000-rule draft, finds rule 735 by
// searching its name, edits it, moves another rule with the keyboard, saves, and after a reload finds both changes
// through a deep link (?rule=<priority>) — the link lint findings use.

const COUNT = 1_000;
const nameOf = scaleRuleName;

function storedRule(ruleSetId: string, name: string) {
  const db = new Database("data/e2e.db", { readonly: true, timeout: 15_000 });
  try {
    return db
      .prepare(`SELECT priority, name, conditions FROM "Rule" WHERE ruleSetId = ? AND name = ?`)
      .get(ruleSetId, name) as { priority: number; name: string; conditions: string } | undefined;
  } finally {
    db.close();
  }
}

const row = (page: Page, text: string) => page.locator('li[id^="rule-"]').filter({ hasText: text });

test("ops edit, reorder and save a 1,000-rule draft in the browser", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "ops@accord.test");
  await page.goto("/rules");
  await page.getByRole("button", { name: "New draft" }).first().click();
  await expect(page).toHaveURL(/\/rules\/[^/?]+$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  fillDraftRules("data/e2e.db", id, COUNT);
  await page.reload();
  await expect(page.getByText("Rules (1000)")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("1,000 rules.")).toBeVisible();
  // virtualised: only the rows in view are in the page, not a thousand forms
  expect(await page.locator('li[id^="rule-"]').count()).toBeLessThan(60);
  // the rows, their keyboard handling and the filters pass axe's WCAG 2.1 AA rules
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);

  // find rule 735 by name, open it and edit its name and its ACV threshold
  await page.getByLabel("Search rule names").fill("rule 735");
  await expect(page.getByText("Showing 1 of 1,000 rules.")).toBeVisible();
  // the row keeps its element id (the stored rule id) while its name changes
  const target = page.locator(`#rule-scale-${id}-735`);
  await expect(target).toContainText("Scale rule 735 —");
  await target.getByRole("button", { name: "Edit" }).click();
  await target.getByLabel("Name", { exact: true }).fill("Renamed rule 735");
  await target.getByLabel("Value", { exact: true }).fill("555,000");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page.getByText("1,000 rules.")).toBeVisible();

  // jump to rule 740 (priority 7400) and move it up one place with the keyboard
  await page.getByLabel("Jump to priority").fill("7400");
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const moving = row(page, nameOf(740));
  await expect(moving).toBeFocused();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page.getByText(/moved to priority 7390, position 739 of 1000, below “Scale rule 738/)).toBeAttached();
  await expect(moving).toBeFocused();
  await expect(moving).toHaveAttribute("aria-label", `Priority 7390: ${nameOf(740)}`);
  await expect(row(page, nameOf(739))).toHaveAttribute("aria-label", `Priority 7400: ${nameOf(739)}`);
  await page.screenshot({ path: "test-results/rules-editor-scale-edited.png", fullPage: false });

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible({ timeout: 30_000 });

  // stored: the renamed rule with its new threshold, and the two swapped priorities
  const renamed = storedRule(id, "Renamed rule 735");
  expect(renamed?.priority).toBe(7350);
  expect(JSON.parse(renamed!.conditions)[0]).toEqual({ field: "acv", op: "gte", value: 55_500_000 });
  expect(storedRule(id, nameOf(740))?.priority).toBe(7390);
  expect(storedRule(id, nameOf(739))?.priority).toBe(7400);

  // after a reload, a deep link opens rule 735 with its edits
  await page.goto(`/rules/${id}?rule=7350`);
  const reopened = row(page, "Renamed rule 735");
  await expect(reopened.getByLabel("Name", { exact: true })).toHaveValue("Renamed rule 735", { timeout: 30_000 });
  await expect(reopened.getByLabel("Value", { exact: true })).toHaveValue("555000");
  await expect(reopened).toBeInViewport();
  await page.goto(`/rules/${id}?rule=7390`);
  await expect(row(page, nameOf(740)).getByLabel("Name", { exact: true })).toHaveValue(nameOf(740), {
    timeout: 30_000,
  });
  await page.screenshot({ path: "test-results/rules-editor-scale-deep-link.png", fullPage: false });
});
