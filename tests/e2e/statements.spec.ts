// Attribution and pay end to end (docs/domain.md#attribution-and-pay): an AE creates a $400K deal
// with Northwind attached (co-sell) through the opportunity form and closes it won on the deal
// page; the AE's statement then shows its quota credit and the $1,000 SPIFF, and Northwind's portal
// statement its margin. Another party's statement answers 404 in both areas.
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { signIn } from "./helpers";

type Row = Record<string, string>;

function query(sql: string, ...params: string[]): Row {
  const db = new Database("data/e2e.db", { readonly: true, timeout: 15_000 });
  try {
    return db.prepare(sql).get(...params) as Row;
  } finally {
    db.close();
  }
}

const MARGIN: Record<string, number> = { PLATINUM: 30, GOLD: 25, SILVER: 20, REGISTERED: 15 };
const month = () => new Date().toISOString().slice(0, 7);

test("a co-sell deal closed won shows on the AE's statement (quota credit, SPIFF) and the partner's (margin)", async ({
  browser,
}) => {
  const name = `E2E co-sell ${Date.now().toString(36)}`;
  const account = query(
    `SELECT a.name FROM "Account" a JOIN "User" u ON u.id = a.ownerId WHERE u.email = ? AND a.namedAccount = 0 ORDER BY a.name LIMIT 1`,
    "ae@accord.test",
  );
  const northwind = query(`SELECT id, tier FROM "Partner" WHERE name = 'Northwind Systems'`);

  const aeContext = await browser.newContext();
  const ae = await aeContext.newPage();
  await signIn(ae, "ae@accord.test");
  await ae.goto("/opportunities/new");
  await ae.getByRole("combobox", { name: "Account" }).fill(account.name.slice(0, 12));
  await ae
    .getByRole("option", { name: new RegExp(account.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })
    .first()
    .click();
  await ae.getByLabel("Deal name").fill(name);
  await ae.getByLabel("Product line").selectOption({ label: "Platform" });
  await ae.getByLabel("ACV (USD)").fill("400,000");
  await ae.getByLabel("Expected close date").fill("2027-03-31");
  await ae.getByLabel("Attached partner").selectOption({ label: "Northwind Systems" });
  await ae.getByRole("button", { name: /create/i }).click();
  await expect(ae).toHaveURL(/\/opportunities\/[^/]+$/);
  await ae.getByRole("button", { name: "Close won" }).click();
  await ae.getByRole("alertdialog").getByRole("button", { name: "Close won" }).click();
  await expect(ae.getByRole("alertdialog")).toBeHidden();
  // closed: the deal's attribution is final, and its credit can be disputed from the deal itself
  const attribution = ae.locator("section").filter({ has: ae.getByRole("heading", { name: /^Attribution/ }) });
  await expect(attribution.getByText("Final", { exact: true })).toBeVisible();
  await expect(attribution.getByRole("button", { name: `Dispute the attribution of ${name}` })).toBeVisible();
  await ae.screenshot({ path: "/tmp/deal-final.png", fullPage: true });

  await ae.goto(`/statements?period=${month()}`);
  const line = ae.getByRole("row").filter({ hasText: name });
  await expect(line).toContainText("Partner cosell");
  await expect(line).toContainText("$400,000"); // ACV and full quota credit
  await expect(line).toContainText("$1,000"); // SPIFF: $250K to under $1M
  // the rules route a $400K deal co-sell (or direct with the partner attached): co-sell either way
  await expect(line).toContainText(/Co-sell: (routed co-sell with the partner attached|a partner is attached)/);
  await ae.screenshot({ path: "/tmp/d3-ae-statement.png", fullPage: true });
  // another AE's statement: 404
  const maya = query(`SELECT id FROM "User" WHERE email = 'maya.chen@accord.test'`);
  const foreign = await ae.goto(`/statements?party=ae:${maya.id}`);
  expect(foreign?.status()).toBe(404);
  await aeContext.close();

  const partnerContext = await browser.newContext();
  const alice = await partnerContext.newPage();
  await signIn(alice, "alice@northwind.test");
  await alice.goto(`/portal/statements?period=${month()}`);
  const own = alice.getByRole("row").filter({ hasText: name });
  const margin = (400_000 * MARGIN[northwind.tier]) / 100;
  await expect(own).toContainText(`$${margin.toLocaleString("en-US")}`);
  await expect(own).toContainText(`${MARGIN[northwind.tier]}%`);
  await expect(alice.getByRole("columnheader", { name: "SPIFF" })).toHaveCount(0);
  await expect(alice.getByRole("columnheader", { name: "Quota credit" })).toHaveCount(0);
  await alice.screenshot({ path: "/tmp/d3-portal-statement.png", fullPage: true });
  const contoso = query(`SELECT id FROM "Partner" WHERE name = 'Contoso Partners'`);
  const other = await alice.goto(`/portal/statements?party=partner:${contoso.id}`);
  expect(other?.status()).toBe(404);
  // the CSV export is the partner's own statement
  const csv = await alice.request.get(`/api/v1/statements/export?period=${month()}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("row,closed,deal,account,category,credit_pct,acv,margin_pct,margin,why");
  expect(text).toContain(name);
  // the partner disputes the line: an ATTRIBUTION_DISPUTE case opens and the portal shows it
  await alice.goto(`/portal/statements?period=${month()}`);
  await alice.getByRole("button", { name: `Dispute the attribution of ${name}` }).click();
  await alice.getByRole("dialog").getByLabel("Evidence").fill("We ran the discovery workshops; see the March e-mails.");
  await alice.getByRole("dialog").getByRole("button", { name: "Open the dispute" }).click();
  await expect(alice).toHaveURL(/\/portal\/conflicts\/[^/]+$/);
  await expect(alice.getByText("We ran the discovery workshops; see the March e-mails.")).toBeVisible();
  await partnerContext.close();
});

test("channel operations adjust an AE's statement with a reason, shown on the statement and audited", async ({
  page,
}) => {
  const daniel = query(`SELECT id FROM "User" WHERE email = 'daniel.ortiz@accord.test'`);
  const reason = `Clawback ${Date.now().toString(36)}: customer cancelled in 30 days`;
  await signIn(page, "ops@accord.test");
  await page.goto("/statements");
  await page.getByLabel("Statement of").selectOption({ label: "Daniel Ortiz" });
  await page.getByLabel("Period (deals closed in it)").selectOption("2026-11");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`party=ae%3A${daniel.id}`));
  await expect(page.getByRole("heading", { name: "Daniel Ortiz — November 2026" })).toBeVisible();
  const spiffBefore = await page.getByTestId("total-spiff").innerText();
  await page.getByRole("button", { name: "Add adjustment…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Corrects").selectOption({ label: "SPIFF" });
  await dialog.getByLabel("Amount (USD)").fill("-250");
  await dialog.getByLabel("Reason").fill("too short");
  await dialog.getByRole("button", { name: "Book adjustment" }).click();
  await expect(dialog.getByText(/at least 10 characters/).first()).toBeVisible();
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Book adjustment" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText("-$250");
  await expect(page.getByTestId("total-spiff")).not.toHaveText(spiffBefore);
  await page.screenshot({ path: "/tmp/d3-ops-statement.png", fullPage: true });
  const audit = query(
    `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE action = 'payout.adjust' AND "after" LIKE ?`,
    `%${reason}%`,
  );
  expect(Number(audit.n)).toBe(1);
});

test("at 390 px the portal statement stacks its lines as cards, no wider than the screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, "alice@northwind.test");
  await page.goto("/portal/statements?period=2026-Q4");
  await expect(page.getByRole("heading", { name: /Northwind Systems — 2026 Q4/ })).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "page width at 390 px").toBeLessThanOrEqual(innerWidth);
  await page.screenshot({ path: "/tmp/d3-portal-390.png", fullPage: false });
  await context.close();
});
