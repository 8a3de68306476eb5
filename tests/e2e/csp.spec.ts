import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Pages run only scripts that carry the response's CSP nonce (proxy.ts): the app itself must work
// under that policy without a single violation, and a script injected into the page must not run.

function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("every page gets a fresh nonce policy without 'unsafe-inline' scripts; the API gets none at all", async ({
  request,
}) => {
  const first = (await request.get("/sign-in")).headers()["content-security-policy"];
  const second = (await request.get("/sign-in")).headers()["content-security-policy"];
  const scriptSrc = (policy: string) =>
    policy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc(first)).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(scriptSrc(first)).not.toContain("unsafe-inline");
  expect(first).toContain("frame-ancestors 'none'");
  expect(scriptSrc(first)).not.toBe(scriptSrc(second));
  expect((await request.get("/api/health")).headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
});

test("the app hydrates and navigates under the policy without a single violation", async ({ page }) => {
  const violations = collectViolations(page);
  await signIn(page, "alice@northwind.test"); // client-side form: needs hydrated scripts
  await page.goto("/portal/registrations/new");
  await page.getByLabel("Company name").fill(`Nonce Check ${Date.now()} GmbH`);
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Industry").selectOption("MANUFACTURING");
  await page.getByLabel("Product line").selectOption({ label: "Platform" });
  await page.getByLabel("Estimated ACV (USD)").fill("120000");
  await page.getByLabel("Expected close date").fill("2027-06-30");
  // the live route preview is client code calling a server action: only runs if hydrated
  await expect(page.getByRole("complementary", { name: "Route preview" }).getByText(/Rule 70/)).toBeVisible({
    timeout: 15_000,
  });
  await page
    .getByRole("link", { name: /rules of engagement/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/portal\/rules/);
  expect(violations).toEqual([]);
});

test("a script injected into a page's HTML does not run; the page's own scripts all carry its nonce", async ({
  page,
}) => {
  const violations = collectViolations(page);
  // What a stored XSS would amount to: markup in the served HTML, under the response's own policy.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"])![1];
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    await route.fulfill({
      response,
      body: html.replace(
        "</body>",
        `<script>window.__injected = true</script><img src=x onerror="window.__injected = true"></body>`,
      ),
    });
  });
  await page.goto("/sign-in");
  await expect(page.getByLabel("E-mail")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0); // the browser reported the refusal
});
