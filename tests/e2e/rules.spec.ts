import { expect, test } from "@playwright/test";
import { openNewDraft, signIn } from "./helpers";

// docs/domain.md#rules-of-engagement: edit a draft, lint it, simulate it, publish it with a future effective date — and a
// registration claimed before that date is still decided by the rule set in force at its claim.
test("ops edit, lint, simulate and schedule a rule set; earlier claims keep the old rules", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await openNewDraft(page);

  // co-sell from $200K instead of $250K
  const under = page.locator('li[id^="rule-"]').filter({ hasText: "Under $250K ACV" });
  await under.getByRole("button", { name: "Edit" }).click();
  await under.getByLabel("Value").fill("200,000");
  await under.getByLabel("Name", { exact: true }).fill("Under $200K ACV");
  const band = page.locator('li[id^="rule-"]').filter({ hasText: "$250K–$1M ACV" });
  await band.getByRole("button", { name: "Edit" }).click();
  await band.getByLabel("At least").fill("200,000");
  await band.getByLabel("Name", { exact: true }).fill("$200K–$1M ACV");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible();

  // lint runs after the save: overlaps are information, nothing blocks publishing
  await expect(page.getByText(/^Publishable/)).toBeVisible({ timeout: 20_000 });

  // simulation over the historical deals, with progress, a matrix and changed deals
  await page.getByRole("button", { name: "Run simulation" }).click();
  await expect(page.getByText("Deals changing route")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Deals simulated")).toBeVisible();

  // publish from tomorrow
  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog");
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCMinutes(0, 0, 0);
  await dialog.getByLabel("Effective from (UTC)").fill(tomorrow.toISOString().slice(0, 16));
  await dialog.getByLabel(/Change note/).fill("Co-sell starts at $200K ACV.");
  await dialog.getByRole("button", { name: /^Publish version/ }).click();
  await expect(page.getByText(/Published — scheduled from/).first()).toBeVisible({ timeout: 20_000 });

  // a partner registers a $220K deal now: still the old rules (partner-led under rule 70)
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, "alice@northwind.test");
  const body = {
    account: { name: `Grandfather Gears ${Date.now()} AG`, country: "DE", vertical: "MANUFACTURING" },
    productLine: "Platform",
    estimatedAcv: 22_000_000,
    expectedCloseDate: "2027-06-30",
  };
  const res = await partner.request.post("/api/v1/registrations", { data: body, headers: { Origin: baseURL! } });
  expect(res.status()).toBe(201);
  const created = await res.json();
  expect(created.route).toBe("PARTNER_LED");
  const detail = await (await partner.request.get(`/api/v1/registrations/${created.id}`)).json();
  expect(detail.routeDecision.ruleSetVersion).toBe(1);
  expect(detail.routeDecision.ruleName).toBe("Under $250K ACV");

  // the same deal claimed after the effective date is decided by the new version
  const facts = {
    acv: 22_000_000,
    country: "DE",
    region: "EMEA-WEST",
    regionDirectPresence: true,
    vertical: "MANUFACTURING",
    productKind: "CORE",
    productLine: "Platform",
    namedAccount: false,
    partnerType: "RESELLER",
    registrationStatus: "SUBMITTED",
    at: new Date(tomorrow.getTime() + 3_600_000).toISOString(),
  };
  const later = await (
    await page.request.post("/api/v1/route-decisions", { data: { facts }, headers: { Origin: baseURL! } })
  ).json();
  expect(later.route).toBe("CO_SELL");
  expect(later.ruleName).toBe("$200K–$1M ACV");
  expect(later.ruleSetVersion).toBeGreaterThan(1);
});

test("partners read the published rules of engagement and preview a route", async ({ page }) => {
  await signIn(page, "bob@contoso.test");
  await page.goto("/portal/rules");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/rules of engagement/i);
  await expect(page.getByText(/Under \$250K ACV|below \$250,000/).first()).toBeVisible();
});
