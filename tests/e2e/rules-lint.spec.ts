import { expect, test, type Page } from "@playwright/test";
import { openNewDraft } from "./helpers";

// docs/domain.md#lint. Issue 15 broke here: narrowing rule 70 to "under $150K" opened a real gap ($150K–$250K deals
// fell to the Direct default), yet lint listed it "for information" under 21 overlap warnings that badged every card.

/** A rule card by the rule's name, through its Edit (or, while open, Done) button: the list item that holds it. */
function ruleCard(page: Page, name: string) {
  const escaped = name.replace(/[$()*+.?[\\\]^{|}]/g, "\\$&");
  const button = page.getByRole("button", { name: new RegExp(`^(Edit|Done) rule “${escaped}”$`) });
  return page.getByRole("listitem").filter({ has: button });
}

test("ops narrow rule 70 to $150K: lint shows one warning, the new gap with a $200K example, badged on rule 70 only", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openNewDraft(page);

  const rule70 = ruleCard(page, "Under $250K ACV");
  await rule70.scrollIntoViewIfNeeded();
  await rule70.getByRole("button", { name: /^Edit/ }).click();
  await rule70.getByLabel("Value").fill("150,000");
  await rule70.getByLabel("Name", { exact: true }).fill("Under $150K ACV");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible({ timeout: 20_000 });

  // lint runs after the save
  const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "Lint", exact: true }) });
  await expect(panel.getByText(/^Publishable/)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText("Warnings (1)")).toBeVisible();
  await expect(panel.getByText(/^Errors/)).toHaveCount(0);

  const warning = panel.getByRole("listitem").filter({ hasText: "Now falls to the default" });
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText("Deals with ACV at least $150,000 and below $250,000 now fall to the default");
  await expect(warning).toContainText("Rule 70 · Under $250K ACV");
  await expect(warning).toContainText("Example: A $200,000 Platform deal in the United States, Technology");
  const link = warning.getByRole("link", { name: "Rule 70 · Under $150K ACV" });
  await expect(link).toHaveAttribute("href", /^#rule-/);

  // overlaps resolved by priority: folded information, never warnings
  const overlaps = panel.locator("details").filter({ hasText: /overlaps resolved by priority/ });
  await expect(overlaps).toHaveCount(1);
  await expect(overlaps).not.toHaveAttribute("open", "");
  await expect(overlaps.getByText(/^Overlap resolved by priority$/).first()).toBeHidden();

  await page.evaluate(() => window.scrollTo(0, 0)); // the panel with its header, not under the sticky toolbar
  await panel.screenshot({ path: "test-results/rules-lint-panel.png" });

  // one badge, on rule 70; none on the rules the change does not concern
  const badged = page.getByRole("listitem").filter({ has: page.getByText("Lint warning", { exact: true }) });
  await expect(badged).toHaveCount(1);
  await expect(ruleCard(page, "Under $150K ACV").getByText("Lint warning", { exact: true })).toBeVisible();
  for (const name of ["Sticky partner ownership", "Named strategic accounts", "$250K–$1M ACV", "Above $1M ACV"]) {
    await expect(ruleCard(page, name).getByText(/^Lint (warning|error)$/)).toHaveCount(0);
  }
  await expect(page.getByText("Lint error", { exact: true })).toHaveCount(0);

  // warnings do not block publishing, but the publish dialog points at them
  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(/^Publishable/)).toBeVisible();
  await expect(dialog.getByText(/Warnings do not block publishing/)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // the finding links to the rule in the editor
  await link.click();
  await expect(page).toHaveURL(/#rule-/);
  await expect(ruleCard(page, "Under $150K ACV")).toBeInViewport();
  await page.screenshot({ path: "test-results/rules-lint-rule-70.png" });
  // the link opens the rule it names, with the changed value in view
  await expect(ruleCard(page, "Under $150K ACV").getByLabel("Value").first()).toBeInViewport();
});
