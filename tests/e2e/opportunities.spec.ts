import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 12, opportunities (docs/domain.md#opportunities): an AE creates a deal through the form
// (account search-as-you-type), the rules route it and the label says a partner is needed, the AE
// edits it and closes it lost, which needs a reason.

/** An account of the AE's where the default rules route by ACV band alone (rules 70/80/90). */
function aeAccount(): string {
  const db = new Database("data/e2e.db", { readonly: true, timeout: 15_000 });
  try {
    const row = db
      .prepare(
        `SELECT a.name FROM "Account" a JOIN "User" u ON u.id = a."ownerId" JOIN "Region" r ON r.id = a."regionId"
         WHERE u.email = 'ae@accord.test' AND a."namedAccount" = 0 AND r."directPresence" = 1
           AND a.vertical NOT IN ('HEALTHCARE', 'GOVERNMENT', 'FINANCIAL_SERVICES')
         ORDER BY a.name LIMIT 1`,
      )
      .get() as { name: string };
    return row.name;
  } finally {
    db.close();
  }
}

/** Serious and critical axe findings (WCAG 2.1 A/AA) on the page as it stands. */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("an AE creates a deal through the form, edits it and closes it lost with a reason", async ({ page }) => {
  test.setTimeout(120_000);
  const account = aeAccount();
  const deal = `E2E deal ${Date.now()}`;
  await signIn(page, "ae@accord.test");

  await page.goto("/opportunities");
  await page.getByRole("link", { name: "New opportunity" }).click();
  await expect(page).toHaveURL(/\/opportunities\/new$/);

  // nothing filled in: the server answers field by field
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("form", { name: "New opportunity" }).getByRole("alert")).toContainText(
    "Check the highlighted fields",
  );
  await expect(page.getByLabel("Deal name")).toHaveAttribute("aria-invalid", "true");

  const combobox = page.getByRole("combobox", { name: "Account" });
  await combobox.fill(account.slice(0, 6));
  const option = page.getByRole("option", { name: new RegExp(`^${account.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
  await expect(option).toBeVisible();
  await option.click();
  await expect(combobox).toHaveValue(account);
  await page.getByLabel("Deal name").fill(deal);
  await page.getByLabel("Product line").selectOption({ label: "Platform" });
  await page.getByLabel("ACV (USD)").fill("180,000");
  await page.getByLabel("Discount (%)").fill("10");
  await page.getByLabel("Expected close date").fill("2027-06-30");
  await page.screenshot({ path: "test-results/opportunity-form.png", fullPage: true });
  expect(await axe(page)).toEqual([]);
  await page.getByRole("button", { name: "Create opportunity" }).click();

  // the deal page: routed partner-led by the $250K band, and no partner on it yet
  await expect(page.getByRole("heading", { name: deal })).toBeVisible();
  await expect(page).toHaveURL(/\/opportunities\/(?!new)[^/]+$/);
  await expect(page.getByText("Partner needed").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Deal timeline" })).toContainText("Created");
  expect(await axe(page)).toEqual([]);

  // edit: the name changes, the route stays
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("ACV (USD)")).toHaveValue("180000");
  await page.getByLabel("Deal name").fill(`${deal} (renewal)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `${deal} (renewal)` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Deal timeline" })).toContainText("Changed name");

  // a partner touch, listed on the deal
  await page.getByLabel("Partner", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("What they did").selectOption("Joint demo");
  await page.getByRole("button", { name: "Record touch" }).click();
  await expect(page.getByRole("list", { name: "Partner touches" })).toContainText("Joint demo");

  // close lost: refused without a reason, then closed with one
  await page.getByRole("button", { name: "Close lost" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "Close lost" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Say why the deal was lost");
  await dialog.getByLabel("Why was it lost?").fill("Chose a competitor on price");
  await dialog.getByRole("button", { name: "Close lost" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Lost because")).toBeVisible();
  await expect(page.getByText("Chose a competitor on price").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Close won" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/opportunity-page.png", fullPage: true });

  // the list's "Partner needed" filter is applied on the server
  await page.goto("/opportunities?route=PARTNER_NEEDED");
  const rows = page.locator("table tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("Partner needed");
});
