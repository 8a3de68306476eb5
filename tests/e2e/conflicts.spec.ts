import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { insertPartnerApiKey, signIn } from "./helpers";

// Issue 11, "Done when": a duplicate registration opens a case; the partner manager opens it from
// the dashboard count, sees the evidence and the criteria, and escalates it; another overdue case
// escalates by itself when the jobs run; a VP resolves with a split; the partner sees the outcome
// without the other party's name (docs/domain.md#conflicts-and-escalation).

async function register(api: APIRequestContext, company: string) {
  const res = await api.post("/api/v1/registrations", {
    data: {
      account: { name: company, country: "DE", vertical: "MANUFACTURING" },
      productLine: "Platform",
      estimatedAcv: 31_200_000,
      expectedCloseDate: "2027-06-30",
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; conflict?: { type: string } };
}

/** A duplicate-registration case on a fresh company (Northwind first, then Contoso); returns its id. */
async function duplicateCase(northwind: APIRequestContext, contoso: APIRequestContext, company: string) {
  await register(northwind, company);
  const second = await register(contoso, company);
  expect(second.conflict?.type).toBe("DUPLICATE_REGISTRATION");
  const list = await contoso.get("/api/v1/conflicts?type=DUPLICATE_REGISTRATION&sort=openedAt&dir=desc&pageSize=20");
  const rows = (await list.json()).data as { id: string; subject: string }[];
  const row = rows.find((r) => r.subject === company);
  expect(row).toBeTruthy();
  return { caseId: row!.id, contosoRegistration: second.id };
}

/** Test setup straight into the e2e database: the case's SLA ran out an hour ago. */
function makeOverdue(conflictId: string) {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    const past = new Date(Date.now() - 3_600_000).toISOString().replace("Z", "+00:00");
    db.prepare(`UPDATE "Conflict" SET "slaDueAt" = ? WHERE id = ?`).run(past, conflictId);
  } finally {
    db.close();
  }
}

async function history(page: Page) {
  return page.getByRole("list", { name: "Case history" });
}

test("a duplicate opens a case; the manager escalates it, the job escalates an overdue one, a VP splits it, the partner reads the outcome", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const company = `Lindqvist Maskin ${stamp} AB`;
  const overdueCompany = `Ostrava Forge ${stamp} s.r.o.`;
  const northwind = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${insertPartnerApiKey("Northwind Systems")}` },
  });
  const contoso = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${insertPartnerApiKey("Contoso Partners")}` },
  });
  const { caseId, contosoRegistration } = await duplicateCase(northwind, contoso, company);

  // the partner manager opens the case from the dashboard count
  const pm = await (await browser.newContext()).newPage();
  await signIn(pm, "pm@accord.test");
  await pm.goto("/manager");
  const tile = pm.getByText("Level-1 conflicts", { exact: true }).locator("..");
  const shown = (await tile.getByRole("link").innerText()).trim();
  await tile.getByRole("link").click();
  await expect(pm).toHaveURL(/\/conflicts\?level=1$/);
  // the list holds exactly the number the dashboard showed
  await expect(pm.getByRole("navigation", { name: "Pagination" })).toContainText(`of ${shown}`);
  await pm
    .getByRole("link", { name: /^Opened/ })
    .first()
    .click(); // newest first
  await pm
    .getByRole("link", { name: new RegExp(company) })
    .first()
    .click();
  await expect(pm).toHaveURL(new RegExp(`/conflicts/${caseId}$`));
  // evidence: both registrations with who claimed first; the objective criteria
  const evidence = pm.locator("#evidence");
  await expect(evidence.getByText(/First claim:.*Northwind Systems/)).toBeVisible();
  await expect(evidence.getByRole("link", { name: new RegExp(`Contoso Partners — ${company}`) })).toBeVisible();
  await expect(pm.getByRole("heading", { name: "Objective criteria" })).toBeVisible();
  await expect(pm.getByText("Win probability")).toBeVisible();
  await pm.getByRole("button", { name: "Escalate to level 2" }).click();
  await pm.getByRole("dialog").getByLabel("Reason").fill("Both partners claim first contact; the VPs should weigh it.");
  await pm.getByRole("dialog").getByRole("button", { name: "Escalate" }).click();
  await expect(pm.getByRole("dialog")).toHaveCount(0);
  await expect((await history(pm)).getByText("Escalated to level 2")).toBeVisible();
  await expect(pm.getByText("Open · level 2")).toBeVisible();

  // another case, past its SLA, escalates by itself when the jobs run
  const { caseId: overdueId } = await duplicateCase(northwind, contoso, overdueCompany);
  makeOverdue(overdueId);
  execFileSync("npm", ["run", "jobs:run-once"], {
    env: { ...process.env, DATABASE_URL: "file:./data/e2e.db", ACCORD_JOBS: "off" },
    stdio: "pipe",
    timeout: 120_000,
  });
  await pm.goto(`/conflicts/${overdueId}`);
  const auto = (await history(pm)).getByRole("listitem").filter({ hasText: "Escalated to level 2" });
  await expect(auto).toContainText("Accord (automatic)");

  // a VP resolves the first case with a split, the total checked as they type
  const vp = await (await browser.newContext()).newPage();
  await signIn(vp, "vp.sales@accord.test");
  await vp.goto(`/conflicts/${caseId}`);
  await vp.getByRole("button", { name: "Resolve…" }).click();
  const dialog = vp.getByRole("dialog");
  await dialog.getByLabel("Resolution").selectOption("SPLIT");
  await dialog.getByLabel("Northwind Systems").fill("60");
  await dialog.getByLabel("Contoso Partners").fill("30");
  await expect(dialog.getByText(/must sum to 100% \(now 90%\)/)).toBeVisible();
  await dialog.getByLabel("Contoso Partners").fill("40");
  await expect(dialog.getByText("Total: 100%")).toBeVisible();
  await dialog.getByLabel("Rationale").fill("Both sourced real meetings; the earlier claim weighs a little more.");
  await dialog.getByLabel(/Precedent tags/).fill("first-contact-dispute, split");
  await dialog.getByRole("button", { name: "Resolve" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(vp.getByText("Split credit").first()).toBeVisible();
  await expect(vp.getByText("40% credit")).toBeVisible();

  // the second partner reads the outcome, never the other partner's name
  const bob = await (await browser.newContext()).newPage();
  await signIn(bob, "bob@contoso.test");
  await bob.goto("/portal/conflicts?status=RESOLVED&sort=openedAt");
  await bob
    .getByRole("link", { name: new RegExp(company) })
    .first()
    .click();
  await expect(bob).toHaveURL(new RegExp(`/portal/conflicts/${caseId}$`));
  const outcome = bob.locator("section").filter({ has: bob.getByRole("heading", { name: "Outcome" }) });
  await expect(outcome.getByText("Credit split: your share 40%")).toBeVisible();
  await expect(outcome.getByText("Both sourced real meetings; the earlier claim weighs a little more.")).toBeVisible();
  await expect(bob.getByText("Another partner").first()).toBeVisible();
  await expect(bob.locator("body")).not.toContainText("Northwind");
  // the partner's registration page links the case
  await bob.goto(`/portal/registrations/${contosoRegistration}`);
  await expect(bob.getByRole("link", { name: "Duplicate registration" })).toBeVisible();
  // with that case closed, the partner contests again: "I was here first" opens a new case.
  // Regression: the button sent its input wrapped in { input }, which every call refused as "Invalid input".
  await bob.getByRole("button", { name: "I was here first…" }).click();
  const raise = bob.getByRole("dialog");
  await raise.getByLabel(/why/i).fill("Our first meeting with their CIO predates the other claim by two weeks.");
  await raise.getByRole("button", { name: /raise|open|send|submit/i }).click();
  await expect(bob).toHaveURL(/\/portal\/conflicts\/[^/]+$/);
  expect(bob.url()).not.toContain(caseId);
  await expect(bob.getByText("Our first meeting with their CIO predates the other claim by two weeks.")).toBeVisible();
  // a partner that is not party to the case gets a 404, as for a missing one
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "alice@northwind.test");
  expect((await other.goto(`/portal/conflicts/${caseId}`))!.status()).toBe(200);
  const outsiderKey = insertPartnerApiKey("Fabrikam Solutions");
  const outsider = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${outsiderKey}` },
  });
  expect((await outsider.get(`/api/v1/conflicts/${caseId}`)).status()).toBe(404);
});
