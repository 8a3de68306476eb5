// Plain-language text of rules, for people rather than traces: "ACV is at least $250,000 and
// below $1,000,000", "Vertical is one of Healthcare, Government". Shared by the read-only rule
// table, the editor's rule summaries and the lint panel's example deals, so a rule reads the same
// wherever it appears. Values read through lib/rules/value-text.ts, like the plain-language trace's.
import {
  FIELD_CATALOGUE,
  fieldSpec,
  type Condition,
  type FactField,
  type LeadRole,
  type Outcome,
  type Scalar,
} from "@/lib/rules";
import { formatDateTime, formatNumber, humanize } from "@/lib/format";
import { valueText } from "@/lib/rules/value-text";
import { RouteBadge } from "@/components/ui/badge";

const RELATION: Record<"eq" | "neq" | "gt" | "gte" | "lt" | "lte", string> = {
  eq: "is",
  neq: "is not",
  gt: "is above",
  gte: "is at least",
  lt: "is below",
  lte: "is at most",
};

/** Operator names offered by the condition builder (the same words the text uses). */
export const OP_LABELS: Record<Condition["op"], string> = {
  ...RELATION,
  in: "is one of",
  notIn: "is not one of",
  between: "is at least … and below …",
  isTrue: "is true",
  isFalse: "is false",
  exists: "is known",
};

export function conditionText(c: Condition): string {
  const label = fieldSpec(c.field).label;
  const v = (x: Scalar) => valueText(c.field, x);
  switch (c.op) {
    case "in":
    case "notIn":
      return `${label} ${OP_LABELS[c.op]} ${c.value.map(v).join(", ")}`;
    case "between":
      // [low, high): the wording carries the inclusive low and exclusive high
      return `${label} is at least ${v(c.value[0])} and below ${v(c.value[1])}`;
    case "isTrue":
    case "isFalse":
    case "exists":
      return `${label} ${OP_LABELS[c.op]}`;
    default:
      return `${label} ${RELATION[c.op]} ${v(c.value)}`;
  }
}

/** All conditions of a rule, one per line (they are ANDed); a rule without any matches every deal. */
export function ConditionList({ conditions }: { conditions: readonly Condition[] }) {
  if (conditions.length === 0) return <span className="text-slate-500">Every deal</span>;
  return (
    <ul className="space-y-0.5">
      {conditions.map((c, i) => (
        <li key={i}>
          {i > 0 && <span className="mr-1 text-xs font-semibold uppercase text-slate-500">and</span>}
          {conditionText(c)}
        </li>
      ))}
    </ul>
  );
}

export const LEAD_LABELS: Record<LeadRole, string> = { PARTNER: "Partner", AE: "AE", AE_AND_PARTNER: "AE + partner" };

export function protectionText(days: number | null): string {
  return days === null ? "No protection" : `${formatNumber(days)} day${days === 1 ? "" : "s"}`;
}

export function OutcomeSummary({ outcome }: { outcome: Outcome }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
      <RouteBadge route={outcome.route} />
      <span>led by {LEAD_LABELS[outcome.leadRole]}</span>
      <span aria-hidden className="text-slate-300">
        ·
      </span>
      <span>{protectionText(outcome.protectionDays)}</span>
      <span aria-hidden className="text-slate-300">
        ·
      </span>
      <span>{humanize(outcome.attributionCategory)}</span>
    </span>
  );
}

/** A deal's facts (e.g. a lint example, a stored decision's) as label/value pairs; unknown keys are left out. */
export function factEntries(
  facts: Record<string, unknown>,
  partnerNames: Record<string, string> = {},
): [string, string][] {
  return Object.entries(facts)
    .filter(([field, v]) => v !== undefined && v !== null && field in FIELD_CATALOGUE)
    .map(([field, v]) => [
      fieldSpec(field as FactField).label,
      field === "partnerId" && typeof v === "string" && partnerNames[v]
        ? partnerNames[v]
        : valueText(field as FactField, v as Scalar | boolean),
    ]);
}

export type RuleSetWindowLike = {
  id: string;
  status: string;
  effectiveFrom: Date | string | null;
  effectiveTo: Date | string | null;
};

/**
 * The status people need, not the stored one: a PUBLISHED set may still be waiting for its
 * effectiveFrom, and one whose window closed stays PUBLISHED until the next publish retires it.
 */
export function ruleSetStatus(
  set: RuleSetWindowLike,
  inForceId: string | null,
  now: Date,
): { label: string; tone: "blue" | "green" | "amber" | "slate" } {
  if (set.status === "DRAFT") return { label: "Draft", tone: "blue" };
  if (set.id === inForceId) return { label: "Published — in force", tone: "green" };
  if (set.effectiveFrom && new Date(set.effectiveFrom) > now)
    return { label: `Published — scheduled from ${formatDateTime(set.effectiveFrom)}`, tone: "amber" };
  return { label: "Retired", tone: "slate" };
}

export function windowText(set: {
  status?: string;
  effectiveFrom: Date | string | null;
  effectiveTo: Date | string | null;
}): string {
  // a draft's window means nothing until publishing sets it
  if (set.status === "DRAFT" || !set.effectiveFrom) return "Not published yet";
  return `${formatDateTime(set.effectiveFrom)} → ${set.effectiveTo ? formatDateTime(set.effectiveTo) : "open-ended"}`;
}
