// The demo's opportunity workflow (prisma/seed/opportunity-workflow.ts, prisma/seed/direct.ts): deals
// of $1M and more with partners attached, partner touches on direct deals, a reason on every lost
// deal, and a few deals whose re-run the rules flagged for review without moving them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

describe("demo opportunities", () => {
  it("has $1M+ deals with partners attached and touches on direct deals", async () => {
    const attached = await db.opportunity.count({
      where: { route: "DIRECT_PARTNER_ATTACHED", acvCents: { gte: 100_000_000n }, partnerId: { not: null } },
    });
    expect(attached).toBeGreaterThan(10);
    expect(await db.partnerTouch.count({ where: { opportunity: { source: "DIRECT" } } })).toBeGreaterThan(10);
  });

  it("gives every lost deal its reason", async () => {
    expect(await db.opportunity.count({ where: { stage: "CLOSED_LOST", lostReason: null } })).toBe(0);
    expect(await db.opportunity.count({ where: { stage: "CLOSED_LOST" } })).toBeGreaterThan(0);
  });

  it("flags a few open deals for review: the route kept, the new decision stored and flagged, on the timeline", async () => {
    const flagged = await db.opportunity.findMany({
      where: { flaggedRoute: { not: null } },
      select: {
        id: true,
        route: true,
        flaggedRoute: true,
        flaggedDecisionId: true,
        routeDecisionId: true,
        stage: true,
      },
    });
    expect(flagged).toHaveLength(5);
    for (const o of flagged) {
      expect(o.route).toBe("PARTNER_LED");
      expect(o.flaggedRoute).not.toBe(o.route);
      expect(["CLOSED_WON", "CLOSED_LOST"]).not.toContain(o.stage);
      const decision = await db.routeDecision.findUniqueOrThrow({ where: { id: o.flaggedDecisionId! } });
      expect(decision).toMatchObject({ subjectId: o.id, route: o.flaggedRoute, flaggedForReview: true });
      expect(o.routeDecisionId).not.toBe(decision.id);
      const kinds = await db.opportunityEvent.findMany({ where: { opportunityId: o.id }, select: { kind: true } });
      expect(kinds.map((k) => k.kind).sort()).toEqual(["CREATED", "ROUTE_FLAGGED", "UPDATED"]);
    }
  });
});
