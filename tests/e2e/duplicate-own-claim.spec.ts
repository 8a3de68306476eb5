import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Regression (issue 8, defect 5): a partner that lost a claim could register the same company and
// product line again and again. The portal now refuses the second one in its own words and links
// to the partner's registration.
async function fillDeal(page: Page, company: string, domain: string) {
  await page.goto("/portal/registrations/new");
  await page.getByLabel("Company name").fill(company);
  await page.getByLabel(/Website domain/).fill(domain);
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Industry").selectOption("MANUFACTURING");
  await page.getByLabel("Product line").selectOption({ label: "Analytics" });
  await page.getByLabel("Estimated ACV (USD)").fill("48000");
  await page.getByLabel("Expected close date").fill("2027-06-30");
}

test("a partner's second registration for the same company and product line links to its first", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const company = `Brightwater Kinetics ${Date.now()} GmbH`;
  const domain = `brightwater-${Date.now()}.example`;

  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@northwind.test");
  await fillDeal(alice, company, domain);
  await alice.getByRole("button", { name: "Submit registration" }).click();
  await expect(alice).toHaveURL(/\/portal\/registrations\/[^/?]+\?created=1/, { timeout: 30_000 });

  // bob loses the claim to alice, then tries again with another spelling
  const bob = await (await browser.newContext()).newPage();
  await signIn(bob, "bob@contoso.test");
  await fillDeal(bob, company, domain);
  await bob.getByRole("button", { name: "Submit registration" }).click();
  await expect(bob).toHaveURL(/conflict=DUPLICATE_REGISTRATION/, { timeout: 30_000 }); // a submission on a loaded CI machine
  const first = new URL(bob.url()).pathname.split("/").pop()!;

  await fillDeal(bob, company.toUpperCase().replace(" GMBH", ", GmbH"), domain);
  await bob.getByRole("button", { name: "Submit registration" }).click();
  await expect(
    bob.getByRole("alert").filter({ hasText: "You already registered this company for this product line." }),
  ).toBeVisible();
  await expect(bob.getByText(/Northwind/)).toHaveCount(0);
  const link = bob.getByRole("link", { name: "Open your registration" });
  await expect(link).toHaveAttribute("href", `/portal/registrations/${first}`);
  await link.click();
  await expect(bob).toHaveURL(new RegExp(`/portal/registrations/${first}$`));
});
