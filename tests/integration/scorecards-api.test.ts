// GET /api/v1/scorecards through the real route handler (API-key authentication, error envelope): a
// partner key reads its own company only, an admin key every partner, a malformed period is a 400.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/scorecards/route";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { ctxFor } from "../support/contexts";

async function call(key: string, query = "") {
  const req = new NextRequest(`http://localhost/api/v1/scorecards${query}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  const res = await GET(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

describe("GET /api/v1/scorecards", () => {
  it("a partner key reads its own company; an admin key every partner", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const partnerKey = (await createApiKey(alice, { name: "tests", scope: "PARTNER" })).key;
    const own = await call(partnerKey, "?period=2026-Q3");
    expect(own.status).toBe(200);
    expect(own.body.period).toBe("2026-Q3");
    expect(own.body.data.map((d: { partner: { id: string } }) => d.partner.id)).toEqual([alice.partnerId]);

    const adminKey = (await createApiKey(await ctxFor("ops@accord.test"), { name: "tests", scope: "ADMIN" })).key;
    const all = await call(adminKey);
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(await db.partner.count({ where: { status: { not: "TERMINATED" } } }));
    expect(typeof all.body.data[0].sourcedRevenueCents).toBe("number");
  });

  it("refuses a malformed period with a field message", async () => {
    const adminKey = (await createApiKey(await ctxFor("ops@accord.test"), { name: "tests2", scope: "ADMIN" })).key;
    const bad = await call(adminKey, "?period=2026-Q7");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Use a quarter like 2026-Q4");
  });
});
