// Regression (issue 8, defect 8): API keys had no rate limit at all (RATE_LIMITED was never raised).
// Now each key may make `api.rateLimitPerMinute` requests a minute (600 by default), counted in the
// database so every instance shares the count; beyond it, 429 with Retry-After.
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "@/app/api/v1/registrations/route";
import { db, sql } from "@/lib/db/client";
import { connect } from "@/lib/db/connect";
import { countApiRequest, createApiKey } from "@/lib/db/api-keys";
import { SETTING_KEYS } from "@/lib/settings";
import { ctxFor } from "../../support/contexts";

const newKey = async (email = "alice@northwind.test") =>
  (await createApiKey(await ctxFor(email), { name: `limit ${email}`, scope: "PARTNER" })).key;

async function list(key: string) {
  const req = new NextRequest("http://localhost/api/v1/registrations?pageSize=1", {
    headers: { Authorization: `Bearer ${key}` },
  });
  const res = await GET(req, { params: Promise.resolve({}) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

const setLimit = (value: number) =>
  db.appSetting.upsert({
    where: { key: SETTING_KEYS.apiRateLimitPerMinute },
    create: { key: SETTING_KEYS.apiRateLimitPerMinute, value },
    update: { value },
  });

afterEach(async () => {
  await db.appSetting.deleteMany({ where: { key: SETTING_KEYS.apiRateLimitPerMinute } });
});

describe("API key rate limit", () => {
  it("answers the request past the limit with 429 RATE_LIMITED and Retry-After; another key is unaffected", async () => {
    await setLimit(5);
    const key = await newKey();
    const other = await newKey("bob@contoso.test");
    for (let i = 0; i < 5; i++) expect((await list(key)).status).toBe(200);
    const sixth = await list(key);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe("RATE_LIMITED");
    const wait = Number(sixth.retryAfter);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await list(other)).status).toBe(200);
  });

  it("defaults to 600 a minute", async () => {
    const key = await newKey();
    const keyId = (await db.apiKey.findFirstOrThrow({ where: { prefix: key.split("_")[1] }, select: { id: true } })).id;
    // the key has used 599 of its minute: one more is allowed, the next is not
    const expire = new Date(Date.now() + 30_000);
    await db.rateLimiterFlexible.create({ data: { key: `api:${keyId}`, points: 598, expire } });
    expect((await list(key)).status).toBe(200);
    expect((await list(key)).status).toBe(200);
    const over = await list(key);
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(30);
  });

  it("is off at 0: a key far past any limit is still answered, and nothing is counted", async () => {
    // the registration benchmark (tests/bench/registrations.bench.ts) relies on this to offer 200 req/s on 4 keys
    await setLimit(0);
    const key = await newKey();
    const keyId = (await db.apiKey.findFirstOrThrow({ where: { prefix: key.split("_")[1] }, select: { id: true } })).id;
    const expire = new Date(Date.now() + 30_000);
    await db.rateLimiterFlexible.create({ data: { key: `api:${keyId}`, points: 100_000, expire } });
    for (let i = 0; i < 5; i++) expect((await list(key)).status).toBe(200);
    expect((await db.rateLimiterFlexible.findUniqueOrThrow({ where: { key: `api:${keyId}` } })).points).toBe(100_000);

    // the same key, the same minute: with a limit again it is refused
    await setLimit(600);
    expect((await list(key)).status).toBe(429);
  });

  it("starts a new window once the minute is over", async () => {
    await setLimit(2);
    const key = await newKey();
    const keyId = (await db.apiKey.findFirstOrThrow({ where: { prefix: key.split("_")[1] }, select: { id: true } })).id;
    await db.rateLimiterFlexible.create({
      data: { key: `api:${keyId}`, points: 50, expire: new Date(Date.now() - 1_000) },
    });
    expect((await list(key)).status).toBe(200);
    expect((await list(key)).status).toBe(200);
    expect((await list(key)).status).toBe(429);
  });

  it("shares the count between two instances (two database clients), even at the same instant", async () => {
    await setLimit(5);
    const second = connect(process.env.DATABASE_URL!);
    await second.db.$connect(); // so that $disconnect below ends its pool too
    try {
      const now = new Date();
      const probe = `probe-${Date.now()}`;
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? second.sql : sql).session((s) => countApiRequest(s, probe, now))),
      );
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

      // the other instance used up this key's minute: this one refuses it
      const key = await newKey();
      const keyId = (await db.apiKey.findFirstOrThrow({ where: { prefix: key.split("_")[1] }, select: { id: true } }))
        .id;
      for (let i = 0; i < 5; i++) await second.sql.session((s) => countApiRequest(s, keyId, new Date()));
      expect((await list(key)).status).toBe(429);
    } finally {
      await second.db.$disconnect();
    }
  });
});
