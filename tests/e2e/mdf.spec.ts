import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 14, "Done when": a partner requests MDF, the manager approves, the partner claims with a
// proof file, ops pays, and the ROMI figure appears (docs/domain.md#mdf). Setup straight into the
// e2e database: a fund of Northwind's own for this run (so the form offers exactly it); once paid,
// channel operations link a won deal to the request on the deal's page (its won revenue counts).
const STAMP = randomBytes(3).toString("hex");
// this quarter's, so the partner's scorecard (which reads the quarter's paid MDF) shows the ROMI; the
// seed pays only last quarter's requests, so this run's is the only paid one of Northwind's this quarter
const now = new Date();
const QUARTER = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
const ACTIVITY = `Healthcare CIO webinar ${STAMP}`;

function insertFund(): void {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    const { id: partnerId } = db.prepare(`SELECT id FROM "Partner" WHERE name = 'Northwind Systems'`).get() as {
      id: string;
    };
    db.prepare(
      `INSERT INTO "MdfFund" (id, quarter, "partnerId", "allocatedCents", "spentCents", "sourcedPipelineCents", ` +
        `"committedCents", "createdAt") VALUES (?, ?, ?, 2000000, 0, 0, 0, ?)`,
    ).run(`fund_${STAMP}`, QUARTER, partnerId, new Date().toISOString().replace("Z", "+00:00"));
  } finally {
    db.close();
  }
}

/** One of Northwind's won deals not yet linked to an MDF activity: its id, name and ACV in cents. */
function wonDeal(): { id: string; name: string; acv: number } {
  const db = new Database("data/e2e.db", { timeout: 15_000, readonly: true });
  try {
    return db
      .prepare(
        `SELECT o.id, o.name, o."acvCents" AS acv FROM "Opportunity" o JOIN "Partner" p ON p.id = o."partnerId"
         WHERE p.name = 'Northwind Systems' AND o.stage = 'CLOSED_WON' AND o."mdfRequestId" IS NULL ORDER BY o.id LIMIT 1`,
      )
      .get() as { id: string; name: string; acv: number };
  } finally {
    db.close();
  }
}

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

test("a partner requests MDF, the manager approves, the partner claims with proof, ops pays, ROMI appears", async ({
  browser,
}) => {
  insertFund();
  const alice = await as(browser, "alice@northwind.test");
  await alice.page.goto("/portal/mdf");
  await alice.page.getByLabel("Fund", { exact: true }).selectOption(`fund_${STAMP}`);
  await alice.page.getByLabel("Activity").fill(ACTIVITY);
  await alice.page.getByLabel("Amount (dollars)").fill("4,321");
  await alice.page.getByLabel("Expected pipeline (dollars)").fill("150,000");
  await alice.page.getByRole("button", { name: "Request funds" }).click();
  await expect(alice.page.getByRole("status")).toContainText("Requested");
  const aliceRow = alice.page.getByRole("row").filter({ hasText: ACTIVITY });
  await expect(aliceRow).toContainText("Requested");
  // over the balance: refused with the field's message
  await alice.page.getByLabel("Activity").fill(`Too much ${STAMP}`);
  await alice.page.getByLabel("Amount (dollars)").fill("20,000");
  await alice.page.getByLabel("Expected pipeline (dollars)").fill("1");
  await alice.page.getByRole("button", { name: "Request funds" }).click();
  await expect(alice.page.getByText("At most $15,679: what is left in this fund")).toBeVisible();

  const pm = await as(browser, "pm@accord.test");
  await pm.page.goto("/mdf?status=REQUESTED");
  await pm.page.getByRole("button", { name: "Approve Northwind Systems's $4,321 request" }).click();
  await pm.page.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
  await expect(pm.page.getByRole("row").filter({ hasText: ACTIVITY })).toHaveCount(0);
  await pm.close();

  await alice.page.reload();
  await alice.page.getByLabel(`Proof for ${ACTIVITY}`).setInputFiles({
    name: "webinar-invoice.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% invoice for the webinar\n%%EOF\n"),
  });
  await alice.page.getByRole("button", { name: `Claim ${ACTIVITY}` }).click();
  await expect(aliceRow).toContainText("Claimed");
  await expect(aliceRow.getByRole("link", { name: "webinar-invoice.pdf" })).toBeVisible();

  const ops = await as(browser, "ops@accord.test");
  await ops.page.goto("/mdf?status=CLAIMED");
  await ops.page.getByRole("button", { name: "Mark Northwind Systems's $4,321 request paid" }).click();
  await ops.page.getByRole("alertdialog").getByRole("button", { name: "Mark paid" }).click();
  await expect(ops.page.getByRole("row").filter({ hasText: ACTIVITY })).toHaveCount(0);

  // ops credits one of Northwind's won deals to the activity, on the deal's page
  const deal = wonDeal();
  await ops.page.goto(`/opportunities/${deal.id}`);
  await ops.page
    .getByLabel("Sourced by MDF activity")
    .selectOption({ label: `${ACTIVITY} · Northwind Systems fund, ${QUARTER}` });
  await ops.page.getByRole("button", { name: "Save link" }).click();
  await expect(ops.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await ops.page.screenshot({ path: "test-results/mdf-deal-link.png", fullPage: true });
  const expected = `${(Number(deal.acv) / 432_100).toFixed(1)}×`;
  await ops.page.goto("/mdf?status=PAID");
  const paidRow = ops.page.getByRole("row").filter({ hasText: ACTIVITY });
  await expect(paidRow).toContainText("Paid");
  // the request lists the deal it sourced, linked to the deal
  await expect(paidRow.getByRole("link", { name: deal.name })).toHaveAttribute("href", `/opportunities/${deal.id}`);
  await expect(ops.page.getByTestId("mdf-romi")).toBeVisible();
  await expect(
    ops.page
      .getByRole("table", { name: "ROMI per motion and fund" })
      .getByRole("row")
      .filter({ hasText: `Northwind Systems · ${QUARTER}` })
      .first(),
  ).toContainText(expected);
  await ops.page.screenshot({ path: "test-results/mdf-staff.png", fullPage: true });
  await ops.close();

  await alice.page.reload();
  await expect(
    alice.page
      .getByRole("table", { name: "ROMI per motion and fund" })
      .getByRole("row")
      .filter({ hasText: `Northwind Systems · ${QUARTER}` })
      .first(),
  ).toContainText(expected);
  await alice.page.screenshot({ path: "test-results/mdf-portal.png", fullPage: true });
  // and on the partner's own scorecard for the quarter
  await alice.page.goto(`/portal/scorecard?period=${QUARTER}`);
  await expect(alice.page.getByText(expected, { exact: true })).toBeVisible();
  await alice.close();
});

test("another partner sees none of Northwind's MDF", async ({ browser }) => {
  const bob = await as(browser, "bob@contoso.test");
  await bob.page.goto("/portal/mdf");
  await expect(bob.page.getByRole("heading", { name: "Market development funds" })).toBeVisible();
  await expect(bob.page.getByText("Northwind Systems")).toHaveCount(0);
  await bob.close();
});
