// The bare SQL aggregates for the council's and the forecast's figures (the floor the bench compares
// lib/db/council-metrics.ts and lib/db/forecast.ts with): hand-written GROUP BY queries through the
// driver, per month × route over the trend's 12 months, computing the SAME figures as the app — the
// attribution category from the stored column, the median (not the average) cycle time, discount
// leakage rounded per deal, escalations per rule. `compareCouncil` and `compareForecast` check that the
// figures agree, so the floor is honest: the bench reports a disagreement as an error.
import { LEAD_ROUTES, LEADS, monthsOf, trailingMonths, type Lead, type Period } from "@/lib/council";
import { ruleCounts } from "@/lib/db/conflict-patterns";
import type { Sql } from "@/lib/db/sql";
import type { CouncilMetrics } from "@/lib/council/types";
import type { Forecast } from "@/lib/db/forecast";
import { FORECAST_OPEN_STAGES, historyWindow, type Quarter } from "@/lib/forecast";

type Row = Record<string, unknown>;
const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const leadOf = (route: unknown): Lead | null =>
  LEADS.find((l) => (LEAD_ROUTES[l] as readonly string[]).includes(String(route))) ?? null;

export type BareCouncil = {
  acv: number;
  deals: number;
  sourcedAcv: number;
  acvByLead: Record<Lead, number>;
  acvTrend: number[];
  won: number;
  lost: number;
  adjusted: number;
  medianCycleSeconds: number | null;
  cycleTrendSeconds: (number | null)[];
  cycleByLeadSeconds: Record<Lead, number | null>;
  opened: number;
  resolved: number;
  resolvedSeconds: number;
  decided: number;
  onTime: number;
  answered: number;
  accepted: number;
  leakageCents: number;
  leakageTrend: number[];
  ruleCounts: number[];
};

/** Math.round of a non-negative SQL number. */
const round = (s: Sql, x: string) =>
  s.provider === "postgresql" ? `FLOOR((${x}) + 0.5)` : `CAST((${x}) + 0.5 AS INTEGER)`;

export async function bareCouncil(s: Sql, period: Period): Promise<BareCouncil> {
  const pg = s.provider === "postgresql";
  const month = (c: string) => (pg ? `to_char(${c}, 'YYYY-MM')` : `substr(${c}, 1, 7)`);
  const secs = (a: string, b: string) =>
    pg ? `EXTRACT(EPOCH FROM (${b} - ${a}))` : `((julianday(${b}) - julianday(${a})) * 86400.0)`;
  const trend = trailingMonths(period, 12);
  const w = [trend[0].start, trend.at(-1)!.end];
  const p = [period.start, period.end];
  const months = monthsOf(period);
  const trendMonths = trend.map((t) => t.label);
  const inPeriod = (r: Row) => months.includes(String(r.m));
  const sum = (rows: Row[], f: string, keep: (r: Row) => boolean = inPeriod) =>
    rows.filter(keep).reduce((a, r) => a + n(r[f]), 0);

  const created = await s.all<Row>(
    `SELECT ${month(`"createdAt"`)} AS "m", "route", "category", count(*) AS "n", sum("acvCents") AS "acv"
     FROM "Opportunity" WHERE "createdAt" >= ? AND "createdAt" < ? GROUP BY 1, 2, 3`,
    w,
  );
  const closed = await s.all<Row>(
    `SELECT ${month(`o."closedAt"`)} AS "m", o."stage", count(*) AS "n",
       sum(CASE WHEN o."stage" = 'CLOSED_WON' AND EXISTS (SELECT 1 FROM "PayoutAdjustment" pa WHERE pa."opportunityId" = o."id") THEN 1 ELSE 0 END) AS "adj"
     FROM "Opportunity" o WHERE o."stage" IN ('CLOSED_WON', 'CLOSED_LOST') AND o."closedAt" >= ? AND o."closedAt" < ? GROUP BY 1, 2`,
    w,
  );
  // median cycle time of won deals: per trend month, per route in the period and over the period
  const medianBy = (part: string, params: unknown[]) =>
    s.all<Row>(
      `WITH d AS (SELECT ${part} AS "part", ${secs(`"createdAt"`, `"closedAt"`)} AS "v" FROM "Opportunity"
         WHERE "stage" = 'CLOSED_WON' AND "closedAt" >= ? AND "closedAt" < ?),
       r AS (SELECT "part", "v", ROW_NUMBER() OVER (PARTITION BY "part" ORDER BY "v") AS "k",
         COUNT(*) OVER (PARTITION BY "part") AS "c" FROM d)
       SELECT "part", avg("v") AS "median" FROM r WHERE "k" IN (("c" + 1) / 2, ("c" + 2) / 2) GROUP BY "part"`,
      params,
    );
  const cycleTrend = await medianBy(month(`"closedAt"`), w);
  const lead = `CASE ${LEADS.map((l) => `WHEN "route" IN (${LEAD_ROUTES[l].map((r) => `'${r}'`).join(", ")}) THEN '${l}'`).join(" ")} END`;
  const cycleByLead = await medianBy(lead, p);
  const cycle = await medianBy(`'all'`, p);
  const opened = await s.all<Row>(
    `SELECT ${month(`"openedAt"`)} AS "m", count(*) AS "n" FROM "Conflict" WHERE "openedAt" >= ? AND "openedAt" < ? GROUP BY 1`,
    w,
  );
  const resolved = await s.all<Row>(
    `SELECT ${month(`"resolvedAt"`)} AS "m", count(*) AS "n", sum(${secs(`"openedAt"`, `"resolvedAt"`)}) AS "secs"
     FROM "Conflict" WHERE "status" = 'RESOLVED' AND "resolvedAt" >= ? AND "resolvedAt" < ? GROUP BY 1`,
    w,
  );
  const decided = await s.all<Row>(
    `SELECT ${month(`"decidedAt"`)} AS "m", count(*) AS "n", sum(CASE WHEN "decidedAt" <= "slaDueAt" THEN 1 ELSE 0 END) AS "onTime"
     FROM "DealRegistration" WHERE "decidedAt" >= ? AND "decidedAt" < ? GROUP BY 1`,
    w,
  );
  const handoffs = await s.all<Row>(
    `SELECT ${month(`"offeredAt"`)} AS "m", count(*) AS "n", sum(CASE WHEN "status" = 'ACCEPTED' THEN 1 ELSE 0 END) AS "acc"
     FROM "Handoff" WHERE "status" IN ('ACCEPTED', 'DECLINED', 'EXPIRED') AND "offeredAt" >= ? AND "offeredAt" < ? GROUP BY 1`,
    w,
  );
  const h = (x: string) => round(s, `${x} * 100`);
  const excess = `${pg ? "GREATEST" : "MAX"}(0, ${h(`"discountPct"`)} - ${h(`COALESCE("corridorMaxPct", "discountPct")`)})`;
  const list = `COALESCE("listPriceCents", CASE WHEN "discountPct" < 100 THEN ${round(s, `"acvCents" / (1 - "discountPct" / 100.0)`)} ELSE 0 END)`;
  const leakage = await s.all<Row>(
    `SELECT ${month(`"closedAt"`)} AS "m", count(*) AS "n", sum(${round(s, `${excess} * ${list} / 10000.0`)}) AS "cents"
     FROM "Opportunity" WHERE "corridorBreach" = ? AND "stage" = 'CLOSED_WON' AND "closedAt" >= ? AND "closedAt" < ? GROUP BY 1`,
    [true, ...w],
  );
  const rules = await ruleCounts(s, `c."openedAt" >= ? AND c."openedAt" < ?`, p);

  const acvByLead = Object.fromEntries(
    LEADS.map((l) => [l, sum(created, "acv", (r) => inPeriod(r) && leadOf(r.route) === l)]),
  ) as Record<Lead, number>;
  const median = cycle[0]?.median;
  return {
    acv: sum(created, "acv"),
    deals: sum(created, "n"),
    sourcedAcv: sum(created, "acv", (r) => inPeriod(r) && r.category === "PARTNER_SOURCED"),
    acvByLead,
    acvTrend: trendMonths.map((m) => sum(created, "acv", (r) => r.m === m)),
    won: sum(closed, "n", (r) => inPeriod(r) && r.stage === "CLOSED_WON"),
    lost: sum(closed, "n", (r) => inPeriod(r) && r.stage === "CLOSED_LOST"),
    adjusted: sum(closed, "adj"),
    medianCycleSeconds: median === null || median === undefined ? null : Number(median),
    cycleTrendSeconds: trendMonths.map((m) => {
      const r = cycleTrend.find((x) => x.part === m);
      return r ? Number(r.median) : null;
    }),
    cycleByLeadSeconds: Object.fromEntries(
      LEADS.map((l) => {
        const r = cycleByLead.find((x) => x.part === l);
        return [l, r ? Number(r.median) : null];
      }),
    ) as Record<Lead, number | null>,
    opened: sum(opened, "n"),
    resolved: sum(resolved, "n"),
    resolvedSeconds: sum(resolved, "secs"),
    decided: sum(decided, "n"),
    onTime: sum(decided, "onTime"),
    answered: sum(handoffs, "n"),
    accepted: sum(handoffs, "acc"),
    leakageCents: sum(leakage, "cents"),
    leakageTrend: trendMonths.map((m) => sum(leakage, "cents", (r) => r.m === m)),
    ruleCounts: rules
      .filter((r) => r.ruleId !== null)
      .map((r) => r.count)
      .sort((a, b) => b - a)
      .slice(0, 5),
  };
}

const DAY = 86_400;
const close = (a: number | null, b: number | null, eps = 1e-6) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b));

/** The figures that differ between the app and the bare aggregates (empty: they agree). */
export function compareCouncil(app: CouncilMetrics, bare: BareCouncil): string[] {
  const m = (key: string) => app.metrics.find((x) => x.key === key)!;
  const count = (key: string, label: string) => m(key).counts.find((c) => c.label === label)?.count ?? 0;
  const checks: [string, number | null, number | null][] = [
    ["pipeline created", m("pipelineCreated").total, bare.acv],
    ["deals created", count("pipelineCreated", "deals created"), bare.deals],
    ["partner-sourced %", m("partnerSourcedPct").total, bare.acv ? bare.sourcedAcv / bare.acv : null],
    ...LEADS.map((l): [string, number | null, number | null] => [
      `pipeline ${l}`,
      m("pipelineCreated").byRoute[l],
      bare.acvByLead[l],
    ]),
    ...m("pipelineCreated").trend.map((t, i): [string, number | null, number | null] => [
      `pipeline ${t.month}`,
      t.value,
      bare.acvTrend[i],
    ]),
    ["won", count("winRate", "won"), bare.won],
    ["closed", count("winRate", "closed"), bare.won + bare.lost],
    ["adjusted", count("payoutAccuracy", "adjusted"), bare.adjusted],
    [
      "median cycle days",
      m("medianCycleDays").total,
      bare.medianCycleSeconds === null ? null : bare.medianCycleSeconds / DAY,
    ],
    ...m("medianCycleDays").trend.map((t, i): [string, number | null, number | null] => [
      `median cycle ${t.month}`,
      t.value,
      bare.cycleTrendSeconds[i] === null ? null : bare.cycleTrendSeconds[i]! / DAY,
    ]),
    ...LEADS.map((l): [string, number | null, number | null] => [
      `median cycle ${l}`,
      m("medianCycleDays").byRoute[l],
      bare.cycleByLeadSeconds[l] === null ? null : bare.cycleByLeadSeconds[l]! / DAY,
    ]),
    ["cases opened", count("conflictRate", "cases opened"), bare.opened],
    ["cases resolved", count("timeToResolveDays", "cases resolved"), bare.resolved],
    [
      "time to resolve",
      m("timeToResolveDays").total,
      bare.resolved ? bare.resolvedSeconds / DAY / bare.resolved : null,
    ],
    ["decided", count("registrationSla", "decided"), bare.decided],
    ["on time", count("registrationSla", "on time"), bare.onTime],
    ["hand-offs answered", count("handoffAcceptance", "answered or expired"), bare.answered],
    ["hand-offs accepted", count("handoffAcceptance", "accepted"), bare.accepted],
    ["leakage", m("discountLeakage").total, bare.leakageCents],
    ...m("discountLeakage").trend.map((t, i): [string, number | null, number | null] => [
      `leakage ${t.month}`,
      t.value,
      bare.leakageTrend[i],
    ]),
    ...bare.ruleCounts.map((c, i): [string, number | null, number | null] => [
      `rule #${i + 1}`,
      m("escalations").breakdown!.slices[i]?.count ?? null,
      c,
    ]),
  ];
  return checks.filter(([, a, b]) => !close(a, b)).map(([name, a, b]) => `${name}: app ${a}, bare ${b}`);
}

export type BareForecast = { wonDeals: number; wonAcv: bigint; openDeals: number; closedHistory: number };

export async function bareForecast(s: Sql, quarter: Quarter, now: Date): Promise<BareForecast> {
  const open = FORECAST_OPEN_STAGES.map((x) => `'${x}'`).join(", ");
  const float = s.provider === "postgresql" ? "DOUBLE PRECISION" : "REAL";
  const history = historyWindow(quarter, now);
  const won = await s.all<Row>(
    `SELECT "category", count(*) AS "n", sum("acvCents") AS "acv" FROM "Opportunity"
     WHERE "stage" = 'CLOSED_WON' AND "closedAt" >= ? AND "closedAt" < ? GROUP BY 1`,
    [quarter.start, quarter.end],
  );
  const pipeline = await s.all<Row>(
    `SELECT "category", "stage", count(*) AS "n", sum("acvCents") AS "acv", sum(CAST("acvCents" AS ${float}) * "acvCents") AS "acv2"
     FROM "Opportunity" WHERE "stage" IN (${open}) AND "closeDate" >= ? AND "closeDate" < ? GROUP BY 1, 2`,
    [quarter.start, quarter.end],
  );
  const closed = await s.all<Row>(
    `SELECT "category", "stage", count(*) AS "n" FROM "Opportunity"
     WHERE "stage" IN ('CLOSED_WON', 'CLOSED_LOST') AND "closedAt" >= ? AND "closedAt" < ? GROUP BY 1, 2`,
    [history.from, history.to],
  );
  return {
    wonDeals: won.reduce((a, r) => a + n(r.n), 0),
    wonAcv: won.reduce((a, r) => a + BigInt(String(r.acv ?? 0).split(".")[0]), 0n),
    openDeals: pipeline.reduce((a, r) => a + n(r.n), 0),
    closedHistory: closed.reduce((a, r) => a + n(r.n), 0),
  };
}

export function compareForecast(app: Forecast, bare: BareForecast): string[] {
  const out: string[] = [];
  if (app.deals.TOTAL.closedWon !== bare.wonDeals)
    out.push(`won deals: app ${app.deals.TOTAL.closedWon}, bare ${bare.wonDeals}`);
  if (app.total.closedWon !== bare.wonAcv) out.push(`closed-won: app ${app.total.closedWon}, bare ${bare.wonAcv}`);
  if (app.deals.TOTAL.open !== bare.openDeals)
    out.push(`open deals: app ${app.deals.TOTAL.open}, bare ${bare.openDeals}`);
  return out;
}
