// The conflict-pattern report's queries (lib/db/conflict-patterns.ts) on a real database: hand-made
// cases in an otherwise empty quarter give figures worked out by hand, and on the seeded quarters
// every breakdown matches the same count made through Prisma with conflictScope (lib/db/scope.ts).
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/types";
import { median } from "@/lib/conflicts/patterns";
import { parseQuarter, type Quarter } from "@/lib/dates/quarters";
import { db } from "@/lib/db/client";
import { conflictPatterns } from "@/lib/db/conflict-patterns";
import { countConflicts } from "@/lib/db/conflicts";
import { conflictFilters } from "@/lib/validation/conflict-filters";
import { conflictScope } from "@/lib/db/scope";
import { newId } from "@/lib/db/sql";
import { ctxFor } from "../support/contexts";

const HOUR = 3_600_000;
const q2031 = parseQuarter("2031-Q1")!;
let ops: Ctx;
let rule: { id: string; ruleSetId: string; name: string };
let gold: { id: string; regionCode: string };
let newerRuleId: string;

async function conflict(data: {
  type: "DUPLICATE_REGISTRATION" | "NAMED_ACCOUNT" | "DIRECT_VS_PARTNER";
  openedAt: string;
  resolvedAfterHours?: number;
  level?: number;
  accountId?: string | null;
  opportunityId?: string;
  partnerIds?: string[];
}) {
  const openedAt = new Date(data.openedAt);
  await db.conflict.create({
    data: {
      id: newId(),
      type: data.type,
      level: data.level ?? 1,
      accountId: data.accountId ?? null,
      opportunityId: data.opportunityId,
      openedAt,
      slaDueAt: new Date(openedAt.getTime() + 48 * HOUR),
      ...(data.resolvedAfterHours !== undefined
        ? {
            status: "RESOLVED",
            resolution: "AWARD_PARTNER",
            resolvedAt: new Date(openedAt.getTime() + data.resolvedAfterHours * HOUR),
          }
        : {}),
      parties: { create: (data.partnerIds ?? []).map((partnerId) => ({ kind: "PARTNER" as const, partnerId })) },
    },
  });
}

beforeAll(async () => {
  ops = await ctxFor("ops@accord.test");
  const published = await db.ruleSet.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
  rule = await db.rule.findFirstOrThrow({
    where: { ruleSetId: published.id },
    orderBy: { priority: "desc" },
    select: { id: true, ruleSetId: true, name: true },
  });
  const goldPartner = await db.partner.findFirstOrThrow({ where: { tier: "GOLD" }, select: { id: true } });
  const silverPartner = await db.partner.findFirstOrThrow({ where: { tier: "SILVER" }, select: { id: true } });
  const account = await db.account.findFirstOrThrow({ select: { id: true, region: { select: { code: true } } } });
  gold = { id: goldPartner.id, regionCode: account.region.code };
  const opportunity = await db.opportunity.findFirstOrThrow({ where: { accountId: account.id }, select: { id: true } });
  const decision = await db.routeDecision.create({
    data: {
      subjectType: "OPPORTUNITY",
      subjectId: opportunity.id,
      ruleSetId: rule.ruleSetId,
      ruleSetVersion: 1,
      ruleId: rule.id,
      route: "DIRECT",
      facts: {},
      trace: [],
    },
  });
  await db.opportunity.update({ where: { id: opportunity.id }, data: { routeDecisionId: decision.id } });

  // 2031-Q1: three resolved (level 1 after 10 h and 30 h, level 2 after 100 h), two open
  await conflict({
    type: "DUPLICATE_REGISTRATION",
    openedAt: "2031-01-01T00:00:00Z",
    resolvedAfterHours: 10,
    accountId: account.id,
    partnerIds: [gold.id, silverPartner.id],
  });
  await conflict({
    type: "DUPLICATE_REGISTRATION",
    openedAt: "2031-02-10T08:00:00Z",
    resolvedAfterHours: 30,
    accountId: account.id,
    partnerIds: [gold.id],
  });
  await conflict({
    type: "NAMED_ACCOUNT",
    openedAt: "2031-03-31T23:00:00Z",
    resolvedAfterHours: 100,
    level: 2,
    accountId: account.id,
    partnerIds: [silverPartner.id],
  });
  await conflict({
    type: "DIRECT_VS_PARTNER",
    openedAt: "2031-03-01T00:00:00Z",
    accountId: account.id,
    opportunityId: opportunity.id,
    partnerIds: [gold.id],
  });
  await conflict({ type: "DIRECT_VS_PARTNER", openedAt: "2031-02-01T00:00:00Z", accountId: null, level: 3 });
  // two registrations routed by different rules: the newer submission's rule is the case's
  const routed = await db.dealRegistration.findMany({
    where: { routeDecision: { ruleId: { not: null } } },
    orderBy: { submittedAt: "asc" },
    select: { id: true, submittedAt: true, routeDecision: { select: { ruleId: true } } },
  });
  const older = routed[0];
  const newer = routed.findLast(
    (r) =>
      ![older.routeDecision!.ruleId, rule.id].includes(r.routeDecision!.ruleId) && r.submittedAt > older.submittedAt,
  )!;
  newerRuleId = newer.routeDecision!.ruleId!;
  await db.conflict.create({
    data: {
      type: "DUPLICATE_REGISTRATION",
      accountId: account.id,
      openedAt: new Date("2031-03-15T00:00:00Z"),
      slaDueAt: new Date("2031-03-17T00:00:00Z"),
      registrations: { create: [{ registrationId: older.id }, { registrationId: newer.id }] },
    },
  });
  // outside the quarter on both sides
  await conflict({ type: "NAMED_ACCOUNT", openedAt: "2030-12-31T23:59:59Z", accountId: account.id });
  await conflict({ type: "NAMED_ACCOUNT", openedAt: "2031-04-01T00:00:00Z", accountId: account.id });
});

describe("conflict patterns, worked by hand", () => {
  it("count the quarter's cases by type, region and partner tier", async () => {
    const r = await conflictPatterns(ops, q2031);
    expect(r.total).toBe(6);
    expect(Object.fromEntries(r.byType.map((g) => [g.key, g.count]))).toEqual({
      DUPLICATE_REGISTRATION: 3,
      DIRECT_VS_PARTNER: 2,
      NAMED_ACCOUNT: 1,
      PRICING_UNDERCUT: 0,
      ATTRIBUTION_DISPUTE: 0,
    });
    expect(r.byRegion.map((g) => [g.key, g.count])).toEqual([
      [gold.regionCode, 5],
      ["", 1],
    ]);
    // the first case has a gold and a silver partner: it counts in both tiers
    expect(Object.fromEntries(r.byTier.map((g) => [g.key, g.count]))).toEqual({
      PLATINUM: 0,
      GOLD: 3,
      SILVER: 2,
      REGISTERED: 0,
    });
  });

  it("attribute a case to its opportunity's route decision, else its newest registration's, linking to the rule editor", async () => {
    const r = await conflictPatterns(ops, q2031);
    expect(Object.fromEntries(r.byRule.map((g) => [g.key, g.count]))).toEqual({
      "": 4,
      [rule.id]: 1,
      [newerRuleId]: 1,
    });
    expect(r.topRules).toContainEqual(
      expect.objectContaining({
        key: rule.id,
        label: rule.name,
        count: 1,
        editorHref: `/rules/${rule.ruleSetId}#rule-${rule.id}`,
        href: `/conflicts?status=ALL&slice=all&rule=${rule.id}&openedFrom=2031-01-01&openedTo=2031-03-31`,
      }),
    );
    // each rule's number opens a list of that many cases
    for (const g of r.byRule.filter((x) => x.href)) {
      const params = Object.fromEntries(new URL(g.href!, "http://x").searchParams);
      expect([g.key, await countConflicts(ops, conflictFilters(params))]).toEqual([g.key, g.count]);
    }
  });

  it("give the median hours to resolve per level at resolution and the share resolved at level 1", async () => {
    const r = await conflictPatterns(ops, q2031);
    expect(r.resolution.map((l) => [l.level, l.resolved, l.medianSeconds])).toEqual([
      [1, 2, 20 * 3_600], // (10 h + 30 h) / 2
      [2, 1, 100 * 3_600],
      [3, 0, null],
      [4, 0, null],
    ]);
    expect([r.resolved, r.resolvedAtLevelOne, r.levelOneShare]).toEqual([3, 2, 2 / 3]);
  });

  it("are staff only", async () => {
    await expect(conflictPatterns(await ctxFor("alice@northwind.test"), q2031)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

async function prismaFigures(ctx: Ctx, quarter: Quarter) {
  const cases = await db.conflict.findMany({
    where: { AND: [conflictScope(ctx), { openedAt: { gte: quarter.start, lt: quarter.end } }] },
    select: {
      type: true,
      status: true,
      level: true,
      openedAt: true,
      resolvedAt: true,
      account: { select: { region: { select: { code: true } } } },
      parties: { select: { partner: { select: { tier: true } } } },
      opportunity: { select: { routeDecisionId: true, routeDecision: { select: { ruleId: true } } } },
      registrations: {
        select: {
          registration: { select: { id: true, submittedAt: true, routeDecision: { select: { ruleId: true } } } },
        },
      },
    },
  });
  // the rule that routed the deal: the opportunity's decision, else the newest registration's
  const ruleOf = (c: (typeof cases)[number]) => {
    if (c.opportunity?.routeDecisionId) return c.opportunity.routeDecision?.ruleId ?? null;
    const newest = c.registrations
      .map((x) => x.registration)
      .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || (a.id < b.id ? 1 : -1))[0];
    return newest?.routeDecision?.ruleId ?? null;
  };
  const tally = (keys: (string | null)[]) => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k ?? ""] = (out[k ?? ""] ?? 0) + 1;
    return out;
  };
  const resolved = cases.filter((c) => c.status === "RESOLVED" && c.resolvedAt);
  return {
    total: cases.length,
    byType: tally(cases.map((c) => c.type)),
    byRegion: tally(cases.map((c) => c.account?.region.code ?? null)),
    byRule: tally(cases.map(ruleOf)),
    byTier: tally(cases.flatMap((c) => [...new Set(c.parties.flatMap((p) => (p.partner ? [p.partner.tier] : [])))])),
    medians: [1, 2, 3, 4].map((level) => {
      const secs = resolved
        .filter((c) => c.level === level)
        .map((c) => Math.round((c.resolvedAt!.getTime() - c.openedAt.getTime()) / 1000));
      return secs.length ? median(secs) : null;
    }),
  };
}

const nonZero = (groups: { key: string; count: number }[]) =>
  Object.fromEntries(groups.filter((g) => g.count > 0).map((g) => [g.key, g.count]));

describe("conflict patterns on the seeded history", () => {
  for (const email of ["ops@accord.test", "vp.sales@accord.test", "pm@accord.test", "ae@accord.test"]) {
    for (const label of ["2026-Q4", "2026-Q2", "2025-Q3"]) {
      it(`match Prisma with conflictScope for ${email} in ${label}`, async () => {
        const ctx = await ctxFor(email);
        const quarter = parseQuarter(label)!;
        const [report, expected] = await Promise.all([conflictPatterns(ctx, quarter), prismaFigures(ctx, quarter)]);
        expect(report.total).toBe(expected.total);
        expect(nonZero(report.byType)).toEqual(expected.byType);
        expect(nonZero(report.byRegion)).toEqual(expected.byRegion);
        expect(nonZero(report.byTier)).toEqual(expected.byTier);
        expect(report.resolution.map((l) => l.medianSeconds)).toEqual(expected.medians);
        expect(nonZero(report.byRule)).toEqual(expected.byRule);
      });
    }
  }

  // Regression: the report's links named tier and rule filters the list did not know, and left the
  // list's defaults (open cases, the caller's own slice) in place, so a number opened a list of another size.
  for (const email of ["ops@accord.test", "vp.sales@accord.test", "pm@accord.test"]) {
    it(`every linked number for ${email} opens a list of exactly that many cases`, async () => {
      const ctx = await ctxFor(email);
      const report = await conflictPatterns(ctx, parseQuarter("2026-Q4")!);
      const linked = [
        { count: report.total, href: report.totalHref },
        { count: report.resolved, href: report.resolvedHref },
        ...report.byType,
        ...report.byRegion,
        ...report.byTier,
        ...report.byRule,
        ...report.resolution.map((l) => ({ count: l.resolved, href: l.href })),
      ].filter((g): g is { count: number; href: string } => Boolean(g.href));
      expect(linked.length).toBeGreaterThan(8);
      for (const g of linked) {
        const params = Object.fromEntries(new URL(g.href, "http://x").searchParams);
        expect([g.href, await countConflicts(ctx, conflictFilters(params))]).toEqual([g.href, g.count]);
      }
    });
  }

  it("has cases to compare (the seeded quarters are not empty for channel operations)", async () => {
    const r = await conflictPatterns(ops, parseQuarter("2026-Q4")!);
    expect(r.total).toBeGreaterThan(5);
    expect(r.byRule.some((g) => g.key !== "")).toBe(true);
  });
});
