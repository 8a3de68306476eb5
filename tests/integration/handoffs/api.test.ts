// GET /api/v1/handoffs and POST /api/v1/handoffs/{id}/accept|decline through the real route
// handlers (API-key authentication, body validation, error envelope): a partner key sees only its
// own offers and none of the staff fields; another partner's offer is 404 like a missing one.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as accept } from "@/app/api/v1/handoffs/[id]/accept/route";
import { POST as decline } from "@/app/api/v1/handoffs/[id]/decline/route";
import { GET as list } from "@/app/api/v1/handoffs/route";
import type { Ctx } from "@/lib/auth/types";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { directDeal, openOfferOf, world } from "./helpers";

async function keyOf(ctx: Ctx) {
  return (await createApiKey(ctx, { name: "hand-off tests", scope: ctx.role === "PARTNER" ? "PARTNER" : "ADMIN" })).key;
}

function req(path: string, key: string, body?: unknown) {
  return new NextRequest(`http://localhost${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const none = { params: Promise.resolve({}) };

describe("hand-offs API", () => {
  it("lists a partner's own offers without staff fields; admin sees partner, number and reasons", async () => {
    const w = await world();
    const opp = await directDeal(w, new Date());
    const offer = (await openOfferOf(opp))!;
    const goldKey = await keyOf(w.gold.ctx);
    const res = await list(req("/api/v1/handoffs?status=OFFERED", goldKey), none);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      id: offer.id,
      status: "OFFERED",
      deal: { account: { name: w.accountName }, acvCents: 18_000_000 },
    });
    expect(body.data[0]).not.toHaveProperty("offerNumber");
    expect(body.data[0]).not.toHaveProperty("partner");

    const silver = await (await list(req("/api/v1/handoffs", await keyOf(w.silver.ctx)), none)).json();
    expect(silver.data).toEqual([]);

    const admin = await (await list(req(`/api/v1/handoffs?opportunityId=${opp}`, await keyOf(w.ops)), none)).json();
    expect(admin.data[0]).toMatchObject({ offerNumber: 1, rank: 1, partner: { id: w.gold.id }, opportunityId: opp });
    expect(admin.data[0].reasons.length).toBeGreaterThan(0);

    const bad = await list(req("/api/v1/handoffs?status=MAYBE", goldKey), none);
    expect(bad.status).toBe(400);
  });

  it("decline needs a reason (400 with the field), another partner's offer is 404, accept answers 200 then 409", async () => {
    const w = await world();
    const opp = await directDeal(w, new Date());
    const first = (await openOfferOf(opp))!;
    const goldKey = await keyOf(w.gold.ctx);
    const noReason = await decline(req(`/api/v1/handoffs/${first.id}/decline`, goldKey, {}), params(first.id));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.fields).toHaveProperty("reason");

    const silverKey = await keyOf(w.silver.ctx);
    const foreign = await accept(req(`/api/v1/handoffs/${first.id}/accept`, silverKey, {}), params(first.id));
    const missing = await accept(req(`/api/v1/handoffs/nope/accept`, silverKey, {}), params("nope"));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());

    const declined = await decline(
      req(`/api/v1/handoffs/${first.id}/decline`, goldKey, { reason: "No capacity" }),
      params(first.id),
    );
    expect(declined.status).toBe(200);
    const second = (await openOfferOf(opp))!;
    expect(second.partnerId).toBe(w.silver.id);
    const ok = await accept(req(`/api/v1/handoffs/${second.id}/accept`, silverKey, {}), params(second.id));
    expect(ok.status).toBe(200);
    expect((await ok.json()).opportunityId).toBe(opp);
    const again = await accept(req(`/api/v1/handoffs/${second.id}/accept`, silverKey, {}), params(second.id));
    expect(again.status).toBe(409);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp } })).partnerId).toBe(w.silver.id);
  });
});
