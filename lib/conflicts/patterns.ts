// The conflict-pattern report (/conflicts/patterns): what the cases opened in one quarter have in
// common, so channel operations can fix the rules and territories that keep producing them. Pure:
// lib/db/conflict-patterns.ts groups and counts in SQL and hands the grouped rows here; this file
// turns them into the report and the /conflicts link behind every number.
//
// Every figure is over the cases opened in the quarter (that is what the /conflicts filters
// openedFrom/openedTo select), so each number links to exactly the list it counts.
import type { Quarter } from "@/lib/dates/quarters";

/** One group of a breakdown, as counted in SQL: `key` null for cases with no value (no account). */
type CountRow = { key: string | null; label: string | null; count: number };
/** Cases per routing rule; ruleId null when the deal was routed by the default outcome (no rule matched)
 *  or has no route decision. */
type RuleRow = {
  ruleId: string | null;
  ruleName: string | null;
  priority: number | null;
  ruleSetId: string | null;
  ruleSetVersion: number | null;
  count: number;
};
/** The middle value(s) of the resolved cases' durations at one level: the rows ranked (n+1)/2 and
 *  (n+2)/2 (integer division) of n ordered durations; one row when n is odd, two when even. */
export type MiddleRow = { level: number; n: number; seconds: number };

export type PatternRows = {
  byType: CountRow[];
  byRegion: CountRow[];
  byTier: CountRow[];
  byRule: RuleRow[];
  /** resolved cases per level at resolution */
  resolvedByLevel: { level: number; count: number }[];
  middles: MiddleRow[];
};

export type Group = { key: string; label: string; count: number; href: string | null };
export type RuleGroup = Group & { ruleSetVersion: number | null; priority: number | null; editorHref: string | null };
export type LevelResolution = { level: number; resolved: number; medianSeconds: number | null; href: string };

export type PatternReport = {
  quarter: Quarter;
  total: number;
  totalHref: string;
  byType: Group[];
  byRegion: Group[];
  byTier: Group[];
  byRule: RuleGroup[];
  topRules: RuleGroup[];
  resolution: LevelResolution[];
  resolved: number;
  resolvedHref: string;
  resolvedAtLevelOne: number;
  /** resolved at level 1 ÷ resolved, null when nothing was resolved */
  levelOneShare: number | null;
};

const LEVELS = [1, 2, 3, 4] as const;
const TOP_RULES = 5;

/** The /conflicts list filtered to exactly what a number counts (the list page's own parameter names). */
export function conflictsHref(quarter: Quarter, filters: Record<string, string> = {}): string {
  // the report counts every case of the quarter in the caller's scope, open or resolved
  const sp = new URLSearchParams({
    status: "ALL",
    slice: "all",
    ...filters,
    openedFrom: quarter.firstDay,
    openedTo: quarter.lastDay,
  });
  return `/conflicts?${sp.toString()}`;
}

/** The middle value of the numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Medians per level from the middle rows SQL selected (see MiddleRow). */
export function mediansByLevel(rows: readonly MiddleRow[]): Map<number, number> {
  const byLevel = new Map<number, number[]>();
  for (const r of rows) byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), r.seconds]);
  const out = new Map<number, number>();
  for (const [level, middles] of byLevel) out.set(level, median(middles)!);
  return out;
}

const humanize = (value: string) => {
  const s = value.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** Every value of `order` (zero when absent), then any other key SQL returned. */
function groups(
  rows: readonly CountRow[],
  order: readonly string[],
  label: (key: string, row?: CountRow) => string,
  href: (key: string) => string,
): Group[] {
  const byKey = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r]));
  const keys = [...order, ...[...byKey.keys()].filter((k) => !order.includes(k))];
  return keys.map((key) => ({
    key,
    label: label(key, byKey.get(key)),
    count: byKey.get(key)?.count ?? 0,
    href: href(key),
  }));
}

export function buildPatternReport(
  quarter: Quarter,
  rows: PatternRows,
  order: { types: readonly string[]; tiers: readonly string[] },
): PatternReport {
  const link = (filters: Record<string, string> = {}) => conflictsHref(quarter, filters);
  const byType = groups(rows.byType, order.types, humanize, (type) => link({ type }));
  const total = byType.reduce((n, g) => n + g.count, 0);

  const regions = [...rows.byRegion].sort((a, b) => b.count - a.count || (a.label ?? "").localeCompare(b.label ?? ""));
  const byRegion: Group[] = regions.map((r) =>
    r.key === null
      ? { key: "", label: "No account", count: r.count, href: null }
      : { key: r.key, label: r.label ?? r.key, count: r.count, href: link({ region: r.key }) },
  );
  const byTier = groups(rows.byTier, order.tiers, humanize, (tier) => link({ tier }));

  const byRule: RuleGroup[] = [...rows.byRule]
    .sort((a, b) => b.count - a.count || (a.priority ?? Infinity) - (b.priority ?? Infinity))
    .map((r) => ({
      key: r.ruleId ?? "",
      label: r.ruleId ? (r.ruleName ?? "Rule") : "No rule matched (default outcome)",
      count: r.count,
      href: r.ruleId ? link({ rule: r.ruleId }) : null,
      ruleSetVersion: r.ruleSetVersion,
      priority: r.priority,
      editorHref: r.ruleId && r.ruleSetId ? `/rules/${r.ruleSetId}#rule-${r.ruleId}` : null,
    }));

  const medians = mediansByLevel(rows.middles);
  const resolvedAt = new Map(rows.resolvedByLevel.map((r) => [r.level, r.count]));
  const resolution = LEVELS.map((level) => ({
    level,
    resolved: resolvedAt.get(level) ?? 0,
    medianSeconds: medians.get(level) ?? null,
    href: link({ status: "RESOLVED", level: String(level) }),
  }));
  const resolved = rows.resolvedByLevel.reduce((n, r) => n + r.count, 0);
  const resolvedAtLevelOne = resolvedAt.get(1) ?? 0;
  return {
    quarter,
    total,
    totalHref: link(),
    byType,
    byRegion,
    byTier,
    byRule,
    topRules: byRule.filter((r) => r.key !== "").slice(0, TOP_RULES),
    resolution,
    resolved,
    resolvedHref: link({ status: "RESOLVED" }),
    resolvedAtLevelOne,
    levelOneShare: resolved ? resolvedAtLevelOne / resolved : null,
  };
}
