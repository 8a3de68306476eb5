import { expect, test } from "@playwright/test";
import { firstOwnRegistration, signIn } from "./helpers";

// A partner never reads another partner's data: a foreign id answers exactly like a missing one.
test("a partner opens its own registration but not another partner's", async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@northwind.test");
  const aliceReg = await firstOwnRegistration(alice);
  await alice.goto(`/portal/registrations/${aliceReg}`);
  await expect(alice.getByRole("heading", { name: "Route decision" })).toBeVisible();

  const bob = await (await browser.newContext()).newPage();
  await signIn(bob, "bob@contoso.test");
  const bobReg = await firstOwnRegistration(bob);

  // Bob cannot open Alice's registration, in the portal or the API: 404, same as a missing id
  const page = await bob.goto(`/portal/registrations/${aliceReg}`);
  expect(page!.status()).toBe(404);
  await expect(bob.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const missing = await bob.goto(`/portal/registrations/reg_does_not_exist`);
  expect(missing!.status()).toBe(404);

  const foreign = await bob.request.get(`/api/v1/registrations/${aliceReg}`);
  const absent = await bob.request.get(`/api/v1/registrations/reg_does_not_exist`);
  expect(foreign.status()).toBe(404);
  expect(await foreign.json()).toEqual(await absent.json());

  // and Alice cannot open Bob's, while Bob still can
  expect((await alice.goto(`/portal/registrations/${bobReg}`))!.status()).toBe(404);
  expect((await bob.request.get(`/api/v1/registrations/${bobReg}`)).status()).toBe(200);

  // the list API returns only the caller's company
  const list = await bob.request.get(`/api/v1/registrations?pageSize=100`);
  const body = await list.json();
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data.map((r: { id: string }) => r.id)).not.toContain(aliceReg);
  expect(body.data[0].partner).toBeUndefined();
});

test("a partner cannot reach vendor pages", async ({ page }) => {
  await signIn(page, "alice@northwind.test");
  for (const path of ["/ops", "/registrations", "/partners", "/accounts", "/opportunities", "/audit", "/exec"]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(404);
  }
});

test("staff cannot open the partner portal, and a non-admin sees no audit log", async ({ page }) => {
  await signIn(page, "ae@accord.test");
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/ae$/);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});
