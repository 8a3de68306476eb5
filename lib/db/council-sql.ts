// The SQL reads behind the revenue council's figures (lib/council/figures.ts assembles them):
// one GROUP BY month × lead per source table over the trend's 12 months (the period is rolled up from
// its months in lib/council), medians from the middle-ranked rows only (window functions), the
// discount leakage summed per deal in SQL exactly as lib/pricing/guardrails.ts leakageCents rounds it,
// and the top rules in the conflict-pattern report's own grouped query. So nothing loads a table and
// the number of statements is fixed. Every count uses the same conditions as the list filter its link
// carries (lib/db/opportunities.ts, conflicts.ts, registrations.ts, pricing-filters.ts). Council
// readers see every row (lib/db/scope.ts), so the SQL has no scope clause.
import "server-only";
import {
  LEAD_ROUTES,
  LEADS,
  median,
  monthsOf,
  quarterOfMonth,
  type Category,
  type GroupedRow,
  type Lead,
  type Period,
} from "@/lib/council";
import type { CouncilRows } from "@/lib/council/types";
import { ruleCounts } from "./conflict-patterns";
import { CATEGORY_SQL } from "./forecast";
import { mdfRomiByQuarter } from "./mdf-council";
import type { Sql } from "./sql";

const leadSql = (col: string) =>
  `CASE ${LEADS.map((l) => `WHEN ${col} IN (${LEAD_ROUTES[l].map((r) => `'${r}'`).join(", ")}) THEN '${l}'`).join(" ")} END`;
const monthSql = (s: Sql, col: string) =>
  s.provider === "postgresql" ? `to_char(${col}, 'YYYY-MM')` : `substr(${col}, 1, 7)`;
const secondsSql = (s: Sql, from: string, to: string) =>
  s.provider === "postgresql"
    ? `EXTRACT(EPOCH FROM (${to} - ${from}))`
    : `((julianday(${to}) - julianday(${from})) * 86400.0)`;
// the deal's stored category, as the forecast and the list filter `category` read it
const categorySql = CATEGORY_SQL;

/** Math.round of a non-negative number, in SQL (CAST truncates on SQLite, rounds on PostgreSQL). */
const roundSql = (s: Sql, x: string) =>
  s.provider === "postgresql" ? `FLOOR((${x}) + 0.5)` : `CAST((${x}) + 0.5 AS INTEGER)`;
/**
 * One deal's discount leakage in cents, as lib/pricing/guardrails.ts leakageCents computes it: the
 * excess in hundredths of a percent over the corridor (none without one) times the list price (its own,
 * or the ACV grossed up by the discount), rounded once per deal, so the sums equal the report's.
 */
function leakageCentsSql(s: Sql): string {
  const hundredths = (pct: string) => roundSql(s, `${pct} * 100`);
  const max = s.provider === "postgresql" ? "GREATEST" : "MAX";
  const excess = `${max}(0, ${hundredths(`o."discountPct"`)} - ${hundredths(`COALESCE(o."corridorMaxPct", o."discountPct")`)})`;
  const list = `CASE WHEN o."listPriceCents" IS NOT NULL THEN o."listPriceCents"
    WHEN 1 - o."discountPct" / 100.0 > 0 THEN ${roundSql(s, `o."acvCents" / (1 - o."discountPct" / 100.0)`)} ELSE 0 END`;
  return `CASE WHEN ${excess} = 0 THEN 0 ELSE ${roundSql(s, `${excess} * (${list}) / 10000.0`)} END`;
}

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

/**
 * Every grouped count the council's figures are built from, in one session: per month × lead over
 * the trend's window, per category, lead and level over the period. A fixed number of statements
 * whatever the data (no query per row, month or rule).
 */
export async function councilRows(s: Sql, window: { start: Date; end: Date }, period: Period): Promise<CouncilRows> {
  const w = [window.start, window.end];
  const p = [period.start, period.end];
  // one scan of the deals created in the window, per month × lead × category × currency: the pipeline,
  // its trend, who sourced it and the period's currencies are all summed from these rows
  const created = await s.all<Raw>(
    `SELECT ${monthSql(s, `o."createdAt"`)} AS "month", ${leadSql(`o."route"`)} AS "lead", ${categorySql} AS "category",
       o."currency" AS "currency", COUNT(*) AS "deals", SUM(o."acvCents") AS "acv"
     FROM "Opportunity" o WHERE o."createdAt" >= ? AND o."createdAt" < ? GROUP BY 1, 2, 3, 4`,
    w,
  );
  for (const r of created) r.sourcedAcv = r.category === "PARTNER_SOURCED" ? r.acv : 0;
  const periodMonths = monthsOf(period);
  const inPeriod = created.filter((r) => periodMonths.includes(String(r.month)));
  const byCategory = new Map<Category, { deals: number; acv: number }>();
  const currencies = new Map<string, number>();
  for (const r of inPeriod) {
    const c = byCategory.get(r.category as Category) ?? { deals: 0, acv: 0 };
    byCategory.set(r.category as Category, { deals: c.deals + num(r.deals), acv: c.acv + num(r.acv) });
    currencies.set(String(r.currency), (currencies.get(String(r.currency)) ?? 0) + num(r.deals));
  }
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
  const leakage = await s.all<Raw>(
    `SELECT ${monthSql(s, `o."closedAt"`)} AS "month", ${leadSql(`o."route"`)} AS "lead", COUNT(*) AS "deals",
       SUM(${leakageCentsSql(s)}) AS "cents"
     FROM "Opportunity" o
     WHERE o."stage" = 'CLOSED_WON' AND o."corridorBreach" = ? AND o."closedAt" >= ? AND o."closedAt" < ?
     GROUP BY 1, 2`,
    [true, ...w],
  );
  // the cases opened in the period per rule that routed them, as the conflict-pattern report counts them
  const rules = await ruleCounts(s, `c."openedAt" >= ? AND c."openedAt" < ?`, p);
  return {
    created: grouped(created, ["deals", "acv", "sourcedAcv"] as const),
    byCategory: [...byCategory].map(([category, sums]) => ({ category: category as Category | null, ...sums })),
    // most deals first, then by code, as ORDER BY deals DESC, currency did
    currencies: [...currencies]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([currency]) => currency),
    closed: grouped(closed, ["won", "lost", "adjusted"] as const),
    opened: grouped(opened, ["cases"] as const),
    resolved: resolved.map((r) => ({ ...grouped([r], ["cases", "seconds"] as const)[0], level: num(r.level) })),
    decided: grouped(decided, ["decided", "seconds", "onTime"] as const),
    handoffs: grouped(handoffs, ["answered", "accepted"] as const),
    mdf: new Map(mdf.map((r) => [String(r.quarter), { spent: num(r.spent), sourced: num(r.sourced) }])),
    cycle: { byMonth: cycleByMonth, byLead: cycleByLead, total: cycleTotal.get("all") ?? null },
    leakage: grouped(leakage, ["deals", "cents"] as const),
    rules,
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
