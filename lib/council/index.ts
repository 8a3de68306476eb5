// The revenue council's metrics (docs/domain.md#revenue-council-metrics): what each figure means,
// how routes group into "who leads" and attribution categories into "who sourced", the month
// arithmetic of the period picker and the trend, and the small statistics (rates, medians, means)
// the figures are made of. Pure: lib/db/council-sql.ts counts in SQL and lib/council/figures.ts
// builds the figures from its grouped rows with these.
import { parsePeriod, shiftPeriod, type Period } from "@/lib/pricing/period";
import type { Route } from "@/lib/rules/values";

export type { Period };

/** Who leads the deal, from its route (docs/domain.md#rules-of-engagement). */
export const LEADS = ["AE", "JOINT", "PARTNER"] as const;
export type Lead = (typeof LEADS)[number];
export const LEAD_ROUTES: Record<Lead, readonly Route[]> = {
  AE: ["DIRECT", "DIRECT_PARTNER_ATTACHED"],
  JOINT: ["CO_SELL"],
  PARTNER: ["PARTNER_LED", "MARKETPLACE"],
};
export const LEAD_LABEL: Record<Lead, string> = {
  AE: "AE-led",
  JOINT: "Joint (co-sell)",
  PARTNER: "Partner-led",
};

/** The lead of a route; null for a deal not routed yet (it counts in the total only). */
export function leadOf(route: string | null | undefined): Lead | null {
  if (!route) return null;
  return LEADS.find((l) => (LEAD_ROUTES[l] as readonly string[]).includes(route)) ?? null;
}

/** Who sourced the deal: its attribution category (docs/domain.md#attribution-and-pay). */
export const CATEGORIES = ["DIRECT", "PARTNER_SOURCED", "PARTNER_COSELL", "PARTNER_INFLUENCED", "MARKETPLACE"] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABEL: Record<Category, string> = {
  DIRECT: "Direct-sourced",
  PARTNER_SOURCED: "Partner-sourced",
  PARTNER_COSELL: "Partner co-sell",
  PARTNER_INFLUENCED: "Partner-influenced",
  MARKETPLACE: "Marketplace",
};

export type Unit = "money" | "pct" | "days" | "count" | "ratio";

export const METRIC_KEYS = [
  "pipelineCreated",
  "partnerSourcedPct",
  "winRate",
  "medianCycleDays",
  "conflictRate",
  "timeToResolveDays",
  "registrationDecisionDays",
  "registrationSla",
  "handoffAcceptance",
  "discountLeakage",
  "payoutAccuracy",
  "mdfRomi",
  "escalations",
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type MetricDefinition = { label: string; definition: string; unit: Unit };

/** Each figure's label and the one sentence shown on hover (and in the API). */
export const METRICS: Record<MetricKey, MetricDefinition> = {
  pipelineCreated: {
    label: "Pipeline created",
    definition: "Total ACV of the deals created in the period, whatever their stage now.",
    unit: "money",
  },
  partnerSourcedPct: {
    label: "Partner-sourced pipeline",
    definition:
      "Share of the pipeline created in the period (by ACV) whose attribution category is partner-sourced: an approved partner registration created the deal.",
    unit: "pct",
  },
  winRate: {
    label: "Win rate",
    definition: "Deals closed won in the period ÷ deals closed won or lost in the period (by count).",
    unit: "pct",
  },
  medianCycleDays: {
    label: "Median cycle time",
    definition: "Median number of days from creation to close of the deals closed won in the period.",
    unit: "days",
  },
  conflictRate: {
    label: "Conflict rate",
    definition:
      "Conflict cases opened in the period ÷ deals created in the period. By route: cases on a deal of that route; " +
      "cases without a deal count in the total only.",
    unit: "pct",
  },
  timeToResolveDays: {
    label: "Time to resolve",
    definition:
      "Mean days from opening to resolution of the conflict cases resolved in the period, in total and by the level each was resolved at.",
    unit: "days",
  },
  registrationDecisionDays: {
    label: "Registration decision time",
    definition:
      "Mean days from submission to decision (approved or rejected) of the registrations decided in the period.",
    unit: "days",
  },
  registrationSla: {
    label: "Registration SLA attainment",
    definition: "Share of the registrations decided in the period that were decided by their review deadline.",
    unit: "pct",
  },
  handoffAcceptance: {
    label: "Hand-off acceptance",
    definition:
      "Hand-off offers made in the period that the partner accepted ÷ those it answered or let expire (open and withdrawn offers do not count).",
    unit: "pct",
  },
  discountLeakage: {
    label: "Discount leakage",
    definition:
      "What the deals won in the period were discounted beyond their pricing corridor: (discount − corridor maximum) × list price, summed.",
    unit: "money",
  },
  payoutAccuracy: {
    label: "Payout accuracy",
    definition:
      "Share of the deals won in the period whose pay (quota credit, SPIFF, partner margin) needed no later payout adjustment.",
    unit: "pct",
  },
  mdfRomi: {
    label: "MDF return",
    definition:
      "Won revenue of the deals linked to paid MDF requests ÷ what was paid, over the MDF funds of the period's " +
      "quarter(s) (a ratio: 5× means five dollars won per dollar paid; lib/mdf/romi.ts).",
    unit: "ratio",
  },
  escalations: {
    label: "Escalation patterns",
    definition:
      "Conflict cases opened in the period, and the routing rules whose deals caused the most of them (the rule that routed the deal, or its registration's).",
    unit: "count",
  },
};

// ── statistics ──

/** part ÷ whole, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The median of the values (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const DAY_SECONDS = 86_400;

// ── periods: months, quarters, trends ──

/** "2026-11" (a month) or "2026-Q4" (a quarter, the roll-up of its three months), or null. */
export function parseCouncilPeriod(label: string): Period | null {
  return parsePeriod(label);
}

/** "YYYY-MM" of a UTC instant. */
function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The months a period covers, oldest first ("2026-Q4" → 2026-10, 2026-11, 2026-12). */
export function monthsOf(p: Period): string[] {
  if (p.kind === "month") return [p.label];
  const first = parsePeriod(p.label.slice(0, 4) + "-" + String(p.start.getUTCMonth() + 1).padStart(2, "0"))!;
  return [0, 1, 2].map((i) => shiftPeriod(first, i).label);
}

/** The `n` months ending with the period's last month, oldest first: the trend's x axis. */
export function trailingMonths(p: Period, n = 12): Period[] {
  const last = parsePeriod(monthsOf(p).at(-1)!)!;
  return Array.from({ length: n }, (_, i) => shiftPeriod(last, i - n + 1));
}

/** The quarter label of a month ("2026-11" → "2026-Q4"). */
export function quarterOfMonth(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The month the picker opens on: the last complete month before `now` (UTC). */
export function defaultMonth(now: Date): string {
  return shiftPeriod(parsePeriod(monthOf(now))!, -1).label;
}

// ── roll-ups of grouped rows ──

/** A row counted in SQL: one month × lead (null: not routed) with named sums. */
export type GroupedRow<K extends string> = { month: string; lead: Lead | null } & Record<K, number>;

/** Σ of each field over the rows in `months` (and of `lead` when given; undefined: every lead, incl. none). */
export function sumRows<K extends string>(
  rows: readonly GroupedRow<K>[],
  fields: readonly K[],
  months: readonly string[],
  lead?: Lead,
): Record<K, number> {
  const out = Object.fromEntries(fields.map((f) => [f, 0])) as Record<K, number>;
  for (const r of rows) {
    if (!months.includes(r.month)) continue;
    if (lead !== undefined && r.lead !== lead) continue;
    for (const f of fields) out[f] += r[f];
  }
  return out;
}
