// The revenue council's figures (docs/domain.md#revenue-council-metrics) assembled from grouped
// counts: each figure in total, by who leads (route groups) and, for the pipeline, by who sourced
// (attribution category), with its trend and the list it counts (lib/council/links.ts). Pure:
// lib/db/council-sql.ts reads the grouped counts (CouncilRows, lib/council/types.ts) and lib/db/council-metrics.ts hands
// them here.
import { leakageListQuery, opportunitiesHref } from "@/lib/pricing/links";
import {
  CATEGORIES,
  CATEGORY_LABEL,
  DAY_SECONDS,
  LEAD_LABEL,
  LEADS,
  METRICS,
  monthsOf,
  quarterOfMonth,
  rate,
  sumRows,
  type GroupedRow,
  type Lead,
  type MetricKey,
  type Period,
} from "./index";
import {
  closedDealsHref,
  createdDealsHref,
  decidedRegistrationsHref,
  handoffOffersHref,
  openedCasesHref,
  resolvedCasesHref,
} from "./links";
import type { CouncilRows, Metric, Slice } from "./types";

const TOP_RULES = 5;

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
  rows: CouncilRows,
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
    (l) => handoffOffersHref(p, "answered", { lead: l }),
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
        { label: "accepted", count: handoff.totals.accepted, href: handoffOffersHref(p, "accepted") },
        { label: "answered or expired", count: handoff.totalCount, href: handoffOffersHref(p, "answered") },
      ],
      href: handoffOffersHref(p, "answered"),
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

/** The discount leakage of the period (total, by lead) and per trend month, from the grouped rows. */
function leakageFigures(rows: CouncilRows, period: Period, trendMonths: string[]): LeakageFigures {
  const fields = ["deals", "cents"] as const;
  const months = monthsOf(period);
  const total = sumRows(rows.leakage, fields, months);
  const byLead = Object.fromEntries(
    LEADS.map((l) => {
      const sums = sumRows(rows.leakage, fields, months, l);
      return [l, { value: sums.cents, count: sums.deals, href: null }];
    }),
  ) as LeakageFigures["byLead"];
  return {
    total: { cents: total.cents, count: total.deals, href: opportunitiesHref(leakageListQuery(period)) },
    byLead,
    trend: trendMonths.map((m) => ({ month: m, value: sumRows(rows.leakage, fields, [m]).cents })),
  };
}

/** The rules that routed the most cases opened in the period (as the conflict-pattern report ranks them). */
function topRules(rows: CouncilRows, period: Period): Slice[] {
  return [...rows.rules]
    .filter((r) => r.ruleId !== null)
    .sort((a, b) => b.count - a.count || (a.priority ?? Infinity) - (b.priority ?? Infinity))
    .slice(0, TOP_RULES)
    .map((r) => ({
      key: r.ruleId!,
      label: r.ruleName ?? "Rule",
      value: r.count,
      count: r.count,
      href: openedCasesHref(period, { rule: r.ruleId! }),
    }));
}

/** The council's figures for `period`, with `trendMonths` (oldest first) as the trend. */
export function councilFigures(rows: CouncilRows, period: Period, trendMonths: string[]): Metric[] {
  const leakage = leakageFigures(rows, period, trendMonths);
  const escalated = rows.rules.reduce((n, r) => n + r.count, 0);
  return build(rows, period, trendMonths, leakage, topRules(rows, period), escalated);
}
