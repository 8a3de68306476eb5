import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// docs/domain.md#reading-a-decision: a decision's trace reads in plain language. Before issue 15 a
// partner's own registration page showed "acv 2,235,500.00 ≥ 250,000.00 ✗" beside
// "namedAccount false ≠ true ✗" and "regionDirectPresence true ≠ false ✗": code, and the vendor's
// own facts. The partner now reads the reasons that concern its deal; channel operations read every
// rule in the same words, and the technical form behind a switch.
test("a partner reads its route in plain language without the vendor's facts; ops can see the technical trace", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const company = `Plainspoken Freight ${Date.now()} Inc`;

  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@northwind.test");
  await alice.goto("/portal/registrations/new");
  await alice.getByLabel("Company name").fill(company);
  await alice.getByLabel("Country").selectOption("US");
  await alice.getByLabel("Industry").selectOption("TECHNOLOGY");
  await alice.getByLabel("Product line").selectOption({ label: "Platform" });
  await alice.getByLabel("Estimated ACV (USD)").fill("2235500");
  await alice.getByLabel("Expected close date").fill("2027-06-30");
  // the live preview explains itself the same way
  const preview = alice.getByRole("complementary", { name: "Route preview" });
  await expect(preview.getByText(/Rule 90/)).toBeVisible({ timeout: 15_000 });
  await preview.getByText("Why this route?").click();
  await expect(preview.getByText("ACV is $2.2M — not below $250K")).toBeVisible();
  await alice.getByRole("button", { name: "Submit registration" }).click();
  await expect(alice).toHaveURL(/\/portal\/registrations\/[^/?]+\?created=1/, { timeout: 30_000 });
  const id = new URL(alice.url()).pathname.split("/").pop()!;

  const decision = alice.locator("section").filter({ has: alice.getByRole("heading", { name: "Route decision" }) });
  await expect(decision.getByText("ACV is $2.2M — not below $250K")).toBeVisible();
  await expect(decision.getByText("ACV is $2.2M — at least $1M")).toBeVisible();
  await expect(decision.getByText("Above $1M ACV").first()).toBeVisible();
  const partnerText = await alice.locator("main").innerText();
  for (const word of ["namedAccount", "regionDirectPresence", "Named account", "direct presence", "≥", "✗ acv"])
    expect(partnerText).not.toContain(word);
  await expect(alice.getByLabel("Show technical trace")).toHaveCount(0);
  await alice.screenshot({ path: "/tmp/trace-partner.png", fullPage: true });

  const ops = await (await browser.newContext()).newPage();
  await signIn(ops, "ops@accord.test");
  await ops.goto(`/registrations/${id}`);
  const staff = ops.locator("section").filter({ has: ops.getByRole("heading", { name: "Route decision" }) });
  await expect(staff.getByText("Named account: no — the rule needs yes")).toBeVisible();
  await expect(staff.getByText("Direct presence in region: yes — the rule needs no")).toBeVisible();
  await expect(staff.getByText("ACV is $2.2M — not below $250K")).toBeVisible();
  await ops.screenshot({ path: "/tmp/trace-ops.png", fullPage: true });
  await staff.getByLabel("Show technical trace").check();
  await expect(staff.getByText("acv 2,235,500.00 ≥ 250,000.00 ✗")).toBeVisible();
  await expect(staff.getByText("ACV is $2.2M — not below $250K")).toHaveCount(0);
  await ops.screenshot({ path: "/tmp/trace-ops-technical.png", fullPage: true });
});

test("the decision explorer and the partner's rules page explain a route in the same plain words", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ops = await (await browser.newContext()).newPage();
  await signIn(ops, "ops@accord.test");
  await ops.goto("/rules/explorer");
  await ops.getByLabel("ACV (USD)").fill("2235500");
  await ops.getByLabel("Vertical").selectOption("HEALTHCARE");
  await ops.getByRole("button", { name: /^Decide under v/ }).click();
  const trace = ops.getByRole("list", { name: "Rule trace" });
  await expect(
    trace.getByText("Vertical is Healthcare — one of Healthcare, Government, Financial services"),
  ).toBeVisible({
    timeout: 15_000,
  });
  await expect(trace.getByText("ACV is $2.2M — not below $1M").first()).toBeVisible();
  // a fact left out reads as not known, in the rule's own terms
  await expect(trace.getByText("Named account: not known — the rule needs yes")).toBeVisible();
  await ops.screenshot({ path: "/tmp/trace-explorer.png", fullPage: true });
  await ops.getByLabel("Show technical trace").check();
  await expect(trace.getByText("namedAccount (none) = true ✗")).toBeVisible();

  const bob = await (await browser.newContext()).newPage();
  await signIn(bob, "bob@contoso.test");
  await bob.goto("/portal/rules");
  await bob.getByLabel("Customer country").fill("US");
  await bob.getByLabel("Industry").selectOption("TECHNOLOGY");
  await bob.getByLabel("Product line").selectOption("Platform");
  await bob.getByLabel("Estimated ACV (USD)").fill("120000");
  await bob.getByRole("button", { name: "Preview route" }).click();
  await bob.getByText("Every scenario checked").click();
  const scenarios = bob.getByRole("list", { name: "Rule trace" });
  await expect(scenarios.getByText("ACV is $120K — below $250K")).toBeVisible({ timeout: 15_000 });
  await expect(bob.getByLabel("Show technical trace")).toHaveCount(0);
  const text = await scenarios.innerText();
  for (const word of ["namedAccount", "regionDirectPresence", "Named account", "direct presence", "Contoso"])
    expect(text).not.toContain(word);
  await bob.screenshot({ path: "/tmp/trace-roe-preview.png", fullPage: true });
});
