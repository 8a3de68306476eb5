// Forwarded headers against the real server `npm start` runs (lib/cli/server.mjs): a client that
// writes X-Forwarded-For / X-Forwarded-Host itself must gain nothing, and the sign-in callback
// URL must never leave the app's origin.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD } from "./helpers";

async function signInRequest(
  ctx: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers: { "X-Auth-Return-Redirect": "1", ...headers },
    maxRedirects: 0,
  });
  return res.status();
}

test("after the 5-failure lockout the right password still gets 429, whatever X-Forwarded-For says", async ({
  playwright,
  baseURL,
}) => {
  // Regression: the client address came from the client's own X-Forwarded-For, so a new value escaped the lockout.
  const email = "maya.chen@accord.test";
  const ctx = await playwright.request.newContext({ baseURL });
  const failures: number[] = [];
  for (let i = 0; i < 5; i++)
    failures.push(await signInRequest(ctx, email, "wrong", { "X-Forwarded-For": "203.0.113.50" }));
  expect(
    failures.every((s) => s !== 429),
    String(failures),
  ).toBe(true);
  expect(await signInRequest(ctx, email, PASSWORD, { "X-Forwarded-For": "203.0.113.50" })).toBe(429);
  const variants: Record<string, string>[] = [
    { "X-Forwarded-For": "198.51.100.77" },
    { "X-Forwarded-For": "198.51.100.78, 127.0.0.2" },
    { "X-Real-IP": "198.51.100.79" },
    { Forwarded: "for=198.51.100.80" },
  ];
  for (const headers of variants) {
    const fresh = await playwright.request.newContext({ baseURL });
    expect(await signInRequest(fresh, email, PASSWORD, headers), JSON.stringify(headers)).toBe(429);
    await fresh.dispose();
  }
  await ctx.dispose();
});

test("a cookie-authenticated write naming another host in X-Forwarded-Host and Origin is refused 403", async ({
  playwright,
  baseURL,
}) => {
  // Regression: the same-origin check compared Origin with X-Forwarded-Host as the client sent it.
  const ctx = await playwright.request.newContext({ baseURL });
  expect(await signInRequest(ctx, "ops@accord.test", PASSWORD)).toBe(200);
  const body = { facts: { partnerTier: "GOLD" } };
  const forged = await ctx.post("/api/v1/route-decisions", {
    data: body,
    headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http", Origin: "http://evil.example" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("FORBIDDEN");
  // the same request from our own origin gets past the check
  const own = await ctx.post("/api/v1/route-decisions", { data: body, headers: { Origin: new URL(baseURL!).origin } });
  expect(own.status()).not.toBe(403);
  await ctx.dispose();
});

for (const callbackUrl of ["/\\evil.com", "/\t/evil.com"]) {
  test(`sign-in with callbackUrl=${JSON.stringify(callbackUrl)} stays on the app's origin`, async ({
    browser,
    baseURL,
  }) => {
    // Regression: `/\evil.com` passed the "starts with one slash" check and browsers read it as `//evil.com`.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await context.route(/^https?:\/\/evil\.com\//, (route) =>
      route.fulfill({ contentType: "text/html", body: "<h1>evil</h1>" }),
    );
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("E-mail").fill("ae@accord.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${new URL(baseURL!).origin}/ae`);
    await context.close();
  });
}
