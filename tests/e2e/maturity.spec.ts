// Maturity (docs/domain.md#maturity): channel operations assess the rules-of-engagement framework
// for the current quarter, land on /maturity with that assessment as the latest one, and see the
// measured indicators beside the dimensions; a measured figure opens the list it counts.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

test("ops completes a maturity assessment and sees it with the measured indicators", async ({ page }) => {
  await signIn(page, "ops@accord.test");
  await page.goto("/maturity");
  await expect(page.getByRole("heading", { name: "Maturity", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Assess rules of engagement" }).click();
  await expect(page.getByRole("heading", { name: "Assess rules of engagement" })).toBeVisible();
  const quarter = currentQuarter();
  await expect(page.getByLabel("Quarter")).toHaveValue(quarter);
  // the form shows the measured indicator beside the dimensions the data can speak to
  await expect(page.getByTestId("indicator-engineRoutedShare")).toContainText(
    `Deals routed by the engine (${quarter})`,
  );
  await expect(page.getByTestId("indicator-approvalSlaAttainment")).toContainText("SLA attainment");

  // saving with a dimension unscored is refused field by field
  await page.getByLabel("Clarity: 4 — Embedded & Data-Driven").check();
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields" })).toBeVisible();
  await expect(page.getByText("Pick a score").first()).toBeVisible();

  const picks: [string, number][] = [
    ["Systems & process", 5],
    ["Conflict management", 3],
    ["Partner & field trust", 2],
    ["Measurement & improvement", 4],
  ];
  for (const [label, score] of picks)
    await page.getByRole("radio", { name: new RegExp(`^${label}: ${score} — `) }).check();
  await page.getByLabel("Evidence for Clarity").fill("RoE published in the portal with if/then scenarios (e2e).");
  await page.getByRole("button", { name: "Save assessment" }).click();

  await expect(page).toHaveURL(new RegExp(`/maturity\\?period=${quarter}$`));
  const section = page.getByRole("region", { name: /Rules of engagement/ });
  await expect(section.getByRole("heading", { level: 2 }).first()).toContainText(`${quarter}: 3.6 of 5`);
  await expect(section.getByText("RoE published in the portal with if/then scenarios (e2e).")).toBeVisible();
  // the measured indicators beside their dimensions, for the same quarter
  const routed = section.getByTestId("indicator-engineRoutedShare");
  await expect(routed).toContainText(`Deals routed by the engine (${quarter})`);
  await expect(section.getByTestId("indicator-conflictResolutionDays")).toContainText(
    "Median conflict resolution time",
  );
  await expect(section.getByTestId("indicator-approvalSlaAttainment")).toContainText("SLA attainment");

  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });
  // the "of N deals closed" number opens the opportunity list of exactly those deals
  await routed.getByRole("link").nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/opportunities\\?closedFrom=${quarter.slice(0, 4)}-`));
});

test("a partner gets a plain 404 at /maturity and its form; an AE is told maturity is not part of its role", async ({
  page,
}) => {
  await signIn(page, "alice@northwind.test");
  for (const path of ["/maturity", "/maturity/assess?framework=rules-of-engagement"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  await page.context().clearCookies();
  await signIn(page, "ae@accord.test");
  await page.goto("/maturity");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await page.goto("/maturity/assess?framework=rules-of-engagement");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});
