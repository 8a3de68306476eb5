// The joint forecast end to end (docs/domain.md#joint-forecast): a VP signs in, picks last quarter,
// sees the board total with its 80 % band and the categories with theirs, and each figure opens exactly
// the deals it counts (the list's "Showing n of N" equals the count beside the figure).
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** The N of the list's "Showing n of N", once the list has rendered (only called for a non-empty list). */
async function listTotal(page: Page): Promise<number> {
  const showing = page.getByText(/^Showing \d+ of [\d,]+\+?$/);
  // the URL changes before the list has streamed in: wait for it rather than read an empty page
  await expect(showing).toBeVisible();
  const text = (await showing.innerText()).trim();
  return Number(text.split(" of ")[1].replace(/[,+]/g, ""));
}

function lastQuarter(now: Date): string {
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
}

const count = (text: string) => Number(text.replace(/[^\d]/g, ""));

test("a VP picks last quarter, sees the forecast with bands, and a tile opens exactly its deals", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "vp.sales@accord.test");
  await page.goto("/forecast");
  const period = lastQuarter(new Date());
  await page.getByLabel("Quarter", { exact: true }).selectOption(period);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`period=${period}`));
  await expect(page.getByRole("heading", { name: `Joint forecast — ${period}` })).toBeVisible();
  // the board total carries its band, and so does every category
  await expect(page.getByText(/^80 % band \$/)).toBeVisible();
  const categories = page.locator("section").filter({ has: page.getByRole("heading", { name: /80 % bands/ }) });
  await expect(categories.getByRole("rowheader", { name: "Partner sourced" })).toBeVisible();
  await page.screenshot({ path: "/tmp/forecast.png", fullPage: true });

  // "Closed won": the deals the tile counts are the deals the list shows
  const wonLink = page.getByRole("link", { name: /^Closed won \$/ });
  const wonTile = page.locator("div.rounded-lg").filter({ has: wonLink });
  const won = count(await wonTile.getByText(/ deals$/).innerText());
  expect(won).toBeGreaterThan(0);
  await wonLink.click();
  await expect(page).toHaveURL(/\/opportunities\?/);
  expect(await listTotal(page)).toBe(won);
});

test("the forecast is for executives and channel operations: a partner manager has no access", async ({ page }) => {
  await signIn(page, "pm@accord.test");
  await page.goto("/forecast");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});
