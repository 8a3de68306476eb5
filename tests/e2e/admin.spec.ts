// Administration (docs/architecture.md#administration) in real Chromium: channel operations create a
// partner user who sets a password through the one-time link and sees only their partner; demote an
// AE whose already-open session is refused on its next click; and change the review SLA, which the
// next registration's due time follows.
import { expect, test } from "@playwright/test";
import { insertPartnerApiKey, signIn } from "./helpers";

test("ops creates a partner user, who sets a password with the one-time link and sees only their partner", async ({
  page,
  browser,
}) => {
  await signIn(page, "ops@accord.test");
  await page.goto("/admin/users/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("Petra Partner");
  await page.getByLabel("E-mail").fill("petra@contoso.test");
  await page.getByLabel("Role").selectOption({ label: "Partner" });
  await page.getByLabel("Partner").selectOption({ label: "Contoso Partners" });
  await page.getByRole("button", { name: "Create user" }).click();
  const link = (await page.getByTestId("set-password-link").textContent())!.trim();
  expect(link).toContain("/set-password?token=");

  const visitor = await browser.newContext();
  const petra = await visitor.newPage();
  await petra.goto(link);
  await petra.getByLabel("New password").fill("petra-long-password");
  await petra.getByLabel("Repeat the password").fill("petra-long-password");
  await petra.getByRole("button", { name: "Set password" }).click();
  await expect(petra.getByText("Your password is set")).toBeVisible();
  // the link works once
  await petra.goto(link);
  await expect(petra.getByText("This link is not valid any more")).toBeVisible();

  await signIn(petra, "petra@contoso.test", "petra-long-password");
  await expect(petra).toHaveURL(/\/portal/);
  await expect(petra.getByText("Contoso Partners").first()).toBeVisible();
  expect((await petra.goto("/registrations"))?.status()).toBe(404);
  await visitor.close();
});

test("ops demotes an AE, whose open session is refused on its next click", async ({ page, browser }) => {
  const aeContext = await browser.newContext();
  const ae = await aeContext.newPage();
  await signIn(ae, "maya.chen@accord.test");
  await ae.goto("/ae");
  await expect(ae.getByRole("heading", { name: "My book" })).toBeVisible();
  await ae.goto("/registrations");

  await signIn(page, "ops@accord.test");
  await page.goto("/admin/users?q=maya");
  await page.getByRole("link", { name: "Maya Chen" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[^/?]+$/);
  await page.waitForLoadState("networkidle"); // hydrated: the role select is React state
  await page.getByLabel("Role").selectOption({ label: "Partner manager" });
  await expect(page.getByLabel("Role")).toHaveValue("PARTNER_MANAGER");
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("Saved. It applies from the user's next click.")).toBeVisible();

  // the next request of the open session (a page the browser prefetched before the change may still
  // show from its router cache; a server action from it is refused, lib/actions/define-action.ts)
  await ae.goto("/ae");
  await expect(ae.getByText("No access")).toBeVisible();
  await aeContext.close();
});

test("ops changes the registration review SLA and the next registration is due accordingly", async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${insertPartnerApiKey("Northwind Systems")}` },
  });
  const register = async (name: string) => {
    const res = await api.post("/api/v1/registrations", {
      data: {
        account: { name, country: "US", vertical: "RETAIL" },
        productLine: "Platform",
        estimatedAcv: 12_000_000,
        expectedCloseDate: "2027-09-30",
      },
    });
    expect(res.status()).toBe(201);
    const body = await res.json();
    return (new Date(body.slaDueAt).getTime() - Date.now()) / 86_400_000;
  };
  // the default: 2 business days, never more than 4 calendar days
  expect(await register("Sla Before Corp")).toBeLessThanOrEqual(4.1);

  await signIn(page, "ops@accord.test");
  await page.goto("/admin/settings");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Review SLA (business days)").fill("10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved 1 setting.")).toBeVisible();

  // 10 business days are at least 12 calendar days
  expect(await register("Sla After Corp")).toBeGreaterThanOrEqual(11.9);
  await api.dispose();
});

test("ops adds a region, gives it a country and direct presence, and the page shows it", async ({ page }) => {
  await signIn(page, "ops@accord.test");
  await page.goto("/admin/reference");
  await page.waitForLoadState("networkidle");
  const add = page.getByRole("form", { name: "New region" });
  await add.getByLabel("Code", { exact: true }).fill("CARIB");
  await add.getByLabel("Name", { exact: true }).fill("Caribbean");
  await add.getByRole("button", { name: "Add region" }).click();
  await expect(add.getByRole("status")).toHaveText("Added Caribbean.");
  await expect(page.getByText("Caribbean: no direct presence, 0 countries")).toBeVisible();

  const region = page.getByRole("form", { name: "Region Caribbean" });
  await region.getByLabel("Countries (ISO codes)").fill("JM, de");
  await region.getByLabel(/Direct presence/).check();
  await region.getByRole("button", { name: "Save Caribbean" }).click();
  // Germany belongs to another region: refused, naming it, and nothing saved
  await expect(region.getByText(/Already in another region: DE \(EMEA West\)/).first()).toBeVisible();
  await region.getByLabel("Countries (ISO codes)").fill("JM");
  await region.getByRole("button", { name: "Save Caribbean" }).click();
  await expect(region.getByRole("status")).toContainText("Saved Caribbean");
  await expect(page.getByText("Caribbean: direct presence, 1 country")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Region Caribbean" }).getByLabel("Countries (ISO codes)")).toHaveValue(
    "JM",
  );
});
