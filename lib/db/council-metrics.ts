// The revenue council's metrics (docs/domain.md#revenue-council-metrics) for one month or quarter:
// each figure in total, by who leads (route groups) and, for the pipeline, by who sourced
// (attribution category), with a 12-month trend and the list it counts. The page (/exec), the API
// (GET /api/v1/council) and the council pack read this one function.
//
// Counted in SQL: one GROUP BY month × lead per source table over the trend's 12 months (the period
// is rolled up from its months in lib/council), medians from the middle-ranked rows only (window
// functions), so nothing loads a table. Every count uses the same conditions as the list filter its
// link carries (lib/db/opportunities.ts, conflicts.ts, registrations.ts), so a figure's count is
// the list's. Council readers (council:read: ADMIN, EXEC) see every row (lib/db/scope.ts), so the
// SQL has no scope clause; the permission check below is what keeps anyone else out.
import { CATEGORY_SQL } from "./forecast";
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import {
  CATEGORIES,
  CATEGORY_LABEL,
  DAY_SECONDS,
  LEAD_LABEL,
  LEAD_ROUTES,
  LEADS,
  METRICS,
  median,
  monthsOf,
  quarterOfMonth,
  rate,
  sumRows,
  trailingMonths,
  type Category,
  type GroupedRow,
  type Lead,
  type MetricKey,
  type Period,
  type Unit,
} from "@/lib/council";
import {
  closedDealsHref,
  createdDealsHref,
  decidedRegistrationsHref,
  openedCasesHref,
  resolvedCasesHref,
} from "@/lib/council/links";
import type { Quarter } from "@/lib/dates/quarters";
import { forbidden } from "@/lib/errors";
import { parsePeriod } from "@/lib/pricing/period";
import { councilQuery } from "@/lib/validation/council";
import { sql } from "./client";
import { conflictPatterns } from "./conflict-patterns";
import { leakageReport } from "./pricing-leakage";
import { mdfRomiByQuarter } from "./mdf-council";
import type { Sql } from "./sql";

/** A count behind a figure, with the list that shows exactly it. */
type Count = { label: string; count: number; href: string | null };
/** One slice of a figure (a route group, a category, a level, a rule). */
type Slice = { key: string; label: string; value: number | null; count: number; href: string | null };

export type Metric = {
  key: MetricKey;
  label: string;
  definition: string;
  unit: Unit;
  /** the figure for the whole period (cents for money, 0–1 for pct, days, a count, a ratio) */
  total: number | null;
  /** the figure by who leads */
  byRoute: Record<Lead, number | null>;
  /** each route group's figure with its count and list */
  routes: Slice[];
  /** the counts the total is made of (e.g. won, closed), each linking to its list */
  counts: Count[];
  /** the list the figure counts (its main count), null when no list shows it */
  href: string | null;
  /** one value per month, oldest first, the last month being the period's last */
  trend: { month: string; value: number | null }[];
  /** another breakdown: by who sourced (pipeline), by level (time to resolve), by rule (escalations) */
  breakdown?: { title: string; slices: Slice[] };
};

export type CouncilMetrics = {
  /** "2026-11" or "2026-Q4" */
  month: string;
  period: { label: string; kind: "month" | "quarter"; firstDay: string; lastDay: string };
  /** the currency most of the period's deals are in (from the data) */
  currency: string;
  /** other currencies present: their amounts are summed at face value */
  otherCurrencies: string[];
  metrics: Metric[];
};

const TREND_MONTHS = 12;
const TOP_RULES = 5;

// ── SQL fragments ──

const leadSql = (col: string) =>
  `CASE ${LEADS.map((l) => `WHEN ${col} IN (${LEAD_ROUTES[l].map((r) => `'${r}'`).join(", ")}) THEN '${l}'`).join(" ")} END`;
const monthSql = (s: Sql, col: string) =>
  s.provider === "postgresql" ? `to_char(${col}, 'YYYY-MM')` : `substr(${col}, 1, 7)`;
const secondsSql = (s: Sql, from: string, to: string) =>
  s.provider === "postgresql"
    ? `EXTRACT(EPOCH FROM (${to} - ${from}))`
    : `((julianday(${to}) - julianday(${from})) * 86400.0)`;
// the deal's one category, as the forecast and the list filter `category` read it (a deal without rows is DIRECT)
const categorySql = CATEGORY_SQL;

type Raw = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const asLead = (v: unknown) => (v === null || v === undefined ? null : (String(v) as Lead));

function grouped<K extends string>(rows: Raw[], fields: readonly K[]): GroupedRow<K>[] {
  return rows.map((r) => {
    const out = { month: String(r.month), lead: asLead(r.lead) } as GroupedRow<K>;
    for (const f of fields) (out as Record<string, unknown>)[f] = num(r[f]);
    return out;
  });
}

/** The median of `value` per partition, from the one or two middle-ranked rows of each. */
async function medians(
  s: Sql,
  o: { value: string; from: string; where: string; params: unknown[]; part: string },
): Promise<Map<string, number | null>> {
  const rows = await s.all<{ part: unknown; v: unknown }>(
    `WITH d AS (SELECT ${o.part} AS "part", ${o.value} AS "v" FROM ${o.from} WHERE ${o.where}),
     ranked AS (SELECT "part", "v", ROW_NUMBER() OVER (PARTITION BY "part" ORDER BY "v") AS "rk",
       COUNT(*) OVER (PARTITION BY "part") AS "n" FROM d)
     SELECT "part", "v" FROM ranked WHERE "rk" IN (("n" + 1) / 2, ("n" + 2) / 2)`,
    o.params,
  );
  const byPart = new Map<string, number[]>();
  for (const r of rows) {
    const k = r.part === null ? "" : String(r.part);
    byPart.set(k, [...(byPart.get(k) ?? []), Number(r.v)]);
  }
  return new Map([...byPart].map(([k, v]) => [k, median(v)]));
}

// ── the grouped counts ──

async function countRows(s: Sql, window: { start: Date; end: Date }, period: Period) {
  const w = [window.start, window.end];
  const p = [period.start, period.end];
  const created = await s.all<Raw>(
    `SELECT ${monthSql(s, `o."createdAt"`)} AS "month", ${leadSql(`o."route"`)} AS "lead", COUNT(*) AS "deals",
       SUM(o."acvCents") AS "acv",
       SUM(CASE WHEN ${categorySql} = 'PARTNER_SOURCED' THEN o."acvCents" ELSE 0 END) AS "sourcedAcv"
     FROM "Opportunity" o WHERE o."createdAt" >= ? AND o."createdAt" < ? GROUP BY 1, 2`,
    w,
  );
  const byCategory = await s.all<Raw>(
    `SELECT ${categorySql} AS "category", COUNT(*) AS "deals", SUM(o."acvCents") AS "acv"
     FROM "Opportunity" o WHERE o."createdAt" >= ? AND o."createdAt" < ? GROUP BY 1`,
    p,
  );
  const currencies = await s.all<Raw>(
    `SELECT o."currency" AS "currency", COUNT(*) AS "deals" FROM "Opportunity" o
     WHERE o."createdAt" >= ? AND o."createdAt" < ? GROUP BY 1 ORDER BY 2 DESC, 1`,
    p,
  );
  const closed = await s.all<Raw>(
    `SELECT ${monthSql(s, `o."closedAt"`)} AS "month", ${leadSql(`o."route"`)} AS "lead",
       SUM(CASE WHEN o."stage" = 'CLOSED_WON' THEN 1 ELSE 0 END) AS "won",
       SUM(CASE WHEN o."stage" = 'CLOSED_LOST' THEN 1 ELSE 0 END) AS "lost",
       SUM(CASE WHEN o."stage" = 'CLOSED_WON' AND EXISTS (SELECT 1 FROM "PayoutAdjustment" pa
         WHERE pa."opportunityId" = o."id") THEN 1 ELSE 0 END) AS "adjusted"
     FROM "Opportunity" o
     WHERE o."stage" IN ('CLOSED_WON', 'CLOSED_LOST') AND o."closedAt" >= ? AND o."closedAt" < ? GROUP BY 1, 2`,
    w,
  );
  const opened = await s.all<Raw>(
    `SELECT ${monthSql(s, `c."openedAt"`)} AS "month", ${leadSql(`o."route"`)} AS "lead", COUNT(*) AS "cases"
     FROM "Conflict" c LEFT JOIN "Opportunity" o ON o."id" = c."opportunityId"
     WHERE c."openedAt" >= ? AND c."openedAt" < ? GROUP BY 1, 2`,
    w,
  );
  const resolved = await s.all<Raw>(
    `SELECT ${monthSql(s, `c."resolvedAt"`)} AS "month", ${leadSql(`o."route"`)} AS "lead", c."level" AS "level",
       COUNT(*) AS "cases", SUM(${secondsSql(s, `c."openedAt"`, `c."resolvedAt"`)}) AS "seconds"
     FROM "Conflict" c LEFT JOIN "Opportunity" o ON o."id" = c."opportunityId"
     WHERE c."status" = 'RESOLVED' AND c."resolvedAt" >= ? AND c."resolvedAt" < ? GROUP BY 1, 2, 3`,
    w,
  );
  const decided = await s.all<Raw>(
    `SELECT ${monthSql(s, `r."decidedAt"`)} AS "month", ${leadSql(`r."route"`)} AS "lead", COUNT(*) AS "decided",
       SUM(${secondsSql(s, `r."submittedAt"`, `r."decidedAt"`)}) AS "seconds",
       SUM(CASE WHEN r."decidedAt" <= r."slaDueAt" THEN 1 ELSE 0 END) AS "onTime"
     FROM "DealRegistration" r WHERE r."decidedAt" >= ? AND r."decidedAt" < ? GROUP BY 1, 2`,
    w,
  );
  const handoffs = await s.all<Raw>(
    `SELECT ${monthSql(s, `h."offeredAt"`)} AS "month", ${leadSql(`o."route"`)} AS "lead", COUNT(*) AS "answered",
       SUM(CASE WHEN h."status" = 'ACCEPTED' THEN 1 ELSE 0 END) AS "accepted"
     FROM "Handoff" h JOIN "Opportunity" o ON o."id" = h."opportunityId"
     WHERE h."status" IN ('ACCEPTED', 'DECLINED', 'EXPIRED') AND h."offeredAt" >= ? AND h."offeredAt" < ? GROUP BY 1, 2`,
    w,
  );
  const quarters = [...new Set(trailingMonthsLabels(window).map(quarterOfMonth))];
  const mdf = await mdfRomiByQuarter(s, quarters); // won ÷ paid, as lib/mdf/romi.ts
  // median cycle time of won deals: per month (trend), per lead and in total over the period
  const cycle = {
    value: secondsSql(s, `o."createdAt"`, `o."closedAt"`),
    from: `"Opportunity" o`,
    where: `o."stage" = 'CLOSED_WON' AND o."closedAt" >= ? AND o."closedAt" < ?`,
  };
  const cycleByMonth = await medians(s, { ...cycle, params: w, part: monthSql(s, `o."closedAt"`) });
  const cycleByLead = await medians(s, { ...cycle, params: p, part: leadSql(`o."route"`) });
  const cycleTotal = await medians(s, { ...cycle, params: p, part: `'all'` });
  return {
    created: grouped(created, ["deals", "acv", "sourcedAcv"] as const),
    byCategory: byCategory.map((r) => ({
      category: (r.category ?? null) as Category | null,
      deals: num(r.deals),
      acv: num(r.acv),
    })),
    currencies: currencies.map((r) => String(r.currency)),
    closed: grouped(closed, ["won", "lost", "adjusted"] as const),
    opened: grouped(opened, ["cases"] as const),
    resolved: resolved.map((r) => ({ ...grouped([r], ["cases", "seconds"] as const)[0], level: num(r.level) })),
    decided: grouped(decided, ["decided", "seconds", "onTime"] as const),
    handoffs: grouped(handoffs, ["answered", "accepted"] as const),
    mdf: new Map(mdf.map((r) => [String(r.quarter), { spent: num(r.spent), sourced: num(r.sourced) }])),
    cycle: { byMonth: cycleByMonth, byLead: cycleByLead, total: cycleTotal.get("all") ?? null },
  };
}

function trailingMonthsLabels(window: { start: Date; end: Date }): string[] {
  const out: string[] = [];
  for (
    let d = new Date(window.start);
    d < window.end;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  )
    out.push(d.toISOString().slice(0, 7));
  return out;
}

// ── building the figures ──

type Rows = Awaited<ReturnType<typeof countRows>>;

function metric(key: MetricKey, parts: Omit<Metric, "key" | "label" | "definition" | "unit" | "byRoute">): Metric {
  const def = METRICS[key];
  const byRoute = Object.fromEntries(
    LEADS.map((l) => [l, parts.routes.find((r) => r.key === l)?.value ?? null]),
  ) as Record<Lead, number | null>;
  return { key, label: def.label, definition: def.definition, unit: def.unit, byRoute, ...parts };
}

/**
 * A figure computed from summed fields: `value(sums)` over the period (total and per lead) and
 * each trend month; `count(sums)` is the number of rows the list of `href` shows.
 */
function fromSums<K extends string>(
  rows: GroupedRow<K>[],
  fields: readonly K[],
  months: string[],
  trend: string[],
  value: (s: Record<K, number>) => number | null,
  count: (s: Record<K, number>) => number,
  href: (lead?: Lead) => string | null,
) {
  const total = sumRows(rows, fields, months);
  return {
    total: value(total),
    totalCount: count(total),
    totals: total,
    routes: LEADS.map((l) => {
      const s = sumRows(rows, fields, months, l);
      return { key: l, label: LEAD_LABEL[l], value: value(s), count: count(s), href: href(l) };
    }),
    trend: trend.map((m) => ({ month: m, value: value(sumRows(rows, fields, [m])) })),
  };
}

function build(
  rows: Rows,
  period: Period,
  trendMonths: string[],
  leakage: LeakageFigures,
  rules: Slice[],
  escalated: number,
): Metric[] {
  const months = monthsOf(period);
  const p = period;

  const created = fromSums(
    rows.created,
    ["deals", "acv", "sourcedAcv"] as const,
    months,
    trendMonths,
    (s) => s.acv,
    (s) => s.deals,
    (l) => createdDealsHref(p, { lead: l }),
  );
  const sourced = fromSums(
    rows.created,
    ["deals", "acv", "sourcedAcv"] as const,
    months,
    trendMonths,
    (s) => rate(s.sourcedAcv, s.acv),
    (s) => s.deals,
    (l) => createdDealsHref(p, { lead: l }),
  );
  const sourcedDeals = rows.byCategory.find((c) => c.category === "PARTNER_SOURCED")?.deals ?? 0;
  const win = fromSums(
    rows.closed,
    ["won", "lost", "adjusted"] as const,
    months,
    trendMonths,
    (s) => rate(s.won, s.won + s.lost),
    (s) => s.won + s.lost,
    (l) => closedDealsHref(p, "closed", { lead: l }),
  );
  const payout = fromSums(
    rows.closed,
    ["won", "lost", "adjusted"] as const,
    months,
    trendMonths,
    (s) => rate(s.won - s.adjusted, s.won),
    (s) => s.won,
    (l) => closedDealsHref(p, "won", { lead: l }),
  );
  const conflicts = fromSums(
    rows.opened
      .map((r) => ({ ...r, deals: 0 }))
      .concat(rows.created.map((r) => ({ month: r.month, lead: r.lead, cases: 0, deals: r.deals }))),
    ["cases", "deals"] as const,
    months,
    trendMonths,
    (s) => rate(s.cases, s.deals),
    (s) => s.cases,
    (l) => openedCasesHref(p, { lead: l }),
  );
  const resolve = fromSums(
    rows.resolved,
    ["cases", "seconds"] as const,
    months,
    trendMonths,
    (s) => rate(s.seconds / DAY_SECONDS, s.cases),
    (s) => s.cases,
    (l) => resolvedCasesHref(p, { lead: l }),
  );
  const decision = fromSums(
    rows.decided,
    ["decided", "seconds", "onTime"] as const,
    months,
    trendMonths,
    (s) => rate(s.seconds / DAY_SECONDS, s.decided),
    (s) => s.decided,
    (l) => decidedRegistrationsHref(p, { lead: l }),
  );
  const sla = fromSums(
    rows.decided,
    ["decided", "seconds", "onTime"] as const,
    months,
    trendMonths,
    (s) => rate(s.onTime, s.decided),
    (s) => s.decided,
    (l) => decidedRegistrationsHref(p, { lead: l }),
  );
  const handoff = fromSums(
    rows.handoffs,
    ["answered", "accepted"] as const,
    months,
    trendMonths,
    (s) => rate(s.accepted, s.answered),
    (s) => s.answered,
    () => null,
  );

  const romiOf = (quarters: string[]) => {
    const sums = quarters.reduce(
      (a, q) => ({
        spent: a.spent + (rows.mdf.get(q)?.spent ?? 0),
        sourced: a.sourced + (rows.mdf.get(q)?.sourced ?? 0),
      }),
      { spent: 0, sourced: 0 },
    );
    return rate(sums.sourced, sums.spent);
  };
  const periodQuarters = [...new Set(months.map(quarterOfMonth))];
  const noRoutes = (href: (l: Lead) => string | null = () => null): Slice[] =>
    LEADS.map((l) => ({ key: l, label: LEAD_LABEL[l], value: null, count: 0, href: href(l) }));

  const resolveLevels = [1, 2, 3, 4].map((level) => {
    const r = rows.resolved.filter((x) => x.level === level && months.includes(x.month));
    const cases = r.reduce((a, x) => a + x.cases, 0);
    const seconds = r.reduce((a, x) => a + x.seconds, 0);
    return {
      key: String(level),
      label: `Level ${level}`,
      value: rate(seconds / DAY_SECONDS, cases),
      count: cases,
      href: resolvedCasesHref(p, { level }),
    };
  });

  return [
    metric("pipelineCreated", {
      total: created.total,
      routes: created.routes,
      counts: [{ label: "deals created", count: created.totalCount, href: createdDealsHref(p) }],
      href: createdDealsHref(p),
      trend: created.trend,
      breakdown: {
        title: "By who sourced",
        slices: CATEGORIES.map((c) => {
          const g = rows.byCategory.find((x) => x.category === c);
          return {
            key: c,
            label: CATEGORY_LABEL[c],
            value: g?.acv ?? 0,
            count: g?.deals ?? 0,
            href: createdDealsHref(p, { category: c }),
          };
        }),
      },
    }),
    metric("partnerSourcedPct", {
      total: sourced.total,
      routes: sourced.routes,
      counts: [
        {
          label: "partner-sourced deals",
          count: sourcedDeals,
          href: createdDealsHref(p, { category: "PARTNER_SOURCED" }),
        },
        { label: "deals created", count: sourced.totalCount, href: createdDealsHref(p) },
      ],
      href: createdDealsHref(p, { category: "PARTNER_SOURCED" }),
      trend: sourced.trend,
    }),
    metric("winRate", {
      total: win.total,
      routes: win.routes,
      counts: [
        { label: "won", count: win.totals.won, href: closedDealsHref(p, "won") },
        { label: "closed", count: win.totalCount, href: closedDealsHref(p, "closed") },
      ],
      href: closedDealsHref(p, "closed"),
      trend: win.trend,
    }),
    metric("medianCycleDays", {
      total: days(rows.cycle.total),
      routes: LEADS.map((l) => ({
        key: l,
        label: LEAD_LABEL[l],
        value: days(rows.cycle.byLead.get(l) ?? null),
        count: sumRows(rows.closed, ["won"] as const, months, l).won,
        href: closedDealsHref(p, "won", { lead: l }),
      })),
      counts: [{ label: "deals won", count: win.totals.won, href: closedDealsHref(p, "won") }],
      href: closedDealsHref(p, "won"),
      trend: trendMonths.map((m) => ({ month: m, value: days(rows.cycle.byMonth.get(m) ?? null) })),
    }),
    metric("conflictRate", {
      total: conflicts.total,
      routes: conflicts.routes,
      counts: [
        { label: "cases opened", count: conflicts.totalCount, href: openedCasesHref(p) },
        { label: "deals created", count: conflicts.totals.deals, href: createdDealsHref(p) },
      ],
      href: openedCasesHref(p),
      trend: conflicts.trend,
    }),
    metric("timeToResolveDays", {
      total: resolve.total,
      routes: resolve.routes,
      counts: [{ label: "cases resolved", count: resolve.totalCount, href: resolvedCasesHref(p) }],
      href: resolvedCasesHref(p),
      trend: resolve.trend,
      breakdown: { title: "By level at resolution", slices: resolveLevels },
    }),
    metric("registrationDecisionDays", {
      total: decision.total,
      routes: decision.routes,
      counts: [{ label: "registrations decided", count: decision.totalCount, href: decidedRegistrationsHref(p) }],
      href: decidedRegistrationsHref(p),
      trend: decision.trend,
    }),
    metric("registrationSla", {
      total: sla.total,
      routes: sla.routes,
      counts: [
        { label: "on time", count: sla.totals.onTime, href: decidedRegistrationsHref(p, { sla: "met" }) },
        { label: "decided", count: sla.totalCount, href: decidedRegistrationsHref(p) },
      ],
      href: decidedRegistrationsHref(p),
      trend: sla.trend,
    }),
    metric("handoffAcceptance", {
      total: handoff.total,
      routes: handoff.routes,
      counts: [
        { label: "accepted", count: handoff.totals.accepted, href: null },
        { label: "answered or expired", count: handoff.totalCount, href: null },
      ],
      href: null,
      trend: handoff.trend,
    }),
    metric("discountLeakage", {
      total: leakage.total.cents,
      routes: LEADS.map((l) => ({ key: l, label: LEAD_LABEL[l], ...leakage.byLead[l] })),
      counts: [{ label: "deals beyond their corridor", count: leakage.total.count, href: leakage.total.href }],
      href: leakage.total.href,
      trend: leakage.trend,
    }),
    metric("payoutAccuracy", {
      total: payout.total,
      routes: payout.routes,
      counts: [
        { label: "adjusted", count: payout.totals.adjusted, href: closedDealsHref(p, "won", { adjusted: "yes" }) },
        { label: "won", count: payout.totalCount, href: closedDealsHref(p, "won") },
      ],
      href: closedDealsHref(p, "won"),
      trend: payout.trend,
    }),
    metric("mdfRomi", {
      total: romiOf(periodQuarters),
      routes: noRoutes(),
      counts: [],
      href: null,
      trend: trendMonths.map((m) => ({ month: m, value: romiOf([quarterOfMonth(m)]) })),
    }),
    metric("escalations", {
      total: escalated,
      routes: conflicts.routes.map((r) => ({ ...r, value: r.count })),
      counts: [{ label: "cases opened", count: escalated, href: openedCasesHref(p) }],
      href: openedCasesHref(p),
      trend: conflicts.trend.map((t, i) => ({
        month: t.month,
        value: sumRows(rows.opened, ["cases"] as const, [trendMonths[i]]).cases,
      })),
      breakdown: { title: "Rules causing the most conflicts", slices: rules },
    }),
  ];
}

const days = (seconds: number | null) => (seconds === null ? null : seconds / DAY_SECONDS);

type LeakageFigures = {
  total: { cents: number; count: number; href: string };
  byLead: Record<Lead, { value: number | null; count: number; href: string | null }>;
  trend: { month: string; value: number | null }[];
};

async function leakageFigures(ctx: Ctx, period: Period, trendMonths: string[]): Promise<LeakageFigures> {
  const report = await leakageReport(ctx, period);
  const byLead = Object.fromEntries(
    LEADS.map((l) => {
      const lines = report.byRoute.filter((r) => (LEAD_ROUTES[l] as readonly string[]).includes(r.key));
      return [
        l,
        { value: lines.reduce((a, r) => a + r.cents, 0), count: lines.reduce((a, r) => a + r.count, 0), href: null },
      ];
    }),
  ) as LeakageFigures["byLead"];
  const trend: LeakageFigures["trend"] = [];
  for (const m of trendMonths) {
    const r = m === period.label ? report : await leakageReport(ctx, parsePeriod(m)!);
    trend.push({ month: m, value: r.total.cents });
  }
  return { total: { cents: report.total.cents, count: report.total.count, href: report.total.href }, byLead, trend };
}

/**
 * The council's figures for `month` ("2026-11", or a quarter "2026-Q4" rolling up its months), with
 * the 12 months up to its last month as the trend. `now` is accepted for the callers' sake (the
 * default period and "so far" labels); figures depend on the stored data only.
 */
export async function getCouncilMetrics(ctx: Ctx, month: string, now: Date): Promise<CouncilMetrics> {
  void now;
  if (!can(ctx, "council:read")) throw forbidden("The council's figures are for executives and channel operations");
  // a bad month is a ZodError: 400 with the field's message (lib/api/handler.ts)
  const period = parsePeriod(councilQuery.parse({ month }).month)!;
  const trend = trailingMonths(period, TREND_MONTHS);
  const window = { start: trend[0].start, end: trend.at(-1)!.end };
  const trendMonths = trend.map((t) => t.label);
  const rows = await sql.session((s) => countRows(s, window, period));
  const leakage = await leakageFigures(ctx, period, trendMonths);
  const quarter: Quarter = {
    ...period,
    year: period.start.getUTCFullYear(),
    q: Math.floor(period.start.getUTCMonth() / 3) + 1,
  };
  const patterns = await conflictPatterns(ctx, quarter);
  const rules: Slice[] = patterns.topRules.slice(0, TOP_RULES).map((r) => ({
    key: r.key,
    label: r.label,
    value: r.count,
    count: r.count,
    href: openedCasesHref(period, { rule: r.key }),
  }));
  return {
    month: period.label,
    period: { label: period.label, kind: period.kind, firstDay: period.firstDay, lastDay: period.lastDay },
    // the period's own currency; a period without deals has no money to show, USD only labels zeros
    currency: rows.currencies[0] ?? "USD",
    otherCurrencies: rows.currencies.slice(1),
    metrics: build(rows, period, trendMonths, leakage, rules, patterns.total),
  };
}
