import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 12, "Done when": an AE creates a $180K direct deal → it shows "Partner needed" → it is
// offered to a partner → that partner signs in to the portal, sees it under Offers and accepts →
// the deal shows the partner (docs/domain.md#hand-offs).
//
// Test setup straight into the e2e database: a region of its own with one partner that serves it
// (so the ranking has exactly one candidate, whatever other specs do to the demo partners), a user
// of that partner with the demo password, and an account of the demo AE there.
function world(stamp: string) {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  const now = new Date().toISOString().replace("Z", "+00:00");
  const id = (p: string) => `${p}_${stamp}_${randomBytes(4).toString("hex")}`;
  try {
    const { passwordHash } = db
      .prepare(`SELECT "passwordHash" FROM "User" WHERE email = 'alice@northwind.test'`)
      .get() as {
      passwordHash: string;
    };
    const ae = db.prepare(`SELECT id FROM "User" WHERE email = 'ae@accord.test'`).get() as { id: string };
    const region = id("reg");
    db.prepare(`INSERT INTO "Region" (id, code, name, "directPresence") VALUES (?, ?, ?, 0)`).run(
      region,
      `E2E-${stamp}`,
      `Handoff region ${stamp}`,
    );
    const partner = id("par");
    const partnerName = `Baltic Health Partners ${stamp}`;
    db.prepare(
      `INSERT INTO "Partner" (id, name, "nameKey", type, tier, status, "createdAt", "updatedAt") VALUES (?, ?, ?, 'RESELLER', 'GOLD', 'ACTIVE', ?, ?)`,
    ).run(partner, partnerName, partnerName.toLowerCase(), now, now);
    db.prepare(`INSERT INTO "PartnerRegion" ("partnerId", "regionId") VALUES (?, ?)`).run(partner, region);
    db.prepare(`INSERT INTO "PartnerVertical" ("partnerId", vertical) VALUES (?, 'HEALTHCARE')`).run(partner);
    const email = `offers-${stamp}@baltic.test`;
    db.prepare(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "partnerId", active, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'PARTNER', ?, 1, ?, ?)`,
    ).run(id("usr"), email, "Marta Offers", passwordHash, partner, now, now);
    const accountName = `Gdansk Clinic ${stamp}`;
    db.prepare(
      `INSERT INTO "Account" (id, name, "nameKey", country, "regionId", vertical, tier, "namedAccount", "ownerId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'PL', ?, 'HEALTHCARE', 'MIDMARKET', 0, ?, ?, ?)`,
    ).run(id("acc"), accountName, `gdansk clinic ${stamp}`, region, ae.id, now, now);
    return { partnerName, email, accountName };
  } finally {
    db.close();
  }
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test("an AE's $180K direct deal needs a partner, is offered to one, and the partner accepts it in the portal", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now()}`;
  const w = world(stamp);
  const dealName = `Clinic rollout ${stamp}`;

  // the AE creates the deal with the form
  const ae = await signedIn(browser, "ae@accord.test");
  await ae.page.goto("/opportunities/new");
  const form = ae.page.getByRole("form", { name: "New opportunity" });
  await form.getByRole("combobox", { name: "Account" }).fill(w.accountName);
  await ae.page.getByRole("option", { name: new RegExp(w.accountName) }).click();
  await form.getByLabel("Deal name").fill(dealName);
  await form.getByLabel("Product line").selectOption({ label: "Platform" });
  await form.getByLabel("ACV (USD)").fill("180000");
  await form.getByLabel("Discount (%)").fill("0");
  await form.getByLabel("Expected close date").fill("2027-03-31");
  await form.getByRole("button", { name: /create|save/i }).click();
  await expect(ae.page).toHaveURL(/\/opportunities\/(?!new)[^/]+$/);
  const dealUrl = ae.page.url();
  await expect(ae.page.getByText("Partner needed").first()).toBeVisible();

  // channel operations see it offered to the only partner serving the region: offer 1 of 3, SLA due
  const ops = await signedIn(browser, "ops@accord.test");
  await ops.page.goto(`/handoffs?q=${encodeURIComponent(dealName)}`);
  const row = ops.page.getByRole("row", { name: new RegExp(dealName) });
  await expect(row).toContainText(w.partnerName);
  await expect(row).toContainText("1 of 3");
  await expect(row).toContainText("Offered");

  await ops.page.screenshot({ path: "/tmp/d2-queue.png", fullPage: true });

  // another partner does not see the offer
  const bob = await signedIn(browser, "bob@contoso.test");
  await bob.page.goto("/portal/offers");
  await expect(bob.page.getByRole("heading", { name: "Offers" })).toBeVisible();
  await expect(bob.page.getByText(w.accountName)).toHaveCount(0);

  // the partner accepts in the portal
  const partner = await signedIn(browser, w.email);
  await partner.page.getByRole("link", { name: "Offers" }).click();
  await expect(partner.page).toHaveURL(/\/portal\/offers/);
  const offer = partner.page.getByRole("row", { name: new RegExp(w.accountName) });
  await expect(offer).toContainText("$180,000");
  await expect(offer).toContainText(/due in (2 days|1 day|\d+ hours)/);
  await partner.page.screenshot({ path: "/tmp/d2-offers.png", fullPage: true });
  // declining asks for a reason (components/ui/reason-dialog.tsx): nothing to send until it is long
  // enough; cancelled, the offer stays open
  await offer.getByRole("button", { name: `Decline the offer for ${w.accountName}` }).click();
  const decline = partner.page.getByRole("dialog", { name: `Decline ${w.accountName}` });
  const send = decline.getByRole("button", { name: "Decline the offer" });
  await expect(send).toBeDisabled();
  await decline.getByLabel("Reason").fill("No");
  await expect(send).toBeDisabled();
  await decline.getByLabel("Reason").fill("No capacity this quarter");
  await expect(send).toBeEnabled();
  await partner.page.screenshot({ path: "/tmp/split-decline.png" });
  await decline.getByRole("button", { name: "Cancel" }).click();
  await expect(decline).toHaveCount(0);
  await offer.getByRole("button", { name: `Accept the offer for ${w.accountName}` }).click();
  await partner.page.getByRole("alertdialog").getByRole("button", { name: "Accept the deal" }).click();
  await expect(offer).toContainText("Accepted");
  await expect(offer.getByRole("button", { name: /Accept the offer/ })).toHaveCount(0);

  // the deal shows the partner, and no longer "Partner needed"
  await ae.page.goto(dealUrl);
  await expect(ae.page.getByText(w.partnerName).first()).toBeVisible();
  await expect(ae.page.getByText("Partner needed")).toHaveCount(0);
  await ae.page.screenshot({ path: "/tmp/d2-deal-accepted.png", fullPage: true });

  // channel operations see the offer and its outcome on the list of offers
  await ops.page.goto(`/handoffs/offers?outcome=accepted&q=${encodeURIComponent(dealName)}`);
  const answered = ops.page.getByRole("row", { name: new RegExp(dealName) });
  await expect(answered).toContainText(w.partnerName);
  await expect(answered).toContainText("Accepted");
  await ops.page.screenshot({ path: "/tmp/g-offers.png", fullPage: true });

  for (const c of [ae, ops, bob, partner]) await c.context.close();
});
