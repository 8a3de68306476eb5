// The monthly council pack end to end (docs/domain.md#council-pack): a VP opens this month's pack,
// records a "change a rule" decision that creates a rule-set draft (the link opens it), adds an action
// item, and downloads the PDF: a real PDF (application/pdf, %PDF) whose text holds a headline figure
// shown on the page. An AE reads the pack but has no forms.
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { signIn } from "./helpers";

const monthTitle = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(d);

test("a VP records a rule change, adds an action item and downloads the PDF pack", async ({ page }) => {
  test.setTimeout(180_000);
  const now = new Date();
  const month = now.toISOString().slice(0, 7);
  await signIn(page, "vp.sales@accord.test");
  await page.goto("/council");
  await expect(page.getByRole("heading", { name: "Council meetings" })).toBeVisible();
  await page.getByRole("link", { name: `Open ${monthTitle(now)}’s pack` }).click();
  await expect(page).toHaveURL(new RegExp(`/council/${month}$`));
  await expect(page.getByRole("heading", { name: `Council pack: ${monthTitle(now)}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Overdue conflicts/ })).toBeVisible();

  // a headline figure as the page shows it
  const headline = page.getByRole("region", { name: "Headline figures" });
  const pipeline = (await headline.getByText("Pipeline created").locator("..").locator("p").nth(1).innerText()).trim();
  expect(pipeline).toMatch(/\d/);

  // change a rule: the decision creates a rule-set draft and links it
  const text = `Co-sell starts at $150K ACV (${Date.now()})`;
  const decisions = page.getByRole("form", { name: "Record a decision" });
  await decisions.getByLabel("Kind").selectOption({ label: "Change a rule" });
  await decisions.getByLabel("Decision").fill(text);
  await decisions.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible();
  const draftLink = page.getByRole("link", { name: /^Rule set version \d+ \(Draft\)$/ }).last();
  await expect(draftLink).toBeVisible();
  const version = (await draftLink.innerText()).match(/version (\d+)/)![1];

  // an action item with an owner and a due date
  const items = page.getByRole("form", { name: "Add an action item" });
  await items.getByLabel("Action").fill("Simulate the new threshold on last quarter");
  await items.getByLabel("Owner").selectOption({ label: "Maya Chen" });
  const due = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  await items.getByLabel("Due").fill(due);
  await items.getByRole("button", { name: "Add action item" }).click();
  await expect(page.getByText("Simulate the new threshold on last quarter", { exact: true })).toBeVisible();
  await page.screenshot({ path: "/tmp/council-pack.png", fullPage: true });

  // the PDF: generated on the server, a real PDF with the figure the page shows
  const pdfHref = await page.getByRole("link", { name: "Download PDF" }).getAttribute("href");
  const res = await page.request.get(pdfHref!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const bytes = await res.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  const flat = pdfText.replace(/\s+/g, " ");
  expect(flat).toContain(pipeline);
  expect(flat).toContain(text);

  // the CSV holds the same decision
  const csv = await page.request.get(pdfHref!.replace("format=pdf", "format=csv"));
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Co-sell starts at $150K ACV");

  // the draft exists: its link opens it
  await draftLink.click();
  await expect(page).toHaveURL(/\/rules\/[^/]+$/);
  await expect(page.getByRole("heading", { name: `Rules of engagement v${version}` })).toBeVisible();
});

test("an AE reads this month's agenda without the recording forms", async ({ page }) => {
  const now = new Date();
  await signIn(page, "ae@accord.test");
  await page.goto(`/council/${now.toISOString().slice(0, 7)}`);
  await expect(page.getByRole("heading", { name: /Co-sell deals at risk/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "Record a decision" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Headline figures" })).toHaveCount(0);
});
