// Partner administration (docs/architecture.md#administration) in real Chromium: channel operations
// create a partner, change its manager, and see a partner's active claims and open hand-offs before
// a deactivation can be saved.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("ops creates a partner and changes its manager", async ({ page }) => {
  await signIn(page, "ops@accord.test");
  await page.goto("/partners");
  await page.getByRole("link", { name: "New partner" }).click();
  await expect(page).toHaveURL(/\/partners\/new$/);
  await page.waitForLoadState("networkidle"); // hydrated: the form is React state
  await page.getByLabel("Name").fill("Lakeside Resellers");
  await page.getByLabel("Type").selectOption("MSP");
  await page.getByLabel("Tier").selectOption({ label: "Registered" });
  const managers = page.getByLabel("Partner manager");
  const [first, second] = (await managers.locator("option").allTextContents()).filter((t) => t !== "Nobody yet");
  await managers.selectOption({ label: second! });
  await page
    .getByRole("group", { name: /Verticals/ })
    .getByLabel("Healthcare")
    .check();
  await page.getByRole("button", { name: "Create partner" }).click();

  await expect(page.getByRole("heading", { name: "Lakeside Resellers" })).toBeVisible();
  await expect(page.getByText(`managed by ${second}`)).toBeVisible();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(/\/partners\/[^/]+\/edit$/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Partner manager").selectOption({ label: first! });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("link", { name: "← Lakeside Resellers" }).click();
  await expect(page.getByText(`managed by ${first}`)).toBeVisible();

  // the same name again is refused on the name field
  await page.goto("/partners/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("lakeside resellers");
  await page.getByRole("button", { name: "Create partner" }).click();
  await expect(page.getByText("A partner with this name exists already").first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
});

test("deactivating a partner shows its active claims and open hand-offs first", async ({ page }) => {
  await signIn(page, "ops@accord.test");
  await page.goto("/partners?q=Northwind");
  await page.getByRole("link", { name: "Northwind Systems" }).first().click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: /Before you deactivate/ })).toHaveCount(0);
  await page.getByLabel("Status").selectOption({ label: "Suspended" });
  const panel = page.getByRole("region", { name: /Before you deactivate/ });
  await expect(panel).toBeVisible();
  const heading = (await panel.getByRole("heading", { level: 2 }).textContent())!;
  const [, claims, handoffs] = /(\d+) active claims? and (\d+) open hand-offs?/.exec(heading)!;
  expect(Number(claims)).toBeGreaterThan(0);
  expect(Number(handoffs)).toBeGreaterThan(0);
  await expect(panel.getByText("Deactivating releases nothing by itself")).toBeVisible();
  const claim = panel.locator('a[href^="/registrations/"]').first();
  await expect(claim).toBeVisible();
  await expect(panel.locator('a[href^="/opportunities/"]').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm: make suspended" })).toBeVisible();
  // back to active: nothing to confirm
  await page.getByLabel("Status").selectOption({ label: "Active" });
  await expect(panel).toHaveCount(0);
  await page.screenshot({ path: "test-results/partner-edit.png", fullPage: true });
  await page.getByLabel("Status").selectOption({ label: "Suspended" });
  await page.screenshot({ path: "test-results/partner-deactivate.png", fullPage: true });
  // the panel appears only after the status changes, so the page sweep never sees it: check it here
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await claim.click();
  await expect(page).toHaveURL(/\/registrations\/[^/]+$/);
});
