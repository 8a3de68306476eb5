// Pricing guardrails end to end (docs/domain.md#pricing-guardrails): a partner's registration is
// approved (protection), channel operations give the deal to an AE (no undercut: ops is not the
// direct side), the AE discounts it beyond its corridor through the deal's edit form → the deal shows
// "Beyond corridor" and a PRICING_UNDERCUT case opens, visible at /conflicts with its evidence.
// Also: the corridor grid and the leakage report render for channel operations, and their figures
// open the opportunity list. Creates its own company, so it does not depend on other specs' rows.
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import { insertPartnerApiKey, signIn } from "./helpers";

/** Test setup straight into the e2e database: a channel-operations API key (as helpers.ts does for partners). */
function insertAdminApiKey(): string {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    const prefix = randomBytes(5).toString("hex");
    const key = `acc_${prefix}_${randomBytes(32).toString("base64url")}`;
    const hash = createHash("sha256").update(key).digest("hex");
    db.prepare(
      `INSERT INTO "ApiKey" (id, name, prefix, keyHash, scope, partnerId, createdAt) VALUES (?, ?, ?, ?, 'ADMIN', NULL, ?)`,
    ).run(`key_${prefix}`, "e2e pricing", prefix, hash, new Date().toISOString());
    return key;
  } finally {
    db.close();
  }
}

function userName(email: string): string {
  const db = new Database("data/e2e.db", { readonly: true, timeout: 15_000 });
  try {
    return (db.prepare(`SELECT name FROM "User" WHERE email = ?`).get(email) as { name: string }).name;
  } finally {
    db.close();
  }
}

async function saveEdit(page: Page, opportunityId: string) {
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/opportunities/${opportunityId}$`));
}

test("an AE discounts a protected partner deal beyond its corridor: flagged, and an undercut case opens", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const slug = `undercut${Date.now().toString(36)}`;
  const company = `Pricewatch ${slug} Inc`;
  // 1. Northwind registers the company; channel operations approve it: the partner holds protection
  const partnerApi = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${insertPartnerApiKey("Northwind Systems")}` },
  });
  const submitted = await partnerApi.post("/api/v1/registrations", {
    data: {
      account: { name: company, domain: `${slug}.example`, country: "US", vertical: "RETAIL" },
      productLine: "Platform",
      estimatedAcv: 24_000_000,
      expectedCloseDate: "2027-09-30",
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const registrationId = (await submitted.json()).id as string;
  const opsApi = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${insertAdminApiKey()}` },
  });
  const approved = await opsApi.post(`/api/v1/registrations/${registrationId}/decision`, {
    data: { decision: "APPROVE", reason: "Qualified, no competing claim" },
  });
  expect(approved.status(), await approved.text()).toBe(200);
  const opportunityId = (await approved.json()).opportunityId as string;
  expect(opportunityId).toBeTruthy();

  // 2. channel operations give the deal to the AE (an ops edit is not the direct side's discount)
  const ops = await browser.newPage();
  await signIn(ops, "ops@accord.test");
  await ops.goto(`/opportunities/${opportunityId}/edit`);
  await ops.getByLabel("Account executive").selectOption({ label: userName("ae@accord.test") });
  await saveEdit(ops, opportunityId);

  // 3. the AE discounts it beyond the Platform × partner-led corridor (35 % in the demo)
  const ae = await browser.newPage();
  await signIn(ae, "ae@accord.test");
  await ae.goto(`/opportunities/${opportunityId}/edit`);
  await ae.getByLabel("Discount (%)").fill("48");
  await saveEdit(ae, opportunityId);
  await expect(ae.getByText("Beyond corridor").first()).toBeVisible();

  // 4. the undercut case is open and in the AE's conflict list, with the evidence
  await ae.goto("/conflicts?type=PRICING_UNDERCUT&status=OPEN");
  const caseLink = ae.getByRole("link", { name: new RegExp(`Pricing undercut.*${company}`) });
  await expect(caseLink).toBeVisible();
  await caseLink.click();
  await expect(ae.getByText("48% discount on this Platform deal")).toBeVisible();
  await expect(ae.getByText(/13% beyond it/)).toBeVisible();

  // once per deal: a second, deeper discount opens no second case
  await ae.goto(`/opportunities/${opportunityId}/edit`);
  await ae.getByLabel("Discount (%)").fill("50");
  await saveEdit(ae, opportunityId);
  await ae.goto("/conflicts?type=PRICING_UNDERCUT&status=OPEN");
  await expect(ae.getByRole("link", { name: new RegExp(`Pricing undercut.*${company}`) })).toHaveCount(1);

  // the list's Corridor breach filter finds the deal
  await ae.goto(`/opportunities?breach=yes&q=${encodeURIComponent(company)}`);
  await expect(ae.getByRole("link", { name: new RegExp(company) }).first()).toBeVisible();
  await ae.screenshot({ path: "/tmp/d4-breach-list.png", fullPage: true });
});

test("channel operations see the corridor grid and the leakage report; each figure opens its deals", async ({
  page,
}) => {
  await signIn(page, "ops@accord.test");
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { name: "Pricing corridors" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Edit Platform Direct corridor/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/d4-corridors.png", fullPage: true });

  // the previous quarter has won deals in the demo company
  await page.goto("/pricing/leakage");
  await page.getByRole("link", { name: /^← / }).click();
  await expect(page).toHaveURL(/period=\d{4}-Q[1-4]/);
  const deals = page.getByRole("link", { name: /won deals beyond their corridor$/ });
  await expect(deals).toBeVisible();
  const count = Number((await deals.innerText()).replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);
  await page.screenshot({ path: "/tmp/d4-leakage.png", fullPage: true });
  await deals.click();
  await expect(page).toHaveURL(/\/opportunities\?.*breach=yes/);
  // the list counts exactly the deals the report counted
  await expect(page.getByText(new RegExp(`Showing \\d+ of ${count.toLocaleString("en-US")}$`))).toBeVisible();

  // the ops dashboard's leakage card counts this quarter's deals, and links to exactly them
  await page.goto("/ops");
  const card = page
    .getByRole("region", { name: /Discount leakage/ })
    .or(page.locator("section", { hasText: "Discount leakage" }));
  const wonLink = card.getByRole("link", { name: /won deals?$/ });
  if (await wonLink.count()) {
    const n = Number((await wonLink.innerText()).replace(/[^0-9]/g, ""));
    await wonLink.click();
    await expect(page.getByText(new RegExp(`Showing \\d+ of ${n.toLocaleString("en-US")}$`))).toBeVisible();
  } else {
    await expect(card.getByText("No deal won this quarter went beyond its pricing corridor.")).toBeVisible();
  }
});
