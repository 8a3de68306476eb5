// Text of traces and lint messages. Deterministic and locale-independent on purpose: the same
// decision must read the same on every server and in every stored RouteDecision, so no Intl here
// (screens format money for the user's locale with their own helper).
import { FIELD_CATALOGUE } from "./fields";
import type { FactValue } from "./facts";
import type { Condition, Scalar } from "./types";

export const MISSING_TEXT = "(none)";

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** 31200000 → "312,000.00"; with a currency code → "USD 312,000.00". */
export function formatExactCents(cents: number, currency?: string): string {
  const rounded = Math.round(cents);
  const abs = Math.abs(rounded);
  const whole = String(Math.floor(abs / 100)).replace(THOUSANDS, ",");
  const frac = String(abs % 100).padStart(2, "0");
  const amount = `${rounded < 0 ? "-" : ""}${whole}.${frac}`;
  return currency ? `${currency} ${amount}` : amount;
}

function formatNumeric(field: Condition["field"], n: number): string {
  const type = FIELD_CATALOGUE[field].type;
  if (type === "money") return formatExactCents(n);
  if (type === "date") return new Date(n).toISOString();
  return String(n);
}

/** A normalised fact value as it appears in a trace ("(none)" when missing). */
export function formatFactValue(field: Condition["field"], value: FactValue): string {
  if (value === undefined) return MISSING_TEXT;
  if (typeof value === "number") return formatNumeric(field, value);
  return String(value);
}

/** A condition operand as written in a rule (dates normalised to UTC ISO). */
function formatOperand(field: Condition["field"], value: Scalar): string {
  const type = FIELD_CATALOGUE[field].type;
  if (type === "date") {
    const ms = Date.parse(String(value));
    return ms === ms ? new Date(ms).toISOString() : String(value);
  }
  if (typeof value === "number") return formatNumeric(field, value);
  return String(value);
}

const SYMBOLS = { eq: "=", neq: "≠", gt: ">", gte: "≥", lt: "<", lte: "≤" } as const;
const NEGATED = { eq: "≠", neq: "=", gt: "≤", gte: "<", lt: "≥", lte: ">" } as const;

function list(c: Condition & { value: readonly Scalar[] }): string {
  return `[${c.value.map((v) => formatOperand(c.field, v)).join(", ")}]`;
}

/**
 * The relation between a fact and a condition's operand, written after the actual value:
 * "≥ 250,000.00", "not in [GOVERNMENT]". With `negated`, the relation that holds instead, so a
 * failed condition reads as a true statement about the deal: "vertical HEALTHCARE not in
 * [GOVERNMENT] ✗" (docs/domain.md#rules-of-engagement).
 */
export function relationText(c: Condition, negated = false): string {
  switch (c.op) {
    case "eq":
    case "neq":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return `${(negated ? NEGATED : SYMBOLS)[c.op]} ${formatOperand(c.field, c.value)}`;
    case "in":
      return `${negated ? "not in" : "in"} ${list(c)}`;
    case "notIn":
      return `${negated ? "in" : "not in"} ${list(c)}`;
    case "between":
      return `${negated ? "not in" : "in"} [${formatOperand(c.field, c.value[0])}, ${formatOperand(c.field, c.value[1])})`;
    case "isTrue":
      return negated ? "≠ true" : "= true";
    case "isFalse":
      return negated ? "≠ false" : "= false";
    case "exists":
      return negated ? "is missing" : "exists";
  }
}

export const PASS_MARK = " ✓";
export const FAIL_MARK = " ✗";
export const REASON_SEPARATOR = "; ";
/** Reason of a rule without conditions (it matches every deal). */
export const NO_CONDITIONS_REASON = "no conditions ✓";

/**
 * "acv 312,000.00 ≥ 250,000.00 ✓", "acv 120,000.00 < 250,000.00 ✗" (for `gte`). A missing fact
 * keeps the condition's own relation, "acv (none) ≥ 250,000.00 ✗": nothing holds of "(none)".
 */
export function conditionReason(c: Condition, actual: FactValue, passed: boolean): string {
  const negated = !passed && actual !== undefined;
  return `${c.field} ${formatFactValue(c.field, actual)} ${relationText(c, negated)}${passed ? PASS_MARK : FAIL_MARK}`;
}
