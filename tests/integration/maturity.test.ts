// Maturity assessments and measured indicators on a real database (SQLite, and PostgreSQL with
// TEST_DATABASE_URL): an assessment and its audit event commit together; a second submission for
// the same framework × quarter edits it; two first submissions at once end in one row and a 409;
// only ADMIN and EXEC assess; partners are refused; and the indicators equal hand-built data in a
// quarter nothing else falls in, each equal to the count of the list it links to.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findAssessment, listAssessments, maturityGaps, measuredIndicators, saveAssessment } from "@/lib/db/maturity";
import { listOpportunities } from "@/lib/db/opportunities";
import { listRegistrations } from "@/lib/db/registrations";
import { countConflicts } from "@/lib/db/conflicts";
import { conflictFilters } from "@/lib/validation/conflict-filters";
import { opportunityListQuery, registrationListQuery } from "@/lib/validation/lists";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";

const NOW = new Date("2026-12-05T12:00:00Z");
const ROE_SCORES = {
  clarity: 3,
  systems_process: 4,
  conflict_management: 2,
  partner_field_trust: 3,
  measurement_improvement: 1,
};

describe("assessments", () => {
  it("the seed holds past quarters per framework with evidence", async () => {
    const ops = await ctxFor("ops@accord.test");
    const all = await listAssessments(ops);
    for (const list of Object.values(all)) {
      expect(list.length).toBeGreaterThanOrEqual(4);
      expect(list.every((a) => a.scores.every((s) => s.evidence.length > 0))).toBe(true);
    }
  });

  it("ops records an assessment with its audit event; a second submission edits it", async () => {
    const ops = await ctxFor("ops@accord.test");
    const first = await saveAssessment(
      ops,
      { framework: "RULES_OF_ENGAGEMENT", period: "2026-Q4", scores: ROE_SCORES, evidence: { clarity: "Published" } },
      NOW,
    );
    expect(first.updated).toBe(false);
    const saved = await findAssessment(ops, "RULES_OF_ENGAGEMENT", "2026-Q4");
    expect(saved?.score).toBe(2.6);
    expect(saved?.scores.find((s) => s.dimension === "clarity")).toEqual({
      dimension: "clarity",
      score: 3,
      evidence: "Published",
    });
    const events = await db.auditEvent.findMany({ where: { entityType: "MaturityAssessment", entityId: first.id } });
    expect(events.map((e) => e.action)).toEqual(["maturity.assessment.create"]);

    const vp = await ctxFor("vp.sales@accord.test");
    const second = await saveAssessment(
      vp,
      { framework: "RULES_OF_ENGAGEMENT", period: "2026-Q4", scores: { ...ROE_SCORES, clarity: 5 } },
      NOW,
    );
    expect(second).toMatchObject({ id: first.id, updated: true });
    expect(await db.maturityAssessment.count({ where: { framework: "RULES_OF_ENGAGEMENT", period: "2026-Q4" } })).toBe(
      1,
    );
    expect(await db.maturityScore.count({ where: { assessmentId: first.id } })).toBe(5);
    const after = await findAssessment(vp, "RULES_OF_ENGAGEMENT", "2026-Q4");
    expect(after?.assessorName).toBe(vp.name);
    expect(after?.scores.find((s) => s.dimension === "clarity")?.score).toBe(5);
    const update = await db.auditEvent.findFirstOrThrow({
      where: { entityId: first.id, action: "maturity.assessment.update" },
    });
    expect(JSON.stringify(update.before)).toContain('"score":3');
  });

  it("two first submissions at once: one row, the other a 409", async () => {
    const ops = await ctxFor("ops@accord.test");
    const input = { framework: "CHANNEL_BALANCED_DEMAND" as const, period: "2026-Q4" };
    const scores = {
      rtm_governance: 2,
      partner_enablement: 2,
      lead_ops: 2,
      attribution_kpis: 2,
      offer_strategy: 2,
      brand_pricing: 2,
    };
    const results = await Promise.allSettled([
      saveAssessment(ops, { ...input, scores }, NOW),
      saveAssessment(ops, { ...input, scores }, NOW),
    ]);
    expect(await db.maturityAssessment.count({ where: input })).toBe(1);
    // either both serialized (one create, one edit) or the unique key refused the second: never two rows, never a 500
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("CONFLICT");
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
  });

  it("refuses bad input field by field, and a quarter that has not started", async () => {
    const ops = await ctxFor("ops@accord.test");
    const missing = await errorOf(
      saveAssessment(
        ops,
        { framework: "RULES_OF_ENGAGEMENT", period: "2026-Q3", scores: { clarity: 9, bogus: 3 } },
        NOW,
      ),
    );
    expect(missing.code).toBe("VALIDATION");
    expect(Object.keys(missing.fields ?? {})).toEqual(
      expect.arrayContaining(["scores.clarity", "scores.systems_process", "scores.bogus"]),
    );
    const future = await errorOf(
      saveAssessment(ops, { framework: "RULES_OF_ENGAGEMENT", period: "2027-Q1", scores: ROE_SCORES }, NOW),
    );
    expect(future.fields?.period).toEqual(["Assess a quarter that has started"]);
    const period = await errorOf(
      saveAssessment(ops, { framework: "RULES_OF_ENGAGEMENT", period: "2026-13", scores: ROE_SCORES }, NOW),
    );
    expect(period.fields?.period).toBeDefined();
  });

  it("only ADMIN and EXEC assess; a partner manager reads; partners and AEs are refused", async () => {
    const input = { framework: "RULES_OF_ENGAGEMENT" as const, period: "2026-Q2", scores: ROE_SCORES };
    for (const email of ["pm@accord.test", "ae@accord.test", "alice@northwind.test"]) {
      const ctx = await ctxFor(email);
      expect((await errorOf(saveAssessment(ctx, input, NOW))).code, email).toBe("FORBIDDEN");
    }
    expect((await listAssessments(await ctxFor("pm@accord.test"))).RULES_OF_ENGAGEMENT.length).toBeGreaterThan(0);
    for (const email of ["ae@accord.test", "alice@northwind.test"]) {
      const ctx = await ctxFor(email);
      expect((await errorOf(listAssessments(ctx))).code).toBe("FORBIDDEN");
      expect((await errorOf(measuredIndicators(ctx, "2026-Q3", NOW))).code).toBe("FORBIDDEN");
      expect((await errorOf(maturityGaps(ctx, NOW))).code).toBe("FORBIDDEN");
    }
  });

  it("maturityGaps lists the lowest dimensions (below 3) of each framework's latest assessment", async () => {
    const ops = await ctxFor("ops@accord.test");
    const gaps = await maturityGaps(ops, NOW);
    const all = await listAssessments(ops);
    for (const g of gaps) {
      expect(g.score).toBeLessThan(3);
      const latest = all[g.framework].filter((a) => a.period <= "2026-Q4").at(-1)!;
      expect(g.period).toBe(latest.period);
      expect(latest.scores.find((s) => s.dimension === g.dimension)?.score).toBe(g.score);
    }
    const sorted = [...gaps].sort((a, b) => a.score - b.score);
    expect(gaps.map((g) => g.score)).toEqual(sorted.map((g) => g.score));
  });
});

describe("measured indicators on hand-built data (2001-Q1, a quarter no seeded row falls in)", () => {
  it("count the deals, cases and registrations put there, each equal to its list", async () => {
    const ops = await ctxFor("ops@accord.test");
    const day = (d: string) => new Date(`${d}T12:00:00Z`);
    // four closed deals: three routed by the engine, one partner-sourced win
    const deals = await db.opportunity.findMany({
      where: { stage: "CLOSED_WON", routeDecisionId: { not: null } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 4,
    });
    expect(deals).toHaveLength(4);
    for (const [i, d] of deals.entries())
      await db.opportunity.update({
        where: { id: d.id },
        data: {
          closedAt: day(`2001-02-0${i + 1}`),
          source: i === 0 ? "PARTNER" : "DIRECT",
          ...(i === 3 ? { routeDecisionId: null } : {}),
          corridorBreach: false,
        },
      });
    // three resolved cases opened in the quarter, resolved after 2, 4 and 10 days → median 4
    const cases = await db.conflict.findMany({
      where: { status: "RESOLVED" },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 3,
    });
    for (const [i, c] of cases.entries()) {
      const opened = day(`2001-01-1${i}`);
      await db.conflict.update({
        where: { id: c.id },
        data: { openedAt: opened, resolvedAt: new Date(opened.getTime() + [2, 4, 10][i] * 86_400_000) },
      });
    }
    // four decided registrations: three by their deadline, one after
    const regs = await db.dealRegistration.findMany({
      where: { decidedAt: { not: null } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 4,
    });
    for (const [i, r] of regs.entries())
      await db.dealRegistration.update({
        where: { id: r.id },
        data: { decidedAt: day("2001-03-01"), slaDueAt: day(i === 3 ? "2001-02-27" : "2001-03-02") },
      });

    const ind = await measuredIndicators(ops, "2001-Q1", NOW);
    expect(ind.engineRoutedShare?.value).toBe(0.75);
    expect(ind.engineRoutedShare?.suggestedScore).toBe(3);
    expect(ind.partnerSourcedShare?.value).toBe(0.25);
    expect(ind.conflictResolutionDays?.value).toBe(4);
    expect(ind.conflictResolutionDays?.suggestedScore).toBe(4);
    expect(ind.approvalSlaAttainment?.value).toBe(0.75);
    expect(ind.discountLeakage?.value).toBe(0);
    expect(ind.handoffAcceptance?.value).toBeNull();

    // each count equals the list it links to
    const oppCount = async (href: string) =>
      (
        await listOpportunities(
          ops,
          opportunityListQuery.parse(Object.fromEntries(new URL(href, "http://x").searchParams)),
        )
      ).total;
    const regCount = async (href: string) =>
      (
        await listRegistrations(
          ops,
          registrationListQuery.parse(Object.fromEntries(new URL(href, "http://x").searchParams)),
        )
      ).total;
    expect(ind.engineRoutedShare?.part?.count).toBe(3);
    expect(await oppCount(ind.engineRoutedShare!.part!.href)).toBe(3);
    expect(await oppCount(ind.engineRoutedShare!.whole!.href)).toBe(4);
    expect(await oppCount(ind.partnerSourcedShare!.part!.href)).toBe(1);
    expect(await regCount(ind.approvalSlaAttainment!.part!.href)).toBe(3);
    expect(await regCount(ind.approvalSlaAttainment!.whole!.href)).toBe(4);
    const conflictQuery = Object.fromEntries(new URL(ind.conflictResolutionDays!.whole!.href, "http://x").searchParams);
    expect(await countConflicts(ops, conflictFilters(conflictQuery), NOW)).toBe(3);
  });
});
