// The opportunity write path (lib/db/opportunity-writes.ts) on a real database: creating is a claim
// routed by the rules in force, an edit never moves the route (a changed outcome is flagged for
// review), closing lost needs a reason, stale edits are refused, and an AE writes only its own deals.
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { createOpportunity, updateOpportunity } from "@/lib/db/opportunity-writes";
import { acceptFlaggedRoute, addPartnerTouch, closeOpportunity, moveStage } from "@/lib/db/opportunity-moves";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";

let ae: Ctx;
let ops: Ctx;
let accountId: string;
let coreLineId: string;

beforeAll(async () => {
  ae = await ctxFor("ae@accord.test");
  ops = await ctxFor("ops@accord.test");
  // an account of the AE's where the default rules route by ACV band alone (rules 70/80/90):
  // not named, not a specialized vertical, in a region with a direct team
  const account = await db.account.findFirstOrThrow({
    where: {
      ownerId: ae.userId,
      namedAccount: false,
      vertical: { notIn: ["HEALTHCARE", "GOVERNMENT", "FINANCIAL_SERVICES"] },
      region: { directPresence: true },
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  accountId = account.id;
  coreLineId = (await db.productLine.findFirstOrThrow({ where: { kind: "CORE" }, orderBy: { name: "asc" } })).id;
});

const base = () => ({
  name: `Test deal ${Math.random().toString(36).slice(2, 8)}`,
  accountId,
  productLineId: coreLineId,
  acvCents: "120,000",
  closeDate: "2027-03-31",
  discountPct: "5",
});

/** The edit form's fields (the account is fixed once the deal exists). */
const edit = (fields: { expectedUpdatedAt: string; name?: string; acvCents?: string }) => {
  const { name, productLineId, acvCents, closeDate, discountPct } = base();
  return { name, productLineId, acvCents, closeDate, discountPct, ...fields };
};

describe("createOpportunity", () => {
  it("routes the deal by the rules in force and stores the decision, the timeline and the audit event", async () => {
    const created = await createOpportunity(ae, { ...base(), acvCents: "1,500,000" });
    expect(created.route).toBe("DIRECT_PARTNER_ATTACHED"); // rule 90: ≥ $1M
    expect(created.partnerNeeded).toBe(true); // attached route, no partner yet
    const opp = await db.opportunity.findUniqueOrThrow({ where: { id: created.id }, include: { routeDecision: true } });
    expect(opp.acvCents).toBe(150_000_000n);
    expect(opp.aeId).toBe(ae.userId);
    expect(opp.stage).toBe("PROSPECT");
    expect(opp.routeDecision).toMatchObject({ subjectType: "OPPORTUNITY", subjectId: opp.id, route: opp.route });
    expect(opp.routeDecision?.flaggedForReview).toBe(false);
    expect(await db.opportunityEvent.count({ where: { opportunityId: opp.id, kind: "CREATED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: opp.id, action: "opportunity.create" } })).toBe(1);
  });

  it("refuses an account the AE may not see, and invalid money, with field messages", async () => {
    const foreign = await db.account.findFirstOrThrow({
      where: {
        AND: [
          { OR: [{ ownerId: null }, { ownerId: { not: ae.userId } }] },
          { opportunities: { none: { aeId: ae.userId } } },
        ],
      },
      select: { id: true },
    });
    const e = await errorOf(createOpportunity(ae, { ...base(), accountId: foreign.id }));
    expect(e.status).toBe(422);
    expect(e.fields?.accountId).toBeDefined();
    const money = await errorOf(createOpportunity(ae, { ...base(), acvCents: "12k" }));
    expect(money.status).toBe(400);
    expect(money.fields?.acvCents).toBeDefined();
    const discount = await errorOf(createOpportunity(ae, { ...base(), discountPct: "120" }));
    expect(discount.fields?.discountPct).toBeDefined();
  });

  it("lets channel operations create on an AE's behalf, and keeps an AE to its own deals", async () => {
    const missing = await errorOf(createOpportunity(ops, base()));
    expect(missing.fields?.aeId).toBeDefined();
    const created = await createOpportunity(ops, { ...base(), aeId: ae.userId });
    const opp = await db.opportunity.findUniqueOrThrow({ where: { id: created.id } });
    expect(opp.aeId).toBe(ae.userId);
    expect(
      await db.outbox.count({ where: { recipientUserId: ae.userId, kind: "opportunity.changed" } }),
    ).toBeGreaterThan(0);
    const other = await db.user.findFirstOrThrow({ where: { role: "AE", id: { not: ae.userId! } } });
    const foreign = await errorOf(createOpportunity(ae, { ...base(), aeId: other.id }));
    expect(foreign.fields?.aeId).toBeDefined();
  });

  it("is refused to partner managers, executives and partners", async () => {
    for (const email of ["pm@accord.test", "vp.sales@accord.test", "alice@northwind.test"]) {
      expect((await errorOf(createOpportunity(await ctxFor(email), base()))).status).toBe(403);
    }
  });
});

describe("updateOpportunity", () => {
  it("keeps the route when the re-run chooses another, flags it, and ops may accept it", async () => {
    const created = await createOpportunity(ae, base()); // $120K → PARTNER_LED (rule 70)
    expect(created.route).toBe("PARTNER_LED");
    const edited = await updateOpportunity(
      ae,
      created.id,
      edit({ acvCents: "2,000,000", expectedUpdatedAt: created.updatedAt }),
    );
    expect(edited.route).toBe("PARTNER_LED"); // never moved by an edit
    expect(edited.flaggedRoute).toBe("DIRECT_PARTNER_ATTACHED");
    const opp = await db.opportunity.findUniqueOrThrow({ where: { id: created.id } });
    expect(opp.acvCents).toBe(200_000_000n);
    expect(opp.flaggedReason).toContain("would route it DIRECT_PARTNER_ATTACHED");
    const flagged = await db.routeDecision.findUniqueOrThrow({ where: { id: opp.flaggedDecisionId! } });
    expect(flagged).toMatchObject({ flaggedForReview: true, route: "DIRECT_PARTNER_ATTACHED", subjectId: opp.id });
    expect((flagged.facts as { priorRoute: string }).priorRoute).toBe("PARTNER_LED");
    expect(opp.routeDecisionId).toBe(await firstDecisionId(created.id));
    expect(await db.opportunityEvent.count({ where: { opportunityId: opp.id, kind: "ROUTE_FLAGGED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: opp.id, action: "opportunity.flag-route" } })).toBe(1);

    // the AE cannot accept it; channel operations can
    expect((await errorOf(acceptFlaggedRoute(ae, opp.id))).status).toBe(403);
    const accepted = await acceptFlaggedRoute(ops, opp.id);
    expect(accepted).toMatchObject({ route: "DIRECT_PARTNER_ATTACHED", flaggedRoute: null });
    const after = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(after.routeDecisionId).toBe(flagged.id);
    expect(await db.auditEvent.count({ where: { entityId: opp.id, action: "opportunity.accept-route" } })).toBe(1);
    // a second accept finds nothing waiting
    expect((await errorOf(acceptFlaggedRoute(ops, opp.id))).status).toBe(409);
  });

  it("answers 409 to a stale edit and writes nothing", async () => {
    const created = await createOpportunity(ae, base());
    await updateOpportunity(ae, created.id, edit({ name: "First edit", expectedUpdatedAt: created.updatedAt }));
    const stale = await errorOf(
      updateOpportunity(ae, created.id, edit({ name: "Second edit", expectedUpdatedAt: created.updatedAt })),
    );
    expect(stale.status).toBe(409);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: created.id } })).name).toBe("First edit");
  });

  it("answers 404 when an AE edits another AE's deal, like a missing one", async () => {
    const other = await db.opportunity.findFirstOrThrow({
      where: { aeId: { not: ae.userId }, NOT: { aeId: null }, stage: "PROSPECT" },
      select: { id: true, updatedAt: true, name: true },
    });
    const e = await errorOf(
      updateOpportunity(ae, other.id, edit({ expectedUpdatedAt: other.updatedAt.toISOString() })),
    );
    expect(e.status).toBe(404);
    expect((await errorOf(moveStage(ae, other.id, { stage: "QUALIFIED", expectedStage: "PROSPECT" }))).status).toBe(
      404,
    );
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(other.name);
  });
});

async function firstDecisionId(opportunityId: string): Promise<string> {
  const first = await db.routeDecision.findFirstOrThrow({
    where: { subjectType: "OPPORTUNITY", subjectId: opportunityId },
    orderBy: { decidedAt: "asc" },
  });
  return first.id;
}

describe("stage changes and close", () => {
  it("refuses a lost close without a reason with 422 and writes nothing", async () => {
    const created = await createOpportunity(ae, base());
    const audits = await db.auditEvent.count({ where: { entityId: created.id } });
    const e = await errorOf(closeOpportunity(ae, created.id, { outcome: "CLOSED_LOST", expectedStage: "PROSPECT" }));
    expect(e.status).toBe(422);
    expect(e.fields?.lostReason).toBeDefined();
    const opp = await db.opportunity.findUniqueOrThrow({ where: { id: created.id } });
    expect(opp).toMatchObject({ stage: "PROSPECT", closedAt: null, lostReason: null });
    expect(await db.auditEvent.count({ where: { entityId: created.id } })).toBe(audits);
  });

  it("moves along, closes lost with its reason, and then takes no more changes", async () => {
    const created = await createOpportunity(ae, base());
    const now = new Date();
    await moveStage(ae, created.id, { stage: "QUALIFIED", expectedStage: "PROSPECT" }, now);
    // a mover who still saw PROSPECT is refused
    expect((await errorOf(moveStage(ae, created.id, { stage: "PROPOSAL", expectedStage: "PROSPECT" }))).status).toBe(
      409,
    );
    await closeOpportunity(
      ae,
      created.id,
      {
        outcome: "CLOSED_LOST",
        expectedStage: "QUALIFIED",
        lostReason: "Chose a competitor",
      },
      now,
    );
    const opp = await db.opportunity.findUniqueOrThrow({ where: { id: created.id } });
    expect(opp).toMatchObject({ stage: "CLOSED_LOST", lostReason: "Chose a competitor" });
    expect(opp.closedAt?.getTime()).toBe(now.getTime());
    const kinds = await db.opportunityEvent.findMany({
      where: { opportunityId: created.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { kind: true },
    });
    expect(kinds.map((k) => k.kind)).toEqual(["CREATED", "STAGE_CHANGED", "CLOSED_LOST"]);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "opportunity.close" } })).toBe(1);
    const closed = await errorOf(moveStage(ae, created.id, { stage: "PROSPECT", expectedStage: "CLOSED_LOST" }));
    expect(closed.status).toBe(422);
    const partner = await db.partner.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { name: "asc" } });
    const late = await errorOf(addPartnerTouch(ae, created.id, { partnerId: partner.id, kind: "Introduction" }));
    expect(late.status).toBe(422);
  });
});

describe("partner touches", () => {
  it("records a touch on the AE's deal with its timeline entry", async () => {
    const created = await createOpportunity(ae, base());
    const partner = await db.partner.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { name: "asc" } });
    await addPartnerTouch(ae, created.id, { partnerId: partner.id, kind: "Joint demo", note: "Ran the demo together" });
    const touches = await db.partnerTouch.findMany({ where: { opportunityId: created.id } });
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({ partnerId: partner.id, kind: "Joint demo", createdById: ae.userId });
    expect(await db.opportunityEvent.count({ where: { opportunityId: created.id, kind: "TOUCH_ADDED" } })).toBe(1);
    const bad = await errorOf(addPartnerTouch(ae, created.id, { partnerId: partner.id, kind: "Lunch" as "Other" }));
    expect(bad.fields?.kind).toBeDefined();
  });
});
