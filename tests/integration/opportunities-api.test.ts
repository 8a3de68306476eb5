// GET /api/v1/opportunities[/{id}] through the real route handlers with API keys: a partner key
// lists only the deals its company is party to, a foreign id is 404 like a missing one, and the
// attribution lists only the partner's own party row; staff see every party and the filters work.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as LIST } from "@/app/api/v1/opportunities/route";
import { GET as ONE } from "@/app/api/v1/opportunities/[id]/route";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { PARTNER_ROUTES } from "@/lib/opportunities/coverage";
import { ctxFor } from "../support/contexts";

let adminKey: string;
let partnerKey: string;
let partnerId: string;

beforeAll(async () => {
  adminKey = (await createApiKey(await ctxFor("ops@accord.test"), { name: "tests", scope: "ADMIN" })).key;
  const alice = await ctxFor("alice@northwind.test");
  partnerId = alice.partnerId!;
  partnerKey = (await createApiKey(alice, { name: "tests", scope: "PARTNER" })).key;
});

async function get(key: string, path: string) {
  const req = new NextRequest(`http://localhost${path}`, { headers: { Authorization: `Bearer ${key}` } });
  const id = path.match(/^\/api\/v1\/opportunities\/([^?]+)/)?.[1];
  const res = id
    ? await ONE(req, { params: Promise.resolve({ id }) })
    : await LIST(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

type Deal = { id: string; route: string | null; stage: string; partnerNeeded: boolean; partner: { id: string } | null };

describe("GET /api/v1/opportunities", () => {
  it("gives a partner key only its own deals, page after page", async () => {
    const first = await get(partnerKey, "/api/v1/opportunities?pageSize=50");
    expect(first.status).toBe(200);
    expect(first.body.data.length).toBeGreaterThan(0);
    expect(first.body.data.every((d: Deal) => d.partner?.id === partnerId)).toBe(true);
    expect(first.body.data[0]).not.toHaveProperty("ae");
    const own = await db.opportunity.count({ where: { partnerId } });
    expect(first.body.total).toBe(own);
    if (first.body.nextCursor) {
      const second = await get(partnerKey, `/api/v1/opportunities?pageSize=50&cursor=${first.body.nextCursor}`);
      expect(second.status).toBe(200);
      const ids = new Set(first.body.data.map((d: Deal) => d.id));
      expect(second.body.data.some((d: Deal) => ids.has(d.id))).toBe(false);
    }
  });

  it("filters by stage and route, and route=PARTNER_NEEDED lists partner routes without a partner", async () => {
    const won = await get(adminKey, "/api/v1/opportunities?stage=CLOSED_WON&route=CO_SELL&pageSize=20");
    expect(won.status).toBe(200);
    expect(won.body.data.every((d: Deal) => d.stage === "CLOSED_WON" && d.route === "CO_SELL")).toBe(true);
    const needed = await get(adminKey, "/api/v1/opportunities?route=PARTNER_NEEDED&pageSize=100");
    expect(needed.status).toBe(200);
    const count = await db.opportunity.count({ where: { route: { in: [...PARTNER_ROUTES] }, partnerId: null } });
    expect(needed.body.total).toBe(count);
    expect(count).toBeGreaterThan(0);
    for (const d of needed.body.data as Deal[]) {
      expect(PARTNER_ROUTES).toContain(d.route);
      expect(d.partner).toBeNull();
      expect(d.partnerNeeded).toBe(true);
    }
    expect((await get(adminKey, "/api/v1/opportunities?route=NOWHERE")).status).toBe(400);
  });
});

describe("GET /api/v1/opportunities/{id}", () => {
  it("answers 404 for another partner's deal, exactly like a missing one", async () => {
    const foreign = await db.opportunity.findFirstOrThrow({
      where: { partnerId: { not: partnerId }, NOT: { partnerId: null } },
      select: { id: true },
    });
    const a = await get(partnerKey, `/api/v1/opportunities/${foreign.id}`);
    const b = await get(partnerKey, "/api/v1/opportunities/no-such-deal");
    expect(a.status).toBe(404);
    expect(a.body).toEqual(b.body);
  });

  it("shows a partner only its own attribution row; staff see every party's figures", async () => {
    const deal = await db.opportunity.findFirstOrThrow({
      where: { partnerId, attributions: { some: { party: "DIRECT" } } },
      select: { id: true, _count: { select: { attributions: true } } },
    });
    const mine = await get(partnerKey, `/api/v1/opportunities/${deal.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.attribution.length).toBeGreaterThan(0);
    expect(
      mine.body.attribution.every(
        (a: { party: string; partner: { id: string } }) => a.party === "PARTNER" && a.partner.id === partnerId,
      ),
    ).toBe(true);
    expect(mine.body).not.toHaveProperty("flaggedRoute");
    expect(mine.body.routeDecision?.trace).toBeInstanceOf(Array);
    const staff = await get(adminKey, `/api/v1/opportunities/${deal.id}`);
    expect(staff.body.attribution).toHaveLength(deal._count.attributions);
    expect(staff.body.attribution.some((a: { party: string }) => a.party === "DIRECT")).toBe(true);
  });
});
