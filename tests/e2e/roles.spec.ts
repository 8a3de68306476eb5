import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Every demo account of docs/domain.md#demo-data signs in and lands on its role's home.
const ACCOUNTS: { email: string; home: string; heading: RegExp }[] = [
  { email: "ops@accord.test", home: "/ops", heading: /channel operations/i },
  { email: "pm@accord.test", home: "/manager", heading: /my partners/i },
  { email: "ae@accord.test", home: "/ae", heading: /my book/i },
  { email: "vp.sales@accord.test", home: "/exec", heading: /revenue council/i },
  { email: "vp.channel@accord.test", home: "/exec", heading: /revenue council/i },
  { email: "cro@accord.test", home: "/exec", heading: /revenue council/i },
  { email: "ceo@accord.test", home: "/exec", heading: /revenue council/i },
  { email: "alice@northwind.test", home: "/portal", heading: /northwind systems/i },
  { email: "bob@contoso.test", home: "/portal", heading: /contoso partners/i },
];

for (const account of ACCOUNTS) {
  test(`${account.email} signs in and sees their home`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.heading);
    await expect(
      page
        .getByRole("navigation", { name: "Main navigation" })
        .or(page.getByRole("complementary", { name: "Main navigation" })),
    ).toBeVisible();
  });
}

test("the sign-in page lists the demo accounts and refuses a wrong password", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByText("Demo accounts")).toBeVisible();
  await expect(page.getByText("alice@northwind.test")).toBeVisible();
  await page.getByLabel("E-mail").fill("ops@accord.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /incorrect/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/registrations");
  await expect(page).toHaveURL(/\/sign-in/);
});
