// The pricing-guardrails hook (lib/db/pricing-guardrails.ts) on a real database (SQLite, and
// PostgreSQL with TEST_DATABASE_URL): the breach flag set and cleared with its audit events, and the
// PRICING_UNDERCUT case a direct-side discount opens on a partner-protected deal — once, never for
// a partner-side discount, and again only for a deeper discount after the case is resolved.
import { describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { resolveConflict } from "@/lib/db/conflict-writes";
import { checkPricingGuardrails } from "@/lib/db/pricing-guardrails";
import { decideRegistration } from "@/lib/db/registration-lifecycle";
import { submitRegistration } from "@/lib/db/registration-submit";
import { transaction } from "@/lib/db/transaction";
import { undercutSubjectKey } from "@/lib/pricing/undercut";
import { ctxFor } from "../support/contexts";

/** The write path's order: the row is written, then the hook runs in the same transaction. */
async function setDiscount(ctx: Ctx, opportunityId: string, discountPct: number, now = new Date()) {
  await transaction(db, async (tx) => {
    await tx.opportunity.update({ where: { id: opportunityId }, data: { discountPct }, select: { id: true } });
    await checkPricingGuardrails(tx, ctx, opportunityId, now);
  });
}

const undercuts = (opportunityId: string) =>
  db.conflict.findMany({
    where: { opportunityId, type: "PRICING_UNDERCUT" },
    include: { parties: true, registrations: true, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    orderBy: { openedAt: "asc" },
  });

let n = 0;
/** Alice (Northwind) registers a new company and her manager approves it: a protected partner deal. */
async function protectedDeal() {
  n++;
  const slug = `undercut${n}${Date.now() % 100_000}`;
  const alice = await ctxFor("alice@northwind.test");
  const pm = await ctxFor("pm@accord.test");
  const reg = await submitRegistration(alice, {
    account: { name: `Undercut ${slug} Ltd`, domain: `${slug}.example`, country: "US", vertical: "RETAIL" },
    productLine: "Platform",
    estimatedAcv: 20_000_000,
    expectedCloseDate: "2027-06-30",
  });
  await decideRegistration(pm, reg.id, { decision: "APPROVE", reason: "Qualified" });
  const row = await db.dealRegistration.findUniqueOrThrow({
    where: { id: reg.id },
    select: { id: true, opportunityId: true, partnerId: true, protectedUntil: true },
  });
  return { alice, pm, reg: row, opportunityId: row.opportunityId! };
}

describe("corridor breach flag", () => {
  it("is set beyond the corridor and cleared back inside it, each change audited with before and after", async () => {
    const ae = await ctxFor("ae@accord.test");
    const opp = await db.opportunity.findFirstOrThrow({
      where: { aeId: ae.userId!, route: { not: null } },
      select: { id: true, route: true, productLineId: true },
      orderBy: { id: "asc" },
    });
    const corridor = await db.pricingCorridor.findFirstOrThrow({
      where: { route: opp.route!, productLineId: opp.productLineId },
    });
    await setDiscount(ae, opp.id, corridor.maxDiscountPct - 5); // inside, whatever the seed left
    const events = () =>
      db.auditEvent.count({ where: { entityId: opp.id, action: { startsWith: "opportunity.corridor" } } });
    const before = await events();
    await setDiscount(ae, opp.id, corridor.maxDiscountPct + 7.5);
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({
      corridorBreach: true,
      corridorMaxPct: corridor.maxDiscountPct,
    });
    const breach = await db.auditEvent.findFirstOrThrow({
      where: { entityId: opp.id, action: "opportunity.corridor.breach" },
      orderBy: { at: "desc" },
    });
    expect(breach.after).toMatchObject({ corridorBreach: true, discountPct: corridor.maxDiscountPct + 7.5 });
    expect(breach.before).toMatchObject({ corridorBreach: false });

    // equal to the corridor is inside it
    await setDiscount(ae, opp.id, corridor.maxDiscountPct);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).corridorBreach).toBe(false);
    expect(await events()).toBe(before + 2);
    // no change of the flag, no event
    await setDiscount(ae, opp.id, corridor.maxDiscountPct - 1);
    expect(await events()).toBe(before + 2);
  });

  it("a deal without a route has no corridor to breach", async () => {
    const ae = await ctxFor("ae@accord.test");
    const opp = await db.opportunity.findFirstOrThrow({ where: { aeId: ae.userId! }, select: { id: true } });
    await db.opportunity.update({ where: { id: opp.id }, data: { route: null } });
    await setDiscount(ae, opp.id, 90);
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({
      corridorBreach: false,
      corridorMaxPct: null,
    });
  });
});

describe("PRICING_UNDERCUT", () => {
  it("an AE's discount on a partner-protected deal opens one case with the evidence, through openCase", async () => {
    const { reg, opportunityId } = await protectedDeal();
    const ae = await ctxFor("ae@accord.test");
    await setDiscount(ae, opportunityId, 45);
    const [c, ...more] = await undercuts(opportunityId);
    expect(more).toHaveLength(0);
    expect(c).toMatchObject({
      status: "OPEN",
      level: 1,
      source: "PRICING",
      raisedById: ae.userId,
      openSubjectKey: undercutSubjectKey(opportunityId),
    });
    expect(c.registrations.map((r) => r.registrationId)).toEqual([reg.id]);
    expect(c.parties.filter((p) => p.kind === "PARTNER").map((p) => p.partnerId)).toEqual([reg.partnerId]);
    expect(c.parties.filter((p) => p.kind === "DIRECT")).toHaveLength(1);
    expect(c.events.map((e) => e.kind)).toEqual(["OPENED", "COMMENTED"]);
    // the evidence: the discount, the corridor (Platform × partner-led: 35 % in the demo), the protection
    expect(c.events[1].body).toContain("45% discount on this Platform deal");
    expect(c.events[1].body).toContain("The corridor allows 35%: 10% beyond it.");
    expect(c.events[1].body).toContain(reg.protectedUntil!.toISOString().slice(0, 10));
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: "conflict.open" } })).toBe(1);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opportunityId } })).undercutDiscountPct).toBe(45);

    // once per subject: a later edit, even a deeper discount, joins nothing new while the case is open
    await setDiscount(ae, opportunityId, 45);
    await setDiscount(ae, opportunityId, 50);
    expect(await undercuts(opportunityId)).toHaveLength(1);
  });

  it("a partner-side or channel-operations discount opens nothing", async () => {
    const { alice, pm, opportunityId } = await protectedDeal();
    await setDiscount(alice, opportunityId, 45);
    await setDiscount(pm, opportunityId, 46);
    await setDiscount(await ctxFor("ops@accord.test"), opportunityId, 47);
    expect(await undercuts(opportunityId)).toHaveLength(0);
    // the breach is flagged whoever set the discount
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opportunityId } })).corridorBreach).toBe(true);
  });

  it("no protection, no case: an expired protection does not count", async () => {
    const { reg, opportunityId } = await protectedDeal();
    await db.dealRegistration.update({
      where: { id: reg.id },
      data: { protectedUntil: new Date(Date.now() - 60_000) },
    });
    await setDiscount(await ctxFor("ae@accord.test"), opportunityId, 40);
    expect(await undercuts(opportunityId)).toHaveLength(0);
  });

  it("after the case is resolved, the same discount does not reopen it; a deeper one opens a new case", async () => {
    const { opportunityId } = await protectedDeal();
    const ae = await ctxFor("ae@accord.test");
    await setDiscount(ae, opportunityId, 20);
    const [first] = await undercuts(opportunityId);
    const ops = await ctxFor("ops@accord.test");
    await resolveConflict(ops, first.id, {
      resolution: "DISMISSED",
      rationale: "Within the corridor; the partner agreed to the price",
      tags: [],
      expectedLevel: 1,
    });
    expect((await db.conflict.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("RESOLVED");
    await setDiscount(ae, opportunityId, 20); // e.g. a stage change: the discount did not move
    expect(await undercuts(opportunityId)).toHaveLength(1);
    await setDiscount(ae, opportunityId, 30);
    const cases = await undercuts(opportunityId);
    expect(cases).toHaveLength(2);
    expect(cases[1].status).toBe("OPEN");
  });
});
