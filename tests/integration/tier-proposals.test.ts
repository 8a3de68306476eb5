// Tier proposals on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the quarterly
// review proposes from the quarter just ended (one per partner and quarter: a second run writes
// nothing); ops confirms or dismisses once (a second decision is a 409), audited; a confirmed change
// reaches the partner only when the next quarter starts; nobody but ops decides.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveTierCriteria } from "@/lib/db/tier-criteria";
import {
  decideTierProposal,
  listTierProposals,
  pendingTierChange,
  proposeAndApplyTiers,
} from "@/lib/db/tier-proposals";
import { ctxFor, partnerIdOf } from "../support/contexts";
import { errorOf } from "../support/errors";

// 2001-Q2 holds no seeded row: every partner's figures are zero there
const JULY = new Date("2001-07-02T00:00:00Z");

describe("the quarterly tier review", () => {
  it("proposes, is confirmed by ops, and takes effect at the next quarter's start", async () => {
    const ops = await ctxFor("ops@accord.test");
    // Gold and Silver ask for nothing, Platinum for more than anyone has: everyone qualifies for Gold
    await saveTierCriteria(ops, {
      PLATINUM_revenue: "1000000000",
      PLATINUM_winRate: "100",
      PLATINUM_registrations: "1000",
      GOLD_revenue: "0",
      GOLD_winRate: "0",
      GOLD_registrations: "0",
      SILVER_revenue: "0",
      SILVER_winRate: "0",
      SILVER_registrations: "0",
      PLATINUM_certifications: "0",
      GOLD_certifications: "0",
      SILVER_certifications: "0",
    });
    const partnerId = await partnerIdOf("Northwind Systems");
    await db.partner.update({ where: { id: partnerId }, data: { tier: "SILVER" } });
    const notGold = await db.partner.count({ where: { status: "ACTIVE", tier: { not: "GOLD" } } });

    expect(await proposeAndApplyTiers(db, JULY)).toBe(notGold);
    expect(await proposeAndApplyTiers(db, new Date("2001-07-03T00:00:00Z"))).toBe(0);
    const proposal = await db.tierProposal.findUniqueOrThrow({
      where: { partnerId_quarter: { partnerId, quarter: "2001-Q2" } },
    });
    expect(proposal).toMatchObject({ fromTier: "SILVER", toTier: "GOLD", status: "PROPOSED" });
    expect(JSON.stringify(proposal.criteria)).toContain("Sourced revenue won");
    expect(JSON.stringify(proposal.criteria)).toContain("Certifications");
    const listed = await listTierProposals(ops);
    expect(listed[0].status).toBe("PROPOSED");

    const decided = await decideTierProposal(ops, proposal.id, "confirm", new Date("2001-08-15T10:00:00Z"));
    expect(decided).toEqual({ status: "CONFIRMED", effectiveFrom: new Date("2001-10-01T00:00:00Z") });
    expect((await errorOf(decideTierProposal(ops, proposal.id, "dismiss"))).code).toBe("CONFLICT");
    expect(await pendingTierChange(partnerId)).toEqual({
      toTier: "GOLD",
      effectiveFrom: new Date("2001-10-01T00:00:00Z"),
    });

    // not mid-quarter: the last day of Q3 leaves the tier alone
    await proposeAndApplyTiers(db, new Date("2001-09-30T23:00:00Z"));
    expect((await db.partner.findUniqueOrThrow({ where: { id: partnerId } })).tier).toBe("SILVER");
    await proposeAndApplyTiers(db, new Date("2001-10-01T00:30:00Z"));
    expect((await db.partner.findUniqueOrThrow({ where: { id: partnerId } })).tier).toBe("GOLD");
    expect((await db.tierProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("APPLIED");
    expect(await pendingTierChange(partnerId)).toBeNull();

    const events = await db.auditEvent.findMany({
      where: { OR: [{ entityId: proposal.id }, { entityId: partnerId, action: "tier.proposal.apply" }] },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["tier.proposal.confirm", "tier.proposal.apply"]);
  });

  it("ops dismisses; nobody else decides or lists", async () => {
    const ops = await ctxFor("ops@accord.test");
    const open = await db.tierProposal.findFirstOrThrow({ where: { status: "PROPOSED" } });
    for (const email of ["pm@accord.test", "ae@accord.test", "vp.sales@accord.test", "alice@northwind.test"]) {
      const ctx = await ctxFor(email);
      expect((await errorOf(decideTierProposal(ctx, open.id, "confirm"))).code).toBe("NOT_FOUND");
      expect((await errorOf(listTierProposals(ctx))).code).toBe("FORBIDDEN");
    }
    expect((await errorOf(decideTierProposal(ops, "no-such-proposal", "confirm"))).code).toBe("NOT_FOUND");
    expect(await decideTierProposal(ops, open.id, "dismiss")).toEqual({ status: "DISMISSED", effectiveFrom: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: open.id } });
    expect(event.action).toBe("tier.proposal.dismiss");
  });
});
