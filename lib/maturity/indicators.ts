// The measured indicators beside the assessed dimensions (docs/domain.md#maturity): what each one
// measures, its unit, and the documented thresholds that turn a measured value into a suggested
// score (and so a stage, lib/maturity/scoring.ts). The suggestion never replaces the assessor's
// score; it shows when the assessment and the data disagree. Pure.
import type { IndicatorKey } from "./frameworks";

type IndicatorUnit = "pct" | "days";

export type IndicatorDef = {
  key: IndicatorKey;
  label: string;
  /** what the figure counts, shown on hover and under the figure */
  definition: string;
  unit: IndicatorUnit;
  /** the lowest value that earns a score of 2, 3, 4 and 5 (higher is better), or the highest (lower is better) */
  thresholds: readonly [number, number, number, number];
  better: "higher" | "lower";
};

export const INDICATOR_DEFS: Readonly<Record<IndicatorKey, IndicatorDef>> = {
  engineRoutedShare: {
    key: "engineRoutedShare",
    label: "Deals routed by the engine",
    definition: "Share of the deals closed in the period whose route came from a rules-engine decision.",
    unit: "pct",
    thresholds: [0.3, 0.6, 0.8, 0.95],
    better: "higher",
  },
  conflictResolutionDays: {
    key: "conflictResolutionDays",
    label: "Median conflict resolution time",
    definition: "Median days from opening to resolution of the conflict cases opened in the period and resolved.",
    unit: "days",
    thresholds: [30, 14, 7, 3],
    better: "lower",
  },
  approvalSlaAttainment: {
    key: "approvalSlaAttainment",
    label: "Registration approval SLA attainment",
    definition: "Share of the registrations decided in the period that were decided by their SLA deadline.",
    unit: "pct",
    thresholds: [0.5, 0.7, 0.85, 0.95],
    better: "higher",
  },
  partnerSourcedShare: {
    key: "partnerSourcedShare",
    label: "Partner-sourced share of wins",
    definition: "Share of the deals won in the period that a partner sourced (deal source PARTNER).",
    unit: "pct",
    thresholds: [0.05, 0.15, 0.25, 0.35],
    better: "higher",
  },
  discountLeakage: {
    key: "discountLeakage",
    label: "Discount leakage",
    definition:
      "Discount given beyond the pricing corridor on the deals won in the period, as a share of their total ACV.",
    unit: "pct",
    thresholds: [0.05, 0.02, 0.01, 0.005],
    better: "lower",
  },
  handoffAcceptance: {
    key: "handoffAcceptance",
    label: "Hand-off acceptance",
    definition: "Share of the hand-offs offered to partners in the period that were accepted (answered or expired).",
    unit: "pct",
    thresholds: [0.3, 0.5, 0.65, 0.8],
    better: "higher",
  },
};

/** The score (1–5) the data suggests for a measured value; null when nothing was measured. */
export function suggestedScore(key: IndicatorKey, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const def = INDICATOR_DEFS[key];
  const passed = def.thresholds.filter((t) => (def.better === "higher" ? value >= t : value <= t)).length;
  return 1 + passed;
}

/** The thresholds in words, for the page's "how the suggestion is made" note. */
export function thresholdText(key: IndicatorKey): string {
  const def = INDICATOR_DEFS[key];
  const fmt = (v: number) => (def.unit === "pct" ? `${Math.round(v * 1000) / 10}%` : `${v} days`);
  const op = def.better === "higher" ? "≥" : "≤";
  return def.thresholds.map((t, i) => `${i + 2}: ${op} ${fmt(t)}`).join(" · ");
}

/** The median of a list of numbers; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A share, null when the denominator is zero (a share of nothing is not 0%). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
