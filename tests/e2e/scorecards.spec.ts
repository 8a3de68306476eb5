// Partner scorecards and tiers end to end (docs/domain.md#scorecards-and-tiers): a partner sees its
// own scorecard and nothing of another partner's (a foreign partner's page answers 404); a partner
// manager sorts their partners by a figure; channel operations confirms a tier proposal and the
// partner's tier changes from the next quarter's start, not before.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

function nextQuarterStart(now: Date): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3, 1));
  return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    start,
  );
}

test("a partner sees its own scorecard, and another partner's page answers 404", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // the id of a partner that is not Northwind, as channel operations sees it
  const ops = await browser.newPage();
  await signIn(ops, "ops@accord.test");
  await ops.goto("/scorecards");
  const contoso = await ops.getByRole("link", { name: "Contoso Partners", exact: true }).getAttribute("href");
  await ops.close();
  expect(contoso).toMatch(/^\/partners\/[^/]+$/);

  await signIn(page, "alice@northwind.test");
  await page.getByRole("link", { name: "Scorecard", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Scorecard", level: 1 })).toBeVisible();
  await expect(page.getByText(/How Northwind Systems is doing in \d{4}-Q[1-4]/)).toBeVisible();
  await expect(page.getByText("Registrations decided")).toBeVisible();
  await expect(page.getByText(/^Tier: /)).toBeVisible();
  await expect(page.getByText("Contoso Partners")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/portal-scorecard.png", fullPage: true });

  // the figures open the partner's own lists
  await page.getByRole("link", { name: /^\d+$/ }).first().click();
  await expect(page).toHaveURL(/\/portal\/registrations\?decidedFrom=/);
  // …and the deal figures its own deals, in the same quarter
  await page.goBack();
  await page.getByText("Win rate").locator("..").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/portal\/deals\?outcome=closed&closedFrom=/);
  await expect(page.getByRole("heading", { name: "Deals", level: 1 })).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: /^\d+ won$/ }).click();
  await expect(page).toHaveURL(/\/portal\/conflicts\?.*partnerOutcome=won/);

  for (const url of [contoso!, "/scorecards"]) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(404);
  }
});

test("a partner manager sorts their partners by a figure", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "pm@accord.test");
  await page.goto("/scorecards");
  await expect(page.getByRole("heading", { name: "Scorecards", level: 1 })).toBeVisible();
  const names = () => page.locator("tbody tr td:first-child a").allInnerTexts();
  const before = await names();
  expect(before.length).toBeGreaterThan(1);
  expect(before).toEqual([...before].sort((a, b) => a.localeCompare(b)));
  await page.screenshot({ path: "/tmp/scorecards.png", fullPage: true });

  // by partner, descending
  await page
    .getByRole("columnheader", { name: /Partner/ })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect.poll(names).toEqual([...before].sort((a, b) => b.localeCompare(a)));

  // by sourced revenue: the header announces it
  await page
    .getByRole("columnheader", { name: /Sourced revenue/ })
    .first()
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/sort=sourcedRevenue/);
  await expect(page.getByRole("columnheader", { name: /Sourced revenue/ }).first()).toHaveAttribute(
    "aria-sort",
    /ascending|descending/,
  );
  expect((await names()).sort()).toEqual([...before].sort());
});

test("ops confirms a tier proposal and the tier changes from the next quarter's start", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "ops@accord.test");
  // the review job runs a few seconds after start-up: wait for its proposals
  await expect
    .poll(
      async () => {
        await page.goto("/partners/tiers");
        return page.getByRole("button", { name: /^Confirm / }).count();
      },
      { timeout: 90_000, intervals: [3_000] },
    )
    .toBeGreaterThan(0);
  await page.screenshot({ path: "/tmp/tiers.png", fullPage: true });
  const confirm = page.getByRole("button", { name: /^Confirm / }).first();
  const label = (await confirm.getAttribute("aria-label"))!; // "Confirm <partner>: <from> → <to>"
  const [, partner, from, to] = /^Confirm (.+): (\w+) → (\w+)$/.exec(label)!;
  await confirm.click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Confirm change" }).click();
  const when = nextQuarterStart(new Date());
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: partner, exact: true }) });
  await expect(row.getByText(`Confirmed: ${to} from ${when}`)).toBeVisible();

  // the partner keeps its tier this quarter; the change is shown with its date
  await row.getByRole("link", { name: partner, exact: true }).click();
  await expect(page.getByText(new RegExp(`^${from} .* · ${to} from ${when}$`))).toBeVisible();
});
