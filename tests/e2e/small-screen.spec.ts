// Small screens (390 px, a phone): lists show each row as a stacked card with its key fields in
// view, never behind sideways scrolling; the registration form shows the route before the submit
// button; and a confirmation dialog works from the keyboard (Escape cancels, focus returns).
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const PHONE = { width: 390, height: 844 };

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "page width at 390 px").toBeLessThanOrEqual(innerWidth);
}

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE });

  test("the registration queue shows stacked cards with the key fields in view", async ({ page }) => {
    await signIn(page, "ops@accord.test");
    await page.goto("/registrations");
    const row = page.locator("main table tbody tr").first();
    const account = row.locator("td").first().getByRole("link");
    const status = row.locator('td[data-label="Status"]');
    const acv = row.locator('td[data-label="Est. ACV"]');
    for (const cell of [account, status, acv]) await expect(cell).toBeInViewport();
    // a card, not a table row: the main link on top, each field on a line of its own below it
    const [a, s, v] = await Promise.all([account.boundingBox(), status.boundingBox(), acv.boundingBox()]);
    expect(s!.y).toBeGreaterThan(a!.y + a!.height - 1);
    expect(s!.y).toBeGreaterThan(v!.y);
    expect(s!.x + s!.width).toBeLessThanOrEqual(PHONE.width);
    // each value is introduced by its column's label
    expect(await status.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Status"');
    await noSidewaysScroll(page);
    await page.screenshot({ path: "test-results/small-registrations-ops.png" });
  });

  test("the partner's list and registration form fit a phone; the route preview comes before submitting", async ({
    page,
  }) => {
    await signIn(page, "alice@northwind.test");
    await page.goto("/portal/registrations");
    await expect(page.locator("main table tbody tr").first().getByRole("link").first()).toBeInViewport();
    await noSidewaysScroll(page);
    await page.screenshot({ path: "test-results/small-portal-registrations.png" });

    await page.goto("/portal/registrations/new");
    const preview = page.getByRole("complementary", { name: "Route preview" });
    const submit = page.getByRole("button", { name: "Submit registration" });
    const [p, s] = await Promise.all([preview.boundingBox(), submit.boundingBox()]);
    expect(p!.y + p!.height).toBeLessThanOrEqual(s!.y);
    await noSidewaysScroll(page);
    await page.screenshot({ path: "test-results/small-portal-registration-new.png", fullPage: true });
  });

  test("the upload template, a registration's evidence and a rule-set diff are stacked cards, not wide tables", async ({
    page,
  }) => {
    const stacked = async (caption: string, label: string) => {
      const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) });
      const cell = table.locator(`tbody tr td[data-label="${label}"]`).first();
      await expect(cell).toBeInViewport();
      expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe(`"${label}"`);
    };
    await signIn(page, "alice@northwind.test");
    await page.goto("/portal/registrations/upload");
    await stacked("Columns of the registration template", "What to enter");
    await noSidewaysScroll(page);

    await page.context().clearCookies();
    await signIn(page, "ops@accord.test");
    // the oldest seeded registration: its evidence has rows, unlike a fresh one another spec just made
    // (regression: the newest registration, from a parallel spec, had empty evidence and no table)
    await page.goto("/registrations?sort=submittedAt&dir=asc");
    await page.locator("main table tbody tr").first().getByRole("link").first().click();
    await page.locator("#evidence").scrollIntoViewIfNeeded();
    const field = page.locator("#evidence table tbody tr").first().locator("td").nth(1);
    await expect(field).toBeVisible();
    const label = await field.getAttribute("data-label");
    expect(await field.evaluate((td) => getComputedStyle(td, "::before").content)).toBe(`"${label}"`);
    await noSidewaysScroll(page);
    await page.screenshot({ path: "test-results/small-evidence.png", fullPage: true });

    await page.goto("/rules/diff");
    const before = page.locator('table tbody td[data-label^="Before: v"]').first();
    await before.scrollIntoViewIfNeeded();
    await expect(before).toBeInViewport();
    expect(await before.evaluate((td) => getComputedStyle(td, "::before").content)).toMatch(/^"Before: v\d+"$/);
    await noSidewaysScroll(page);
    await page.screenshot({ path: "test-results/small-rule-diff.png", fullPage: true });
  });

  test("a confirmation dialog is operable from the keyboard: Escape cancels and focus returns", async ({ page }) => {
    await signIn(page, "alice@northwind.test");
    await page.goto("/portal/api-keys");
    const name = `Keyboard ${Date.now()}`;
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toBeVisible();

    const row = page.getByRole("row", { name: new RegExp(name) });
    const revoke = row.getByRole("button", { name: `Revoke “${name}”` });
    await revoke.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
    await expect(dialog).toBeVisible();
    // focus is trapped inside the dialog, starting on the safe choice
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.screenshot({ path: "test-results/small-confirm-dialog.png" });
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(revoke).toBeFocused();
    await expect(row).toContainText("Active");

    // confirmed from the keyboard, the key is revoked
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Revoke key" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(row).toContainText("Revoked");
    await noSidewaysScroll(page);
  });
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("lists stay tables, and the route preview sits beside the form", async ({ page }) => {
    await signIn(page, "ops@accord.test");
    await page.goto("/registrations");
    await expect(page.getByRole("columnheader", { name: /Account/ })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sort" })).toBeHidden();
    await page.screenshot({ path: "test-results/wide-registrations-ops.png", fullPage: true });

    await page.context().clearCookies();
    await signIn(page, "alice@northwind.test");
    await page.goto("/portal/registrations");
    await expect(page.getByRole("columnheader", { name: /Account/ })).toBeVisible();
    await page.screenshot({ path: "test-results/wide-portal-registrations.png", fullPage: true });
    await page.goto("/portal/registrations/new");
    const [p, s] = await Promise.all([
      page.getByRole("complementary", { name: "Route preview" }).boundingBox(),
      page.getByRole("button", { name: "Submit registration" }).boundingBox(),
    ]);
    expect(p!.x).toBeGreaterThan(1280 / 2); // beside the form, in the right-hand column
    expect(p!.y).toBeLessThan(s!.y);
    await page.screenshot({ path: "test-results/wide-portal-registration-new.png", fullPage: true });
  });
});
