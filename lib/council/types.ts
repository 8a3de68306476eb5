// The shapes of the revenue council's figures (docs/domain.md#revenue-council-metrics): what
// lib/council/figures.ts builds (Metric, CouncilMetrics; read by /exec, GET /api/v1/council and the
// council pack) and the grouped counts it builds them from (CouncilRows, read by lib/db/council-sql.ts).
import type { Category, GroupedRow, Lead, MetricKey, Unit } from "./index";

/** A count behind a figure, with the list that shows exactly it. */
type Count = { label: string; count: number; href: string | null };
/** One slice of a figure (a route group, a category, a level, a rule). */
export type Slice = { key: string; label: string; value: number | null; count: number; href: string | null };

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

/** The grouped counts the figures are built from (lib/db/council-sql.ts councilRows). */
export type CouncilRows = {
  /** deals created per month × lead (ACV in cents; sourcedAcv: the partner-sourced part) */
  created: GroupedRow<"deals" | "acv" | "sourcedAcv">[];
  /** deals created in the period per attribution category */
  byCategory: { category: Category | null; deals: number; acv: number }[];
  /** the period's currencies, most deals first */
  currencies: string[];
  closed: GroupedRow<"won" | "lost" | "adjusted">[];
  opened: GroupedRow<"cases">[];
  resolved: (GroupedRow<"cases" | "seconds"> & { level: number })[];
  decided: GroupedRow<"decided" | "seconds" | "onTime">[];
  handoffs: GroupedRow<"answered" | "accepted">[];
  /** MDF spent and partner-sourced won per quarter ("2026-Q4") */
  mdf: Map<string, { spent: number; sourced: number }>;
  /** median cycle time of won deals in seconds, per month, per lead and over the period */
  cycle: { byMonth: Map<string, number | null>; byLead: Map<string, number | null>; total: number | null };
  leakage: GroupedRow<"deals" | "cents">[];
  /** cases opened in the period per rule that routed them */
  rules: { ruleId: string | null; ruleName: string | null; priority: number | null; count: number }[];
};
