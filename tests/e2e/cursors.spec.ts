import { expect, test } from "@playwright/test";
import { firstOwnRegistration, signIn } from "./helpers";

// `?after=<id>` on a list page took any registration id, another partner's included; the pager now hands out signed cursors and a foreign one is not found.
test("the portal pager walks a partner's own list; another partner's id or cursor is not found", async ({
  browser,
}) => {
  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@northwind.test");
  const bob = await (await browser.newContext()).newPage();
  await signIn(bob, "bob@contoso.test");
  const bobReg = await firstOwnRegistration(bob);

  const rows = alice.locator("table tbody a");
  const ids = () => rows.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  await alice.goto("/portal/registrations?sort=accountName&pageSize=10");
  const first = await ids();
  await alice.getByRole("link", { name: "Next →" }).click();
  await expect(alice).toHaveURL(/after=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
  await expect(rows.first()).not.toHaveAttribute("href", first[0]!);
  const second = await ids();
  expect(second).toHaveLength(10);
  expect(second.some((id) => first.includes(id))).toBe(false);
  await alice.getByRole("link", { name: "← Previous" }).click();
  await expect(rows.first()).toHaveAttribute("href", first[0]!);
  expect(await ids()).toEqual(first);

  // today's attack: another partner's registration id as the cursor. The list pages stream behind
  // a loading state (app/(app)/portal/(lists)/loading.tsx), so the 404 is the not-found page.
  const notFound = async (url: string) => {
    await alice.goto(url);
    await expect(alice.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(rows).toHaveCount(0);
  };
  await notFound(`/portal/registrations?sort=accountName&after=${bobReg}`);
  // a cursor bob's own pager minted
  await bob.goto("/portal/registrations?sort=accountName&pageSize=10");
  const bobsNext = new URL(
    (await bob.getByRole("link", { name: "Next →" }).getAttribute("href"))!,
    bob.url(),
  ).searchParams.get("after")!;
  expect((await bob.goto(`/portal/registrations?sort=accountName&pageSize=10&after=${bobsNext}`))!.status()).toBe(200);
  await notFound(`/portal/registrations?sort=accountName&pageSize=10&after=${bobsNext}`);
});
