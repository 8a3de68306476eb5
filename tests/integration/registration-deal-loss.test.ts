// A deal closed lost ends the protection of the registration it was converted from, in the close's own
// transaction (lib/db/registration-deal-loss.ts): the claim keys are released, protectedUntil becomes the
// close time, the timeline and the audit log say why, and another partner may register the account.
// Closing won keeps the protection.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeOpportunity } from "@/lib/db/opportunity-moves";
import { decideRegistration, withdrawRegistration } from "@/lib/db/registration-lifecycle";
import { submitRegistration } from "@/lib/db/registration-submit";
import { errorOf } from "../support/errors";
import { ctxFor } from "../support/contexts";

let n = 0;
function deal() {
  n++;
  return {
    account: {
      name: `Lost Deal Labs ${n} Ltd`,
      domain: `lostdeal${n}.example`,
      country: "US",
      vertical: "RETAIL" as const,
    },
    productLine: "Platform",
    estimatedAcv: 10_000_000,
    expectedCloseDate: "2027-01-31",
  };
}

async function converted(d: ReturnType<typeof deal>) {
  const alice = await ctxFor("alice@northwind.test");
  const pm = await ctxFor("pm@accord.test");
  const reg = await submitRegistration(alice, d);
  const approved = await decideRegistration(pm, reg.id, { decision: "APPROVE", reason: "Qualified" });
  expect(approved.status).toBe("CONVERTED");
  const row = await db.dealRegistration.findUniqueOrThrow({ where: { id: reg.id } });
  expect(row.partnerClaimKey).not.toBeNull();
  return row;
}

describe("closing a deal lost releases its registration's protection", () => {
  it("releases the keys, ends protection now, records timeline and audit, and frees the account", async () => {
    const ops = await ctxFor("ops@accord.test");
    const bob = await ctxFor("bob@contoso.test");
    const d = deal();
    const reg = await converted(d);
    const opp = await db.opportunity.findUniqueOrThrow({ where: { id: reg.opportunityId! } });
    // protected: another partner's claim on the account collides
    const clash = await submitRegistration(bob, d);
    expect(clash.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    await withdrawRegistration(bob, clash.id, "Lost to the holder");

    const now = new Date(Date.now() + 1_000);
    await closeOpportunity(
      ops,
      opp.id,
      { outcome: "CLOSED_LOST", expectedStage: opp.stage, lostReason: "No budget" },
      now,
    );

    const row = await db.dealRegistration.findUniqueOrThrow({
      where: { id: reg.id },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(row).toMatchObject({
      status: "CONVERTED",
      activeClaimKey: null,
      activeClaimNameKey: null,
      activeClaimDomainKey: null,
      partnerClaimKey: null,
      partnerClaimNameKey: null,
      partnerClaimDomainKey: null,
      opportunityId: opp.id,
    });
    expect(row.protectedUntil?.getTime()).toBe(now.getTime());
    expect(row.events.at(-1)).toMatchObject({ fromStatus: "CONVERTED", toStatus: "CONVERTED", actorId: ops.userId });
    expect(row.events.at(-1)?.reason).toContain("closed lost");
    const audits = await db.auditEvent.findMany({ where: { entityId: reg.id, action: "registration.expire" } });
    expect(audits).toHaveLength(1);
    expect(audits[0].at.getTime()).toBe(now.getTime());
    expect(await db.auditEvent.count({ where: { entityId: opp.id, action: "opportunity.close" } })).toBe(1);

    // the account is free: another partner registers it without a conflict
    const next = await submitRegistration(bob, { ...d, expectedCloseDate: "2028-12-31" }, { now });
    expect(next.conflict).toBeUndefined();
  });

  it("closing won keeps the protection; a failed close releases nothing", async () => {
    const ops = await ctxFor("ops@accord.test");
    const lost = await converted(deal());
    const lostDeal = await db.opportunity.findUniqueOrThrow({ where: { id: lost.opportunityId! } });
    // a stale expected stage: the close is refused and the registration keeps everything
    const stale = await errorOf(
      closeOpportunity(ops, lostDeal.id, { outcome: "CLOSED_LOST", expectedStage: "NEGOTIATION", lostReason: "x" }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(await db.dealRegistration.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      partnerClaimKey: lost.partnerClaimKey,
      protectedUntil: lost.protectedUntil,
    });

    const won = await converted(deal());
    const wonDeal = await db.opportunity.findUniqueOrThrow({ where: { id: won.opportunityId! } });
    await closeOpportunity(ops, wonDeal.id, { outcome: "CLOSED_WON", expectedStage: wonDeal.stage });
    expect(await db.dealRegistration.findUniqueOrThrow({ where: { id: won.id } })).toMatchObject({
      status: "CONVERTED",
      activeClaimKey: won.activeClaimKey,
      partnerClaimKey: won.partnerClaimKey,
      protectedUntil: won.protectedUntil,
    });
    expect(await db.auditEvent.count({ where: { entityId: won.id, action: "registration.expire" } })).toBe(0);
  });
});
