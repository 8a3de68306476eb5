// The council's figures (lib/db/council-metrics.ts) on a real database: a hand-built month (March
// 2032, otherwise empty) gives figures worked out by hand; each figure's counts equal the counts of
// the lists its links open (opportunities, conflicts, registrations), there and on the seeded data;
// GET /api/v1/council answers 400 for a bad month, 200 with the same figures, 403 for others.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "@/app/api/v1/council/route";
import type { Ctx } from "@/lib/auth/types";
import { defaultMonth } from "@/lib/council";
import { createApiKey } from "@/lib/db/api-keys";
import { db, sql } from "@/lib/db/client";
import { conflictPatterns } from "@/lib/db/conflict-patterns";
import { countConflicts } from "@/lib/db/conflicts";
import type { CouncilMetrics, Metric } from "@/lib/council/types";
import { getCouncilMetrics } from "@/lib/db/council-metrics";
import { listOffers } from "@/lib/db/handoffs";
import { listOpportunities } from "@/lib/db/opportunities";
import { leakageReport } from "@/lib/db/pricing-leakage";
import { listRegistrations } from "@/lib/db/registrations";
import { newId } from "@/lib/db/sql";
import { parsePeriod } from "@/lib/pricing/period";
import { conflictListQuery } from "@/lib/validation/conflict-filters";
import { handoffOfferListQuery } from "@/lib/validation/handoffs";
import { fromSearchParams, opportunityListQuery, registrationListQuery } from "@/lib/validation/lists";
import { bareCouncil, compareCouncil } from "../bench/council/bare";
import { ctxFor } from "../support/contexts";

const MONTH = "2032-03";
let ops: Ctx;
let council: CouncilMetrics;
const at = (s: string) => new Date(`${s}Z`);

type DealSpec = {
  name: string;
  route: "DIRECT" | "CO_SELL" | "PARTNER_LED" | "MARKETPLACE" | null;
  acv: number;
  category: "DIRECT" | "PARTNER_COSELL" | "PARTNER_SOURCED" | "MARKETPLACE";
  created: string;
  stage?: "CLOSED_WON" | "CLOSED_LOST" | "PROPOSAL";
  closed?: string;
};

async function deal(base: { accountId: string; productLineId: string }, d: DealSpec) {
  const id = newId();
  await db.opportunity.create({
    data: {
      id,
      name: d.name,
      accountId: base.accountId,
      productLineId: base.productLineId,
      acvCents: BigInt(d.acv),
      currency: "USD",
      stage: d.stage ?? "PROPOSAL",
      closeDate: at(d.closed ?? "2032-06-30T00:00:00"),
      route: d.route,
      createdAt: at(d.created),
      closedAt: d.closed ? at(d.closed) : null,
      lostReason: d.stage === "CLOSED_LOST" ? "Budget" : null,
      category: d.category, // as lib/db/attribution-writes.ts stores it beside the row
      attributions: { create: { party: "PARTNER", partyKey: "p", category: d.category, creditPct: 100 } },
    },
  });
  return id;
}

beforeAll(async () => {
  ops = await ctxFor("ops@accord.test");
  const account = await db.account.findFirstOrThrow({ select: { id: true } });
  const line = await db.productLine.findFirstOrThrow({ select: { id: true } });
  const [p1, p2] = await db.partner.findMany({ take: 2, orderBy: { name: "asc" }, select: { id: true } });
  const base = { accountId: account.id, productLineId: line.id };
  // created in March: A 10,000 (AE), B 20,000 (joint), C 30,000 + D 40,000 (partner), E 5,000 (not routed)
  await deal(base, {
    name: "A",
    route: "DIRECT",
    acv: 1_000_000,
    category: "DIRECT",
    created: "2032-03-02T00:00:00",
    stage: "CLOSED_WON",
    closed: "2032-03-12T00:00:00",
  });
  const b = await deal(base, {
    name: "B",
    route: "CO_SELL",
    acv: 2_000_000,
    category: "PARTNER_COSELL",
    created: "2032-03-03T00:00:00",
    stage: "CLOSED_WON",
    closed: "2032-03-23T00:00:00",
  });
  const c = await deal(base, {
    name: "C",
    route: "PARTNER_LED",
    acv: 3_000_000,
    category: "PARTNER_SOURCED",
    created: "2032-03-04T00:00:00",
    stage: "CLOSED_LOST",
    closed: "2032-03-10T00:00:00",
  });
  const d = await deal(base, {
    name: "D",
    route: "MARKETPLACE",
    acv: 4_000_000,
    category: "MARKETPLACE",
    created: "2032-03-05T00:00:00",
  });
  await deal(base, { name: "E", route: null, acv: 500_000, category: "DIRECT", created: "2032-03-06T00:00:00" });
  // created in February, won in March after 50 days (AE)
  await deal(base, {
    name: "F",
    route: "DIRECT",
    acv: 5_000_000,
    category: "DIRECT",
    created: "2032-02-10T00:00:00",
    stage: "CLOSED_WON",
    closed: "2032-03-31T00:00:00",
  });
  await db.payoutAdjustment.create({
    data: {
      party: "PARTNER",
      partnerId: p1.id,
      kind: "MARGIN",
      amountCents: BigInt(-100),
      month: MONTH,
      reason: "Fix",
      opportunityId: b,
    },
  });
  // conflicts: one on C (partner-led) resolved after 2 days at level 1, one without a deal after 6 days at level 2
  await db.conflict.create({
    data: {
      type: "DIRECT_VS_PARTNER",
      opportunityId: c,
      openedAt: at("2032-03-08T00:00:00"),
      slaDueAt: at("2032-03-10T00:00:00"),
      status: "RESOLVED",
      resolution: "AWARD_PARTNER",
      resolvedAt: at("2032-03-10T00:00:00"),
      level: 1,
    },
  });
  await db.conflict.create({
    data: {
      type: "DUPLICATE_REGISTRATION",
      openedAt: at("2032-03-15T00:00:00"),
      slaDueAt: at("2032-03-17T00:00:00"),
      status: "RESOLVED",
      resolution: "AWARD_PARTNER",
      resolvedAt: at("2032-03-21T00:00:00"),
      level: 2,
    },
  });
  // registrations decided in March: after 2 days within the SLA (partner-led), after 4 days past it (co-sell)
  const reg = (route: "PARTNER_LED" | "CO_SELL", submitted: string, decided: string, due: string) =>
    db.dealRegistration.create({
      data: {
        partnerId: p1.id,
        accountName: "Council Co",
        accountCountry: "US",
        accountVertical: "TECHNOLOGY",
        accountNameKey: `council ${newId()}`,
        productLineId: line.id,
        estimatedAcvCents: BigInt(100),
        expectedCloseDate: at("2032-06-30T00:00:00"),
        status: "REJECTED",
        route,
        submittedAt: at(submitted),
        decidedAt: at(decided),
        slaDueAt: at(due),
      },
    });
  await reg("PARTNER_LED", "2032-03-01T00:00:00", "2032-03-03T00:00:00", "2032-03-04T00:00:00");
  await reg("CO_SELL", "2032-03-05T00:00:00", "2032-03-09T00:00:00", "2032-03-07T00:00:00");
  // hand-offs offered in March: D's accepted, B's declined, and an open offer that does not count
  const offer = async (
    opportunityId: string,
    partnerId: string,
    status: "ACCEPTED" | "DECLINED" | "OFFERED",
    n: number,
  ) => {
    const queue = await db.handoffQueue.upsert({
      where: { opportunityId },
      create: { opportunityId, state: "OFFERED", origin: "COVERAGE_GAP" },
      update: {},
    });
    await db.handoff.create({
      data: {
        queueId: queue.id,
        opportunityId,
        partnerId,
        round: 1,
        offerNumber: n,
        rank: 1,
        reasons: [],
        status,
        offeredAt: at("2032-03-07T00:00:00"),
        dueAt: at("2032-03-09T00:00:00"),
      },
    });
  };
  await offer(d, p1.id, "ACCEPTED", 1);
  await offer(b, p1.id, "DECLINED", 1);
  await offer(b, p2.id, "OFFERED", 2);
  // MDF return = won ACV of deals linked to PAID requests ÷ paid (lib/mdf/romi.ts): B (20,000 won) on a
  // 4,000 paid request is 5×; an approved, unpaid request and the fund's own spent/sourced figures count for nothing
  const fund = await db.mdfFund.create({
    data: {
      quarter: "2032-Q1",
      partnerId: p1.id,
      allocatedCents: BigInt(2_000_000),
      spentCents: BigInt(100_000),
      sourcedPipelineCents: BigInt(9_900_000),
    },
  });
  const mdfRequest = (status: "PAID" | "APPROVED", amount: number) =>
    db.mdfRequest.create({
      data: {
        fundId: fund.id,
        partnerId: p1.id,
        activity: `Council MDF ${status}`,
        amountCents: BigInt(amount),
        expectedPipelineCents: BigInt(0),
        status,
      },
    });
  const paid = await mdfRequest("PAID", 400_000);
  await mdfRequest("APPROVED", 700_000);
  await db.opportunity.update({ where: { id: b }, data: { mdfRequestId: paid.id } });
  council = await getCouncilMetrics(ops, MONTH, new Date());
});

const m = (c: CouncilMetrics, key: Metric["key"]) => c.metrics.find((x) => x.key === key)!;

describe("getCouncilMetrics on a hand-built month", () => {
  it("sums the pipeline created, by who leads and by who sourced", () => {
    const p = m(council, "pipelineCreated");
    expect(council.currency).toBe("USD");
    expect(p.total).toBe(10_500_000);
    expect(p.byRoute).toEqual({ AE: 1_000_000, JOINT: 2_000_000, PARTNER: 7_000_000 });
    expect(p.counts[0].count).toBe(5);
    expect(p.breakdown!.slices.find((s) => s.key === "PARTNER_SOURCED")).toMatchObject({ value: 3_000_000, count: 1 });
    expect(p.trend).toHaveLength(12);
    expect(p.trend.at(-1)).toEqual({ month: MONTH, value: 10_500_000 });
    expect(p.trend.at(-2)).toEqual({ month: "2032-02", value: 5_000_000 });
    expect(m(council, "partnerSourcedPct").total).toBeCloseTo(3 / 10.5);
  });

  it("gives win rate, median cycle time and payout accuracy over the deals closed in the month", () => {
    expect(m(council, "winRate").total).toBe(0.75);
    expect(m(council, "winRate").byRoute).toEqual({ AE: 1, JOINT: 1, PARTNER: 0 });
    expect(m(council, "medianCycleDays").total).toBeCloseTo(20);
    expect(m(council, "medianCycleDays").byRoute.AE).toBeCloseTo(30);
    expect(m(council, "payoutAccuracy").total).toBeCloseTo(2 / 3);
  });

  it("gives conflict rate, time to resolve by level, registration times and SLA, hand-offs and MDF", () => {
    expect(m(council, "conflictRate").total).toBe(0.4);
    expect(m(council, "conflictRate").byRoute).toEqual({ AE: 0, JOINT: 0, PARTNER: 0.5 });
    const resolve = m(council, "timeToResolveDays");
    expect(resolve.total).toBeCloseTo(4);
    expect(resolve.breakdown!.slices.map((s) => s.value)).toEqual(
      [2, 6, null, null].map((v) => (v === null ? null : expect.closeTo(v))),
    );
    expect(m(council, "registrationDecisionDays").total).toBeCloseTo(3);
    expect(m(council, "registrationSla").total).toBe(0.5);
    expect(m(council, "handoffAcceptance").total).toBe(0.5);
    expect(m(council, "mdfRomi").total).toBe(5);
    expect(m(council, "discountLeakage").total).toBe(0);
    expect(m(council, "escalations").total).toBe(2);
  });

  it("rolls a quarter up from its months", async () => {
    const q = await getCouncilMetrics(ops, "2032-Q1", new Date());
    expect(m(q, "pipelineCreated").total).toBe(15_500_000);
    expect(m(q, "winRate").total).toBe(0.75);
  });
});

/** How many rows the list behind `href` shows, through the list's own query schema and where clause. */
async function listCount(ctx: Ctx, href: string): Promise<number> {
  const url = new URL(href, "http://localhost");
  const params = fromSearchParams(url.searchParams);
  if (url.pathname === "/opportunities")
    return (await listOpportunities(ctx, opportunityListQuery.parse(params))).total;
  if (url.pathname === "/conflicts") return countConflicts(ctx, conflictListQuery.parse(params));
  if (url.pathname === "/registrations")
    return (await listRegistrations(ctx, registrationListQuery.parse(params))).total;
  if (url.pathname === "/handoffs/offers") return (await listOffers(ctx, handoffOfferListQuery.parse(params))).total;
  throw new Error(`no list for ${href}`);
}

/** Every count and slice with a link: the list it opens holds exactly that many rows. */
async function expectLinksAgree(c: CouncilMetrics) {
  let checked = 0;
  for (const metric of c.metrics) {
    const linked = [...metric.counts, ...metric.routes, ...(metric.breakdown?.slices ?? [])].filter((x) => x.href);
    for (const x of linked) {
      if (metric.key === "discountLeakage" || metric.key === "escalations") {
        if (!x.href!.includes("lead=")) expect(await listCount(ops, x.href!), `${metric.key} ${x.href}`).toBe(x.count);
      } else expect(await listCount(ops, x.href!), `${metric.key} ${x.href}`).toBe(x.count);
      checked++;
    }
  }
  return checked;
}

describe("every figure's count is its list's count", () => {
  it("hand-off acceptance opens the offers it counts: answered or expired, and accepted, per lead", async () => {
    const h = m(council, "handoffAcceptance");
    expect(h.counts.map((c) => [c.label, c.count])).toEqual([
      ["accepted", 1],
      ["answered or expired", 2],
    ]);
    for (const c of h.counts) expect(await listCount(ops, c.href!), c.href!).toBe(c.count);
    expect(h.href).toBe(h.counts[1].href);
    // the open offer is on the unfiltered list but not on the figure's
    const all = new URL(h.href!, "http://localhost");
    all.searchParams.delete("outcome");
    expect(await listCount(ops, `${all.pathname}?${all.searchParams}`)).toBe(3);
    for (const r of h.routes) expect(await listCount(ops, r.href!), r.href!).toBe(r.count);
    expect(h.routes.reduce((n, r) => n + r.count, 0)).toBe(2);
  });

  it("on the hand-built month", async () => {
    expect(await expectLinksAgree(council)).toBeGreaterThan(30);
  });

  it("on the seeded data's last full month and quarter", async () => {
    const month = defaultMonth(new Date());
    const seeded = await getCouncilMetrics(ops, month, new Date());
    expect(m(seeded, "pipelineCreated").counts[0].count).toBeGreaterThan(0);
    await expectLinksAgree(seeded);
  });
});

describe("the grouped reads (lib/db/council-sql.ts) agree with the reports they summarize", () => {
  it("leakage per month as the leakage report sums it per deal; top rules as the pattern report ranks them", async () => {
    const month = defaultMonth(new Date());
    const seeded = await getCouncilMetrics(ops, month, new Date());
    const leak = m(seeded, "discountLeakage");
    for (const t of leak.trend)
      expect(t.value, t.month).toBe((await leakageReport(ops, parsePeriod(t.month)!)).total.cents);
    expect(leak.trend.some((t) => (t.value ?? 0) > 0)).toBe(true);
    const report = await leakageReport(ops, parsePeriod(month)!);
    expect(leak.counts[0].count).toBe(report.total.count);

    for (const label of [month, `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`]) {
      const period = parsePeriod(label)!;
      const figures = label === month ? seeded : await getCouncilMetrics(ops, label, new Date());
      const quarter = {
        ...period,
        year: period.start.getUTCFullYear(),
        q: Math.floor(period.start.getUTCMonth() / 3) + 1,
      };
      const patterns = await conflictPatterns(ops, quarter);
      const escalations = m(figures, "escalations");
      expect(escalations.total, label).toBe(patterns.total);
      expect(
        escalations.breakdown!.slices.map((x) => [x.key, x.label, x.count]),
        label,
      ).toEqual(patterns.topRules.map((r) => [r.key, r.label, r.count]));
    }
  });
});

describe("the benchmark's bare aggregates (tests/bench/council/bare.ts)", () => {
  it("compute the same figures as getCouncilMetrics, so the bench's floor is honest", async () => {
    for (const label of [MONTH, defaultMonth(new Date())]) {
      const app = await getCouncilMetrics(ops, label, new Date());
      const bare = await sql.session((s) => bareCouncil(s, parsePeriod(label)!));
      expect(bare.deals, label).toBeGreaterThan(0);
      expect(compareCouncil(app, bare), label).toEqual([]);
    }
  });
});

describe("GET /api/v1/council", () => {
  let adminKey: string;
  let partnerKey: string;
  beforeAll(async () => {
    adminKey = (await createApiKey(ops, { name: "council", scope: "ADMIN" })).key;
    partnerKey = (await createApiKey(await ctxFor("alice@northwind.test"), { name: "council", scope: "PARTNER" })).key;
  });
  const get = async (key: string, query: string) => {
    const res = await GET(
      new NextRequest(`http://localhost/api/v1/council${query}`, { headers: { Authorization: `Bearer ${key}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    return { status: res.status, body: await res.json() };
  };

  it("answers 400 with the field's message for a bad or missing month", async () => {
    for (const q of ["?month=2032-13", "?month=March", ""]) {
      const res = await get(adminKey, q);
      expect(res.status, q).toBe(400);
      expect(JSON.stringify(res.body)).toContain("month");
    }
  });

  it("answers the page's figures with their definitions", async () => {
    const res = await get(adminKey, `?month=${MONTH}`);
    expect(res.status).toBe(200);
    expect(res.body.month).toBe(MONTH);
    const pipeline = res.body.metrics.find((x: Metric) => x.key === "pipelineCreated");
    expect(pipeline.total).toBe(10_500_000);
    expect(pipeline.definition).toMatch(/ACV of the deals created/);
    expect(res.body.metrics.map((x: Metric) => x.key)).toEqual(council.metrics.map((x) => x.key));
  });

  it("refuses a partner key (403)", async () => {
    expect((await get(partnerKey, `?month=${MONTH}`)).status).toBe(403);
  });
});
