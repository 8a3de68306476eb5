import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// docs/domain.md#deal-registration: a partner registers a deal and sees the route and why; the partner manager approves
// it from the queue; the partner sees it protected and posts an update; a second partner on the same account gets a neutral conflict
// notice; neither partner can open the other's registration.
async function fillDeal(page: Page, company: string, domain: string) {
  await page.goto("/portal/registrations/new");
  await page.getByLabel("Company name").fill(company);
  await page.getByLabel(/Website domain/).fill(domain);
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Industry").selectOption("MANUFACTURING");
  await page.getByLabel("Product line").selectOption({ label: "Platform" });
  await page.getByLabel("Estimated ACV (USD)").fill("312000");
  await page.getByLabel("Expected close date").fill("2027-06-30");
}

test("register, preview the route, approve, protect; a second partner is told neutrally", async ({ browser }) => {
  test.setTimeout(180_000);
  const company = `Halvorsen Robotics ${Date.now()} GmbH`;
  const domain = `halvorsen-${Date.now()}.example`;

  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@northwind.test");
  await fillDeal(alice, company, domain);
  // live route preview with the rule and the reasons
  const preview = alice.getByRole("complementary", { name: "Route preview" });
  await expect(preview.getByText(/Rule 80/)).toBeVisible({ timeout: 15_000 });
  await preview.getByText("Why this route?").click();
  await expect(preview.getByText("ACV is $312K — not below $250K")).toBeVisible();
  await alice.getByRole("button", { name: "Submit registration" }).click();
  await expect(alice).toHaveURL(/\/portal\/registrations\/[^/?]+\?created=1/);
  const aliceReg = new URL(alice.url()).pathname.split("/").pop()!;
  await expect(alice.getByRole("heading", { name: "Route decision" })).toBeVisible();
  await expect(alice.getByText(/Co sell/).first()).toBeVisible();

  // the partner manager approves it from the queue
  const pm = await (await browser.newContext()).newPage();
  await signIn(pm, "pm@accord.test");
  await pm.goto(`/registrations?status=SUBMITTED&sort=slaDueAt&dir=asc&q=${encodeURIComponent(company)}`);
  await pm.getByRole("link", { name: company }).click();
  await expect(pm).toHaveURL(new RegExp(`/registrations/${aliceReg}$`));
  await pm.getByLabel("Reason").fill("First to register; no direct activity on the account.");
  await pm.getByRole("button", { name: "Approve" }).click();
  await expect(pm.getByText(/^Approved, and its opportunity created\./)).toBeVisible();
  // approval created the deal, so the registration is converted; its protection runs on
  await expect(pm.getByText("Converted: the deal was created from this registration")).toBeVisible();
  await pm.screenshot({ path: "/tmp/registration-converted.png", fullPage: true });

  // the partner sees it protected
  await alice.goto(`/portal/registrations/${aliceReg}`);
  await expect(alice.getByText("Protected until")).toBeVisible();
  // and keeps it alive with a progress update, which goes on the timeline
  await alice.getByRole("button", { name: "Post update…" }).click();
  await alice.getByRole("dialog").getByLabel("Update").fill("Demo held with the plant manager; proposal next week.");
  await alice.getByRole("dialog").getByRole("button", { name: "Post update" }).click();
  await expect(alice.getByRole("dialog")).toHaveCount(0);
  await expect(alice.getByText("Demo held with the plant manager; proposal next week.")).toBeVisible();
  // and asks for more protection
  await alice.getByRole("button", { name: "Request extension…" }).click();
  await alice.getByRole("dialog").getByRole("button", { name: "Request extension" }).click();
  await expect(alice.getByRole("dialog").getByText(/Your protection now runs until/)).toBeVisible();
  await alice.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  // a second partner on the same account: a neutral notice, never the other partner's name
  const bob = await (await browser.newContext()).newPage();
  await signIn(bob, "bob@contoso.test");
  await fillDeal(bob, company.toUpperCase().replace(" GMBH", ", GmbH"), `https://www.${domain}/`);
  await expect(bob.getByText(/already appears to be protected/)).toBeVisible({ timeout: 15_000 });
  await expect(bob.getByText(/Northwind/)).toHaveCount(0);
  await bob.getByRole("button", { name: "Submit registration" }).click();
  await expect(bob).toHaveURL(/conflict=DUPLICATE_REGISTRATION/);
  await expect(bob.getByText("Registration received: under review")).toBeVisible();
  await expect(bob.getByText(/Northwind/)).toHaveCount(0);
  const bobReg = new URL(bob.url()).pathname.split("/").pop()!;

  // neither can open the other's registration
  expect((await bob.goto(`/portal/registrations/${aliceReg}`))!.status()).toBe(404);
  expect((await alice.goto(`/portal/registrations/${bobReg}`))!.status()).toBe(404);

  // the second partner withdraws its registration, after confirming
  await bob.goto(`/portal/registrations/${bobReg}`);
  await bob.getByRole("button", { name: "Withdraw…" }).click();
  await bob.getByRole("alertdialog").getByRole("button", { name: "Withdraw registration" }).click();
  await expect(bob.getByText("Registration withdrawn.")).toBeVisible();
  await expect(bob.getByText("Withdrawn", { exact: true }).first()).toBeVisible();
});
