import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// docs/domain.md#simulation-over-history: ops narrows rule 70 to $150K in a draft and simulates it over the deals of
// the last 8 quarters. The run shows its progress, then warns about the gap the change opens (deals rule 70 used to
// route that now fall to the Direct default) with an example deal by name, and lists the changed deals by account
// and deal name, each a link to the deal.
test("ops simulate a draft: progress, the gap warning and the changed deals by name, with links", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "ops@accord.test");
  await page.goto("/rules");
  await page.getByRole("button", { name: "New draft" }).first().click();
  await expect(page).toHaveURL(/\/rules\/[^/]+$/);

  const rule70 = page.locator('li[id^="rule-"]').filter({ hasText: "Under $250K ACV" });
  await rule70.getByRole("button", { name: "Edit" }).click();
  await rule70.getByLabel("Value").fill("150,000");
  await rule70.getByLabel("Name", { exact: true }).fill("Under $150K ACV");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible({ timeout: 20_000 });

  // record every state of the progress bar while the simulation runs
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const text = bar?.getAttribute("aria-valuetext");
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByText("Last 8 quarters").click();
  await page.getByRole("button", { name: "Run simulation" }).click();
  await expect(page.getByText("Deals changing route")).toBeVisible({ timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.length).toBeGreaterThan(0); // the bar was shown while the deals were counted and simulated

  // the same request as the page's: a progress line per batch, the last at the total, then the result
  const draftId = new URL(page.url()).pathname.split("/").pop()!;
  const quarterStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
  const to = quarterStart(new Date());
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 24, 1));
  const res = await page.request.post(`/api/v1/rulesets/${draftId}/simulations`, {
    data: { from: from.toISOString(), to: to.toISOString(), baseline: "CURRENT_RULE_SET" },
    headers: { Origin: baseURL! },
  });
  expect(res.status()).toBe(200);
  const lines = (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; loaded?: number; total?: number; totalDeals?: number });
  const progress = lines.filter((l) => l.type === "progress");
  expect(progress.length).toBeGreaterThanOrEqual(2);
  expect(progress.at(-1)!.loaded).toBe(progress.at(-1)!.total);
  expect(lines.at(-1)).toMatchObject({ type: "result", totalDeals: progress.at(-1)!.total });
  await expect(page.getByText("Deals simulated").locator("..")).toContainText(
    progress.at(-1)!.total!.toLocaleString("en-US"),
  );

  // the gap: rule 70 no longer takes $150K–$250K deals and nothing in the draft picks them up
  const warnings = page.getByRole("list", { name: "Simulation warnings" });
  await expect(warnings).toContainText(
    /\d+ deals? \(\$[\d.,]+[KM]?\) that Rule 70 · Under \$150K ACV used to route \(Partner led\) now falls? to the Direct default — e\.g\. .+, \$[\d,]+/,
  );
  await expect(warnings.getByText(/Rule (10|20|30|40|50|60|80|90) ·/)).toHaveCount(0);

  // the changed deals, by name, each a link to the deal and its account
  const changes = page.getByRole("list", { name: "Deals that change route" });
  const first = changes.getByRole("listitem").first();
  const dealLink = first.getByRole("link").first();
  const dealName = (await dealLink.textContent())!.trim();
  expect(dealName).not.toMatch(/^c[a-z0-9]{20,}$/); // a name, not an id
  await expect(first.getByRole("link")).toHaveCount(2); // the deal and its account

  // both traces on demand
  await first.getByText("Why: both traces").click();
  await expect(first.getByRole("region", { name: "Before" })).toContainText("Under $250K ACV");
  await expect(first.getByRole("region", { name: "After (this draft)" })).toBeVisible();
  await page.getByText(/warnings?: deals moved where no changed rule chose/).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/simulation-warning.png" });
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/simulation-changes.png" });

  await dealLink.click();
  await expect(page).toHaveURL(/\/opportunities\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(dealName);
});
