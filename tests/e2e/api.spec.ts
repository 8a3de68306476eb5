import { expect, test } from "@playwright/test";
import { insertPartnerApiKey } from "./helpers";

test("health reports the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "sqlite" });
});

test("anonymous and badly authenticated calls get 401 in the error envelope", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL });
  const res = await anon.get("/api/v1/registrations");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  const bad = await anon.get("/api/v1/registrations", { headers: { Authorization: "Bearer acc_0000000000_nope" } });
  expect(bad.status()).toBe(401);
  expect((await bad.json()).error.code).toBe("UNAUTHENTICATED");
  const unknown = await anon.get("/api/v1/no-such-thing");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("NOT_FOUND");
});

test("a partner API key acts as that partner; bad query parameters are a 400 with field messages", async ({
  playwright,
  baseURL,
}) => {
  const key = insertPartnerApiKey("Contoso Partners");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
  const list = await api.get("/api/v1/registrations?pageSize=5&sort=submittedAt");
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data.length).toBeLessThanOrEqual(5);
  const one = await api.get(`/api/v1/registrations/${body.data[0].id}`);
  expect(one.status()).toBe(200);
  expect((await one.json()).routeDecision.trace.length).toBeGreaterThan(0);

  const bad = await api.get("/api/v1/registrations?pageSize=5000&status=NOPE&sort=password");
  expect(bad.status()).toBe(400);
  const err = await bad.json();
  expect(err.error.code).toBe("VALIDATION");
  expect(Object.keys(err.error.fields).sort()).toEqual(["pageSize", "sort", "status"]);
});

test("responses carry security headers", async ({ request }) => {
  const res = await request.get("/sign-in");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-powered-by"]).toBeUndefined();
});

test("failed sign-ins are limited: the sixth attempt in 15 minutes gets 429, also for unknown e-mails", async ({
  playwright,
  baseURL,
}) => {
  for (const email of ["grace.kim@accord.test", "nobody@nowhere.test"]) {
    const ctx = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ctx.post("/api/auth/callback/credentials", {
        form: { email, password: "wrong", csrfToken, json: "true" },
        headers: { "X-Auth-Return-Redirect": "1" },
        maxRedirects: 0,
      });
      statuses.push(res.status());
    }
    expect(
      statuses.slice(0, 5).every((s) => s !== 429),
      `${email}: ${statuses}`,
    ).toBe(true);
    expect(statuses[5], `${email}: ${statuses}`).toBe(429);
  }
});
