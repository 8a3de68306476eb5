// Partner scorecards on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the figures
// equal hand-placed rows in a quarter no seeded row falls in (2001-Q2), each equal to the list it
// links to; a partner reads only its own (a foreign partner answers 404), a partner manager only
// their partners, AEs none; tier criteria edits are ops-only, validated and audited.
import { describe, expect, it } from "vitest";
import { parseQuarter } from "@/lib/dates/quarters";
import { db } from "@/lib/db/client";
import { countConflicts } from "@/lib/db/conflicts";
import type { Ctx } from "@/lib/auth/types";
import { listOffers } from "@/lib/db/handoffs";
import { listOpportunities, opportunityListWhere } from "@/lib/db/opportunities";
import { listRegistrations } from "@/lib/db/registrations";
import { getScorecard, listScorecards, scorecardTrends } from "@/lib/db/scorecards";
import { getTierCriteria, readTierCriteria, saveTierCriteria } from "@/lib/db/tier-criteria";
import { DEFAULT_CRITERIA, scorecardLinks } from "@/lib/scorecards";
import { conflictFilters } from "@/lib/validation/conflict-filters";
import { handoffOfferListQuery } from "@/lib/validation/handoffs";
import { opportunityListQuery, registrationListQuery } from "@/lib/validation/lists";
import { ctxFor, partnerIdOf } from "../support/contexts";
import { errorOf } from "../support/errors";

const Q = parseQuarter("2001-Q2")!;
const at = (d: string) => new Date(`${d}T12:00:00Z`);
const HOUR = 3_600_000;
const params = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("the MDF column (2001-Q3)", () => {
  it("is the won ACV of the deals linked to the partner's paid requests ÷ what was paid, as lib/mdf/romi.ts", async () => {
    const ops = await ctxFor("ops@accord.test");
    const partnerId = await partnerIdOf("Northwind Systems");
    const Q3 = parseQuarter("2001-Q3")!;
    const fund = await db.mdfFund.create({ data: { quarter: Q3.label, partnerId, allocatedCents: 5_000_000n } });
    const request = (status: "PAID" | "APPROVED", amountCents: bigint) =>
      db.mdfRequest.create({
        data: { fundId: fund.id, partnerId, activity: "Roadshow", amountCents, expectedPipelineCents: 0n, status },
      });
    const paid = await request("PAID", 2_000_000n);
    const approved = await request("APPROVED", 1_000_000n); // not paid yet: counts for nothing
    const [wonDeal, otherWon] = await db.opportunity.findMany({
      where: { partnerId, stage: "CLOSED_WON", mdfRequestId: null },
      select: { id: true, acvCents: true },
      orderBy: { id: "desc" },
      take: 2,
    });
    const lostDeal = await db.opportunity.findFirstOrThrow({
      where: { partnerId, stage: "CLOSED_LOST", mdfRequestId: null },
      select: { id: true },
    });
    await db.opportunity.update({ where: { id: wonDeal.id }, data: { mdfRequestId: paid.id } });
    await db.opportunity.update({ where: { id: lostDeal.id }, data: { mdfRequestId: paid.id } }); // lost: no revenue
    await db.opportunity.update({ where: { id: otherWon.id }, data: { mdfRequestId: approved.id } });

    const [card] = (await listScorecards(ops, Q3)).filter((c) => c.partner.id === partnerId);
    expect(card.card.mdf.paidCents).toBe(2_000_000n);
    expect(card.card.mdf.romi).toBeCloseTo(Number(wonDeal.acvCents) / 2_000_000);
    const other = (await listScorecards(ops, Q3)).find((c) => c.partner.id !== partnerId)!;
    expect(other.card.mdf.romi).toBeNull();
  });
});

describe("scorecard figures on hand-placed rows (2001-Q2)", () => {
  it("count what was put there, each equal to the list it links to", async () => {
    const ops = await ctxFor("ops@accord.test");
    const partnerId = await partnerIdOf("Northwind Systems");

    // registrations decided in the quarter after 2, 6 and 10 hours → median 6; their outcomes as seeded
    const regs = await db.dealRegistration.findMany({
      where: { partnerId, decidedAt: { not: null } },
      select: { id: true, status: true },
      orderBy: { id: "asc" },
      take: 3,
    });
    expect(regs).toHaveLength(3);
    for (const [i, r] of regs.entries()) {
      const submitted = at(`2001-04-0${i + 1}`);
      await db.dealRegistration.update({
        where: { id: r.id },
        data: { submittedAt: submitted, decidedAt: new Date(submitted.getTime() + [2, 6, 10][i] * HOUR) },
      });
    }
    const rejected = regs.filter((r) => r.status === "REJECTED").length;

    // three of the partner's closed deals closed in the quarter: two won (one partner-sourced), one lost
    const won = await db.opportunity.findMany({
      where: { partnerId, stage: "CLOSED_WON" },
      select: { id: true, acvCents: true },
      orderBy: { id: "asc" },
      take: 3,
    });
    const lost = await db.opportunity.findFirstOrThrow({
      where: { partnerId, stage: "CLOSED_LOST" },
      select: { id: true },
    });
    expect(won).toHaveLength(3);
    for (const [i, d] of won.slice(0, 2).entries())
      await db.opportunity.update({ where: { id: d.id }, data: { closedAt: at(`2001-05-0${i + 1}`) } });
    await db.opportunity.update({ where: { id: lost.id }, data: { closedAt: at("2001-05-10") } });
    await db.attribution.deleteMany({ where: { opportunityId: { in: won.map((d) => d.id) } } });
    const line = (opportunityId: string, category: "PARTNER_SOURCED" | "PARTNER_COSELL") => ({
      opportunityId,
      party: "PARTNER" as const,
      partyKey: `PARTNER:${partnerId}`,
      partnerId,
      category,
      creditPct: 100,
    });
    await db.attribution.create({ data: line(won[0].id, "PARTNER_SOURCED") });
    // the deal's stored category follows its rows, as lib/db/attribution-writes.ts keeps it
    await db.opportunity.update({ where: { id: won[0].id }, data: { category: "PARTNER_SOURCED" } });
    await db.opportunity.update({ where: { id: won[1].id }, data: { category: "DIRECT" } });
    // a co-sold deal created in the quarter (its close elsewhere): co-sold pipeline, not revenue
    await db.opportunity.update({ where: { id: won[2].id }, data: { createdAt: at("2001-06-01") } });
    await db.attribution.create({ data: line(won[2].id, "PARTNER_COSELL") });
    await db.opportunity.update({ where: { id: won[2].id }, data: { category: "PARTNER_COSELL" } });

    // two cases opened in the quarter: one won outright, one lost
    const parties = await db.conflictParty.findMany({
      where: { partnerId, kind: "PARTNER" },
      select: { id: true, conflictId: true },
      orderBy: { id: "asc" },
      take: 2,
    });
    expect(parties).toHaveLength(2);
    for (const [i, p] of parties.entries()) {
      await db.conflict.update({
        where: { id: p.conflictId },
        data: { openedAt: at(`2001-04-1${i}`), status: "RESOLVED", resolvedAt: at("2001-04-20") },
      });
      await db.conflictParty.update({ where: { id: p.id }, data: { creditPct: i === 0 ? 100 : 0 } });
    }

    // hand-off offers made in the quarter: one accepted, one declined (answered), one still open (not answered)
    const offers = await db.handoff.findMany({
      where: { partnerId },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 3,
    });
    expect(offers.length).toBeGreaterThanOrEqual(2);
    for (const [i, h] of offers.entries())
      await db.handoff.update({
        where: { id: h.id },
        data: {
          offeredAt: at(`2001-05-1${i}`),
          status: (["ACCEPTED", "DECLINED", "WITHDRAWN"] as const)[i],
          openKey: null,
        },
      });

    const [card] = await listScorecards(ops, Q).then((all) => all.filter((c) => c.partner.id === partnerId));
    const f = card.card;
    expect([f.approved, f.rejected]).toEqual([3 - rejected, rejected]);
    expect(f.medianDecisionHours).toBe(6);
    expect([f.won, f.lost, f.winRate]).toEqual([2, 1, 2 / 3]);
    expect(f.sourcedRevenueCents).toBe(won[0].acvCents);
    expect(f.cosoldRevenueCents).toBe(0n);
    expect(f.cosoldPipelineCents).toBe(won[2].acvCents);
    expect(f.sourcedPipelineCents).toBe(0n);
    expect([f.conflicts, f.conflictsWon, f.conflictsLost]).toEqual([2, 1, 1]);
    expect(f.handoffAcceptance).toBe(0.5);
    expect(f.mdf.romi).toBeNull();

    const links = scorecardLinks(partnerId, Q);
    const opps = async (who: Ctx, href: string) =>
      (await listOpportunities(who, opportunityListQuery.parse(params(href)))).total;
    const sumAcv = async (who: Ctx, href: string) =>
      (
        await db.opportunity.aggregate({
          where: opportunityListWhere(who, opportunityListQuery.parse(params(href))),
          _sum: { acvCents: true },
        })
      )._sum.acvCents ?? 0n;
    const regList = async (who: Ctx, href: string) =>
      (await listRegistrations(who, registrationListQuery.parse(params(href)))).total;
    expect(await opps(ops, links.won)).toBe(2);
    expect(await opps(ops, links.lost)).toBe(1);
    expect(await opps(ops, links.sourcedRevenue)).toBe(1);
    expect(await opps(ops, links.cosoldPipeline)).toBe(1);
    expect(await regList(ops, links.approved)).toBe(3 - rejected);
    expect(await regList(ops, links.rejected)).toBe(rejected);
    expect(await regList(ops, links.decided)).toBe(3);
    expect(await countConflicts(ops, conflictFilters(params(links.conflicts)), at("2026-12-05"))).toBe(2);
    expect(f.handoffsAnswered).toBe(2);
    expect(f.handoffsAccepted).toBe(1);

    // every linked figure equals the count of the list it links to, staff's and the partner's own
    const alice = await ctxFor("alice@northwind.test");
    const offerList = async (who: Ctx, href: string) =>
      (await listOffers(who, handoffOfferListQuery.parse(params(href)))).total;
    const cases = async (who: Ctx, href: string) =>
      countConflicts(who, conflictFilters(params(href)), at("2026-12-05"));
    const portal = scorecardLinks(partnerId, Q, true);
    for (const [who, l, prefix] of [
      [ops, links, "/"],
      [alice, portal, "/portal/"],
    ] as const) {
      expect(l.conflictsWon.startsWith(prefix) && l.handoffs.startsWith(prefix)).toBe(true);
      expect(await cases(who, l.conflictsWon)).toBe(f.conflictsWon);
      expect(await cases(who, l.conflictsLost)).toBe(f.conflictsLost);
      expect(await cases(who, l.conflicts)).toBe(f.conflicts);
      expect(await offerList(who, l.handoffs)).toBe(f.handoffsAnswered);
      expect(await offerList(who, l.handoffsAccepted)).toBe(f.handoffsAccepted);
      expect(await opps(who, l.won)).toBe(f.won);
      expect(await opps(who, l.lost)).toBe(f.lost);
      expect(await opps(who, l.closed)).toBe(f.won + f.lost);
      expect(await sumAcv(who, l.sourcedRevenue)).toBe(f.sourcedRevenueCents);
      expect(await sumAcv(who, l.cosoldRevenue)).toBe(f.cosoldRevenueCents);
      expect(await sumAcv(who, l.sourcedPipeline)).toBe(f.sourcedPipelineCents);
      expect(await sumAcv(who, l.cosoldPipeline)).toBe(f.cosoldPipelineCents);
      expect(await regList(who, l.approved)).toBe(f.approved);
      expect(await regList(who, l.rejected)).toBe(f.rejected);
      expect(await regList(who, l.decided)).toBe(f.approved + f.rejected);
    }

    // the trend: four quarters, oldest first, the last one this quarter
    const trend = await getScorecard(ops, partnerId, Q);
    expect(trend.map((t) => t.quarter)).toEqual(["2000-Q3", "2000-Q4", "2001-Q1", "2001-Q2"]);
    expect(trend[3].card.won).toBe(2);
    const trends = await scorecardTrends(ops, [partnerId], Q);
    expect(trends.get(partnerId)!.map((t) => t.card.won)).toEqual([0, 0, 0, 2]);
  });
});

describe("scope", () => {
  it("a partner reads only its own scorecard; another partner's answers 404", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const own = await listScorecards(alice, Q);
    expect(own.map((c) => c.partner.id)).toEqual([alice.partnerId]);
    expect((await getScorecard(alice, alice.partnerId!, Q)).length).toBe(4);
    const foreign = await partnerIdOf("Contoso Partners");
    expect((await errorOf(getScorecard(alice, foreign, Q))).code).toBe("NOT_FOUND");
    expect((await errorOf(getScorecard(alice, "no-such-partner", Q))).code).toBe("NOT_FOUND");
    expect((await scorecardTrends(alice, [foreign], Q)).size).toBe(0);
  });

  it("a partner manager reads their partners only; ops and executives every partner; AEs none", async () => {
    const pm = await ctxFor("pm@accord.test");
    const mine = await listScorecards(pm, Q);
    const managed = await db.partner.findMany({
      where: { managerId: pm.userId, status: { not: "TERMINATED" } },
      select: { id: true },
    });
    expect(mine.map((c) => c.partner.id).sort()).toEqual(managed.map((p) => p.id).sort());
    const other = await db.partner.findFirstOrThrow({ where: { managerId: { not: pm.userId } }, select: { id: true } });
    expect((await errorOf(getScorecard(pm, other.id, Q))).code).toBe("NOT_FOUND");

    const all = await db.partner.count({ where: { status: { not: "TERMINATED" } } });
    for (const email of ["ops@accord.test", "vp.sales@accord.test"])
      expect((await listScorecards(await ctxFor(email), Q)).length).toBe(all);

    const ae = await ctxFor("ae@accord.test");
    expect((await errorOf(listScorecards(ae, Q))).code).toBe("FORBIDDEN");
    expect((await errorOf(getScorecard(ae, other.id, Q))).code).toBe("NOT_FOUND");
  });
});

describe("tier criteria", () => {
  const input = {
    PLATINUM_revenue: "1,000,000",
    PLATINUM_winRate: "45",
    PLATINUM_registrations: "12",
    GOLD_revenue: "250000",
    GOLD_winRate: "30",
    GOLD_registrations: "6",
    SILVER_revenue: "$50000",
    SILVER_winRate: "20",
    SILVER_registrations: "2",
    PLATINUM_certifications: "6",
    GOLD_certifications: "3",
    SILVER_certifications: "1",
  };

  it("ops saves them with an audit event holding before and after", async () => {
    const ops = await ctxFor("ops@accord.test");
    expect(await getTierCriteria(db)).toEqual(DEFAULT_CRITERIA);
    await saveTierCriteria(ops, input);
    const saved = await getTierCriteria(db);
    expect(saved.PLATINUM).toEqual({
      minSourcedRevenueCents: 100_000_000n,
      minWinRate: 0.45,
      minApprovedRegistrations: 12,
      minCertifications: 6,
    });
    expect(saved.SILVER.minSourcedRevenueCents).toBe(5_000_000n);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "tier.criteria.update" } });
    expect(JSON.stringify(event.before)).toContain('"minWinRate":0.4');
    expect(JSON.stringify(event.after)).toContain('"minWinRate":0.45');
  });

  it("reads criteria saved before certifications counted as asking for none", async () => {
    await db.appSetting.update({
      where: { key: "tiers.criteria" },
      data: {
        value: Object.fromEntries(
          (["PLATINUM", "GOLD", "SILVER"] as const).map((t) => [
            t,
            { minSourcedRevenueCents: 100, minWinRate: 0.1, minApprovedRegistrations: 1 },
          ]),
        ),
      },
    });
    expect((await getTierCriteria(db)).GOLD.minCertifications).toBe(0);
  });

  it("shows certifications in the tier progress, from the partner's own count", async () => {
    const ops = await ctxFor("ops@accord.test");
    const partnerId = await partnerIdOf("Northwind Systems");
    await db.partner.update({ where: { id: partnerId }, data: { certifications: 4 } });
    const [card] = (await listScorecards(ops, Q)).filter((c) => c.partner.id === partnerId);
    expect(card.progress.criteria.find((c) => c.key === "minCertifications")).toMatchObject({ actual: 4 });
  });

  it("refuses bad input field by field, and anyone but ops", async () => {
    const ops = await ctxFor("ops@accord.test");
    const events = await db.auditEvent.count({ where: { action: "tier.criteria.update" } });
    const bad = await errorOf(saveTierCriteria(ops, { ...input, GOLD_winRate: "130", SILVER_revenue: "lots" }));
    expect(bad.code).toBe("VALIDATION");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["GOLD_winRate", "SILVER_revenue"]);
    // a higher tier asking for less than the one below it
    const order = await errorOf(saveTierCriteria(ops, { ...input, PLATINUM_registrations: "1" }));
    expect(order.fields).toEqual({ PLATINUM_registrations: ["Platinum cannot ask for less than Gold"] });
    const certs = await errorOf(saveTierCriteria(ops, { ...input, SILVER_certifications: "-1" }));
    expect(certs.fields).toEqual({ SILVER_certifications: ["Cannot be negative"] });
    const fewer = await errorOf(saveTierCriteria(ops, { ...input, GOLD_certifications: "0" }));
    expect(fewer.fields).toEqual({ GOLD_certifications: ["Gold cannot ask for less than Silver"] });
    expect(await db.auditEvent.count({ where: { action: "tier.criteria.update" } })).toBe(events);
    for (const email of ["pm@accord.test", "ae@accord.test", "vp.sales@accord.test", "alice@northwind.test"]) {
      const ctx = await ctxFor(email);
      expect((await errorOf(saveTierCriteria(ctx, input))).code).toBe("FORBIDDEN");
      expect((await errorOf(readTierCriteria(ctx))).code).toBe("FORBIDDEN");
    }
    expect(await readTierCriteria(ops)).toEqual(await getTierCriteria(db));
  });
});
