// Hand-offs against a real database (docs/domain.md#hand-offs): a coverage gap is queued and offered
// to the top-ranked partner, acceptance attaches the partner with a touch and a protected claim,
// declines and expiries move to the next partner, 3 offers return the deal to ops, races end with
// one outcome, and a partner never reaches another partner's offer.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expireHandoff } from "@/lib/db/handoff-schedule";
import { acceptHandoff, declineHandoff } from "@/lib/db/handoff-answers";
import { offerToPartners, withdrawHandoff } from "@/lib/db/handoff-writes";
import { getOffer, handoffStats, listHandoffQueue, listOffers } from "@/lib/db/handoffs";
import { createOpportunity, updateOpportunity } from "@/lib/db/opportunity-writes";
import { submitRegistration } from "@/lib/db/registration-submit";
import { handoffListQuery, handoffQueueQuery } from "@/lib/validation/handoffs";
import { expireOverdueHandoffs } from "@/lib/jobs/handoff-jobs";
import { ctxFor } from "../../support/contexts";
import { directDeal, openOfferOf, statusOf, world } from "./helpers";

// a Tuesday: two business days later is Thursday
const NOW = new Date("2026-12-01T10:00:00.000Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describe("a coverage gap enters the queue", () => {
  it("an AE's $180K direct deal (lib/db/opportunity-writes.ts) is routed partner-led, queued and offered", async () => {
    const w = await world();
    const platform = await db.productLine.findFirstOrThrow({ where: { name: "Platform" }, select: { id: true } });
    const created = await createOpportunity(
      w.ae,
      {
        name: "Clinic rollout",
        accountId: w.accountId,
        productLineId: platform.id,
        acvCents: "180000",
        discountPct: 0,
        closeDate: "2027-03-31",
      },
      NOW,
    );
    expect(created).toMatchObject({ route: "PARTNER_LED", partnerNeeded: true });
    expect(await openOfferOf(created.id)).toMatchObject({ partnerId: w.gold.id, offerNumber: 1 });
    await acceptHandoff(w.gold.ctx, (await openOfferOf(created.id))!.id, later(2));
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: created.id } })).partnerId).toBe(w.gold.id);
  });

  it("offers the deal to the top-ranked partner at once, with reasons, SLA, notice and audit", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const queue = await db.handoffQueue.findUniqueOrThrow({ where: { opportunityId: opp } });
    expect(queue).toMatchObject({ state: "OFFERED", origin: "COVERAGE_GAP", round: 1 });
    const offer = await openOfferOf(opp);
    // serves healthcare beats a higher tier that does not; the marketplace partner is never a candidate
    expect(offer).toMatchObject({ partnerId: w.gold.id, offerNumber: 1, rank: 1, status: "OFFERED" });
    expect(offer!.dueAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(offer!.reasons).toEqual(expect.arrayContaining(["Serves Healthcare", "Gold tier"]));
    const notice = await db.outbox.findFirst({
      where: { recipientUserId: w.gold.ctx.userId, kind: "handoff.offered" },
    });
    expect(notice?.subject).toContain(w.accountName);
    const actions = await db.auditEvent.findMany({
      where: { entityType: "Opportunity", entityId: opp },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["handoff.offer", "handoff.queue"]);
  });

  it("leaves alone a deal with a partner, a route that needs none, or a closed deal", async () => {
    const w = await world();
    for (const opts of [{ partnerId: w.silver.id }, { route: "DIRECT" as const }, { stage: "CLOSED_LOST" as const }]) {
      const opp = await directDeal(w, NOW, opts);
      expect(await db.handoffQueue.findUnique({ where: { opportunityId: opp } })).toBeNull();
    }
  });

  it("queues a deal once, however often the hook runs", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    await directDeal(w, NOW, { queue: false }); // another deal, untouched
    const { queueCoverageGap } = await import("@/lib/db/handoff-writes");
    const { transaction } = await import("@/lib/db/transaction");
    await transaction(db, (tx) => queueCoverageGap(tx, w.ae, opp, later(1)));
    expect(await db.handoff.count({ where: { opportunityId: opp } })).toBe(1);
  });
});

describe("accepting", () => {
  it("attaches the partner, records a touch, and protects it like an approved registration", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const offer = (await openOfferOf(opp))!;
    const result = await acceptHandoff(w.gold.ctx, offer.id, later(3));
    expect(result.opportunityId).toBe(opp);

    const deal = await db.opportunity.findUniqueOrThrow({
      where: { id: opp },
      include: { touches: true, registration: true },
    });
    expect(deal.partnerId).toBe(w.gold.id);
    expect(deal.touches).toMatchObject([{ partnerId: w.gold.id, kind: "Accepted hand-off" }]);
    expect(deal.registration).toMatchObject({ partnerId: w.gold.id, status: "APPROVED", accountId: w.accountId });
    expect(deal.registration!.activeClaimKey).toBe(`a:${w.accountId}|${deal.productLineId}`);
    expect(deal.registration!.protectedUntil!.getTime()).toBe(later(3).getTime() + 90 * 86_400_000);
    expect(await db.handoffQueue.findUniqueOrThrow({ where: { opportunityId: opp } })).toMatchObject({
      state: "ACCEPTED",
    });
    expect(await db.handoff.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: "ACCEPTED",
      openKey: null,
    });
    expect(await db.auditEvent.count({ where: { entityId: opp, action: "handoff.accept" } })).toBe(1);
    expect(await db.opportunityEvent.count({ where: { opportunityId: opp, kind: "TOUCH_ADDED" } })).toBe(1);

    // duplicate detection sees the protection: another partner registering the company is a duplicate
    const bob = await ctxFor("bob@contoso.test");
    const reg = await submitRegistration(
      bob,
      {
        account: { name: w.accountName, country: "PL", vertical: "HEALTHCARE" },
        productLine: "Platform",
        estimatedAcv: 18_000_000,
        expectedCloseDate: "2027-03-31",
      },
      { now: later(4) },
    );
    expect(reg.conflict?.type).toBe("DUPLICATE_REGISTRATION");
  });

  it("refuses when a registration already protects the company and product line (409), changing nothing", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const offer = (await openOfferOf(opp))!;
    const bob = await ctxFor("bob@contoso.test");
    await submitRegistration(
      bob,
      {
        account: { name: w.accountName, country: "PL", vertical: "HEALTHCARE" },
        productLine: "Platform",
        estimatedAcv: 18_000_000,
        expectedCloseDate: "2027-03-31",
      },
      { now: later(1) },
    );
    expect(await statusOf(() => acceptHandoff(w.gold.ctx, offer.id, later(2)))).toBe("CONFLICT");
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp } })).partnerId).toBeNull();
    expect(await db.handoff.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: "OFFERED" });
  });

  it("refuses a second answer and an answer after the due time (409)", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const offer = (await openOfferOf(opp))!;
    expect(await statusOf(() => acceptHandoff(w.gold.ctx, offer.id, later(49)))).toBe("CONFLICT");
    await acceptHandoff(w.gold.ctx, offer.id, later(1));
    expect(await statusOf(() => acceptHandoff(w.gold.ctx, offer.id, later(2)))).toBe("CONFLICT");
    expect(await statusOf(() => declineHandoff(w.gold.ctx, offer.id, "Too late", later(2)))).toBe("CONFLICT");
  });
});

describe("declines, expiry and the way back to ops", () => {
  it("a decline moves the deal to the next partner; after 3 offers it returns to ops", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const first = (await openOfferOf(opp))!;
    await declineHandoff(w.gold.ctx, first.id, "No capacity this quarter", later(1));
    const second = (await openOfferOf(opp))!;
    expect(second).toMatchObject({ partnerId: w.silver.id, offerNumber: 2 });
    expect(await db.handoff.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "DECLINED",
      declineReason: "No capacity this quarter",
    });

    await declineHandoff(w.silver.ctx, second.id, "Not our segment", later(2));
    const third = (await openOfferOf(opp))!;
    expect(third).toMatchObject({ partnerId: w.platinum.id, offerNumber: 3 });
    await declineHandoff(w.platinum.ctx, third.id, "Not our vertical", later(3));

    expect(await openOfferOf(opp)).toBeNull();
    const queue = await db.handoffQueue.findUniqueOrThrow({ where: { opportunityId: opp } });
    expect(queue).toMatchObject({ state: "RETURNED_TO_OPS", note: "3 offers made without an acceptance" });
    expect(
      await db.outbox.count({
        where: { recipientUserId: w.ops.userId, kind: "handoff.returned", payload: { equals: { opportunityId: opp } } },
      }),
    ).toBe(1);

    // ops re-offer: a new round, but nobody left who was not asked → straight back to ops
    const again = await offerToPartners(w.ops, opp, later(5));
    expect(again.state).toBe("RETURNED_TO_OPS");
    expect(await db.handoffQueue.findUniqueOrThrow({ where: { opportunityId: opp } })).toMatchObject({
      round: 2,
      state: "RETURNED_TO_OPS",
    });
  });

  it("the expiry job (injected clock) expires overdue offers and offers the next partner", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const first = (await openOfferOf(opp))!;
    // before the due time nothing happens
    await expireOverdueHandoffs(db, later(47));
    expect((await openOfferOf(opp))!.id).toBe(first.id);
    const runAt = new Date("2026-12-03T10:00:00.000Z");
    expect(await expireOverdueHandoffs(db, runAt)).toBeGreaterThanOrEqual(1);
    expect(await db.handoff.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "EXPIRED" });
    const next = (await openOfferOf(opp))!;
    expect(next).toMatchObject({ partnerId: w.silver.id, offerNumber: 2 });
    expect(next.offeredAt.toISOString()).toBe(runAt.toISOString());
    expect(next.dueAt.toISOString()).toBe("2026-12-07T10:00:00.000Z"); // Thursday + 2 business days = Monday
    expect(await db.auditEvent.count({ where: { entityId: opp, action: "handoff.expire", actorId: null } })).toBe(1);
  });

  it("accept against expire at the same moment ends with exactly one outcome", async () => {
    for (let i = 0; i < 3; i++) {
      const w = await world();
      const opp = await directDeal(w, NOW);
      const offer = (await openOfferOf(opp))!;
      // one instance's clock still before the due time, the job's just after it
      const [accepted, expired] = await Promise.allSettled([
        acceptHandoff(w.gold.ctx, offer.id, new Date(offer.dueAt.getTime() - 1_000)),
        expireHandoff(db, offer.id, new Date(offer.dueAt.getTime() + 1_000)),
      ]);
      const row = await db.handoff.findUniqueOrThrow({ where: { id: offer.id } });
      const deal = await db.opportunity.findUniqueOrThrow({ where: { id: opp } });
      if (row.status === "ACCEPTED") {
        expect(accepted.status).toBe("fulfilled");
        expect(expired).toEqual({ status: "fulfilled", value: false });
        expect(deal.partnerId).toBe(w.gold.id);
      } else {
        expect(row.status).toBe("EXPIRED");
        expect(accepted.status).toBe("rejected");
        expect((accepted as PromiseRejectedResult).reason.code).toBe("CONFLICT");
        expect(deal.partnerId).toBeNull();
      }
      expect(await db.handoff.count({ where: { opportunityId: opp, status: "OFFERED" } })).toBeLessThanOrEqual(1);
    }
  });
});

describe("ops", () => {
  it("pass on an open direct lead, and two at once make one offer (409 for the other)", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW, { route: "DIRECT", queue: false });
    const results = await Promise.allSettled([offerToPartners(w.ops, opp, NOW), offerToPartners(w.ops, opp, NOW)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason.code).toBe("CONFLICT");
    expect(await db.handoff.count({ where: { opportunityId: opp } })).toBe(1);
    expect(await db.handoffQueue.findUniqueOrThrow({ where: { opportunityId: opp } })).toMatchObject({
      origin: "OPS",
      state: "OFFERED",
    });
  });

  it("withdraw an offer: the partner can no longer accept it", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const offer = (await openOfferOf(opp))!;
    await withdrawHandoff(w.ops, opp, later(1));
    expect(await db.handoff.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await statusOf(() => acceptHandoff(w.gold.ctx, offer.id, later(2)))).toBe("CONFLICT");
  });

  // Regression: an edit that attached a partner left the offer open, and the offered partner's accept
  // then ended in a 409 ("This deal has a partner already").
  it("an edit that attaches a partner withdraws the open offer and tells the offered partner", async () => {
    const w = await world();
    const platform = await db.productLine.findFirstOrThrow({ where: { name: "Platform" }, select: { id: true } });
    const deal = {
      name: "Ward rollout",
      productLineId: platform.id,
      acvCents: "180000",
      discountPct: 0,
      closeDate: "2027-03-31",
    };
    const created = await createOpportunity(w.ae, { ...deal, accountId: w.accountId }, NOW);
    const offer = (await openOfferOf(created.id))!;
    expect(offer.partnerId).toBe(w.gold.id);
    const { updatedAt } = await db.opportunity.findUniqueOrThrow({ where: { id: created.id } });
    await updateOpportunity(
      w.ae,
      created.id,
      { ...deal, partnerId: w.silver.id, expectedUpdatedAt: updatedAt.toISOString() },
      later(1),
    );
    expect(await db.handoff.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await db.handoffQueue.findUniqueOrThrow({ where: { opportunityId: created.id } })).toMatchObject({
      state: "WITHDRAWN",
      note: "The deal got a partner",
    });
    expect(await db.outbox.count({ where: { recipientUserId: w.gold.ctx.userId, kind: "handoff.withdrawn" } })).toBe(1);
    expect(await statusOf(() => acceptHandoff(w.gold.ctx, offer.id, later(2)))).toBe("CONFLICT");
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: created.id } })).partnerId).toBe(w.silver.id);
  });

  it("only channel operations manage the queue; only partners answer offers", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW, { route: "DIRECT", queue: false });
    expect(await statusOf(() => offerToPartners(w.ae, opp, NOW))).toBe("FORBIDDEN");
    expect(await statusOf(() => offerToPartners(w.gold.ctx, opp, NOW))).toBe("FORBIDDEN");
    await offerToPartners(w.ops, opp, NOW);
    const offer = (await openOfferOf(opp))!;
    expect(await statusOf(() => acceptHandoff(w.ops, offer.id, later(1)))).toBe("FORBIDDEN");
  });
});

describe("what each caller sees", () => {
  it("partner B cannot see, accept or decline partner A's offer: 404 like a missing one", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    const offer = (await openOfferOf(opp))!;
    expect(await statusOf(() => getOffer(w.silver.ctx, offer.id))).toBe("NOT_FOUND");
    expect(await statusOf(() => acceptHandoff(w.silver.ctx, offer.id, later(1)))).toBe("NOT_FOUND");
    expect(await statusOf(() => declineHandoff(w.silver.ctx, offer.id, "mine now", later(1)))).toBe("NOT_FOUND");
    expect((await listOffers(w.silver.ctx, handoffListQuery.parse({ pageSize: 100 }))).items).toEqual([]);
    // the owner sees it, without rank, offer number or reasons
    const own = await getOffer(w.gold.ctx, offer.id);
    expect(own.opportunity.account.name).toBe(w.accountName);
    expect(own).not.toHaveProperty("offerNumber");
    expect(own).not.toHaveProperty("reasons");
    expect(own).not.toHaveProperty("partner");
  });

  it("the second partner offered a deal learns nothing of the first", async () => {
    const w = await world();
    const opp = await directDeal(w, NOW);
    await declineHandoff(w.gold.ctx, (await openOfferOf(opp))!.id, "No capacity", later(1));
    const page = await listOffers(w.silver.ctx, handoffListQuery.parse({ pageSize: 100 }));
    expect(page.items).toHaveLength(1);
    expect(JSON.stringify(page.items, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      /Goldco|No capacity|offerNumber/,
    );
    const notice = await db.outbox.findFirstOrThrow({
      where: { recipientUserId: w.silver.ctx.userId, kind: "handoff.offered" },
    });
    expect(`${notice.subject} ${notice.body}`).not.toMatch(/Goldco|declined|No capacity|another partner|second/i);
  });

  it("the queue and the stats: offer n of 3, acceptance rate and median time-to-accept", async () => {
    const w = await world();
    const a = await directDeal(w, NOW);
    await declineHandoff(w.gold.ctx, (await openOfferOf(a))!.id, "No capacity", later(1));
    await acceptHandoff(w.silver.ctx, (await openOfferOf(a))!.id, later(5)); // 4 h after its offer
    const page = await listHandoffQueue(w.ops, handoffQueueQuery.parse({ pageSize: 100, partnerId: w.silver.id }));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.handoffs[0]).toMatchObject({
      offerNumber: 2,
      status: "ACCEPTED",
      partner: { name: expect.stringContaining("Silverco") },
    });
    expect(page.items[0]!.state).toBe("ACCEPTED");

    const stats = await handoffStats(w.ops, { from: NOW, to: later(24) });
    const silver = stats.find((s) => s.partnerId === w.silver.id)!;
    expect(silver).toMatchObject({ offers: 1, accepted: 1, acceptanceRate: 1, medianTimeToAcceptMs: 4 * 3_600_000 });
    expect(stats.find((s) => s.partnerId === w.gold.id)).toMatchObject({
      offers: 1,
      declined: 1,
      acceptanceRate: 0,
      medianTimeToAcceptMs: null,
    });
    expect(await statusOf(() => handoffStats(w.gold.ctx, { from: NOW, to: later(24) }))).toBe("FORBIDDEN");
    expect(await statusOf(() => listHandoffQueue(w.ae, handoffQueueQuery.parse({ pageSize: 10 })))).toBe("FORBIDDEN");
  });
});

describe("demo data (prisma/seed/handoffs.ts)", () => {
  it("has small direct deals waiting in hand-off, one back with ops, and accepted ones with touches and claims", async () => {
    const queues = await db.handoffQueue.findMany({
      where: { id: { startsWith: "choq" } },
      include: { handoffs: true, opportunity: { include: { touches: true, registration: true } } },
    });
    const states = new Set(queues.map((q) => q.state));
    expect(states).toEqual(new Set(["OFFERED", "RETURNED_TO_OPS", "ACCEPTED"]));
    expect(queues.every((q) => q.opportunity.source === "DIRECT" && q.opportunity.acvCents < 25_000_000n)).toBe(true);
    expect(queues.find((q) => q.state === "RETURNED_TO_OPS")!.handoffs).toHaveLength(3);
    // declined then re-offered: a declined first offer and an open second one
    expect(
      queues.some(
        (q) => q.handoffs.some((h) => h.status === "DECLINED") && q.handoffs.some((h) => h.status === "OFFERED"),
      ),
    ).toBe(true);
    for (const q of queues.filter((q) => q.state === "ACCEPTED")) {
      const accepted = q.handoffs.find((h) => h.status === "ACCEPTED")!;
      expect(q.opportunity.partnerId).toBe(accepted.partnerId);
      expect(q.opportunity.touches.some((t) => t.kind === "Accepted hand-off")).toBe(true);
    }
    // at most one open offer per deal
    for (const q of queues) expect(q.handoffs.filter((h) => h.status === "OFFERED").length).toBeLessThanOrEqual(1);
  });
});
