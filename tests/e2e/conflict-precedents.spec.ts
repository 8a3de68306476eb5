// The precedent log (/conflicts/precedents): staff search how past conflicts were decided; a
// partner gets a 404 (the log spans every partner's cases).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a partner manager searches the precedent log, filters by a tag and opens nothing foreign", async ({ page }) => {
  await signIn(page, "pm@accord.test");
  await page.getByRole("link", { name: "Conflict precedents" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Conflict precedents" })).toBeVisible();
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toBeVisible();

  // a word of seeded rationales, marked in the excerpt of the best match
  await page.getByLabel("Search rationales").fill("protection");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=protection/);
  await expect(page.getByText("Most relevant first")).toBeVisible();
  await expect(page.locator("main mark").first()).toHaveText(/^protect/i); // stemmed: protection, protected;

  // a tag chip filters the log by that tag, kept in the URL
  await page.goto("/conflicts/precedents");
  await page.getByRole("link", { name: "Show precedents tagged escalated" }).first().click();
  await expect(page).toHaveURL(/tag=escalated/);
  await expect(page.getByText("Remove the tag filter")).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText("escalated");

  // no match: the empty state says what to do
  await page.goto("/conflicts/precedents?q=zzqqxx");
  await expect(page.getByText("No precedent matches this search")).toBeVisible();

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  await page.goto("/conflicts/precedents?q=customer");
  const axeResults = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = [...axe.violations, ...axeResults.violations].filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => v.id)).toEqual([]);
});

test("a partner cannot open the precedent log", async ({ page }) => {
  await signIn(page, "alice@northwind.test");
  const res = await page.goto("/conflicts/precedents?q=partner");
  expect(res?.status()).toBe(404);
  await expect(page.locator("main table")).toHaveCount(0);
});
