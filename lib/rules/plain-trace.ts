// A decision's trace in plain language, from each rule's own condition and the deal's actual fact:
// "ACV is $2.2M — not below $250K", "Vertical is Healthcare — one of Healthcare, Government,
// Financial services", "Named account: no — the rule needs yes". The one renderer behind every
// surface that shows a trace (docs/domain.md#reading-a-decision). The engine's own text
// (format.ts: "acv 2,235,500.00 ≥ 250,000.00 ✗") rides along as `technical`, for staff only;
// what a partner may read is decided by redact.ts.
import { conditionHolds } from "./conditions";
import { readFact, type FactValue } from "./facts";
import { fieldSpec } from "./fields";
import type { Condition, Facts, Rule, RuleSet, Scalar, TraceEntry } from "./types";
import type { FactField } from "./values";
import { compactDollarsText, valueText, yesNo } from "./value-text";

export interface PlainClause {
  field: FactField;
  passed: boolean;
  /** "ACV is $2.2M — not below $250K" */
  text: string;
}

export interface PlainTraceEntry {
  /** null for the default outcome, which applies when no rule matched. */
  ruleId: string | null;
  priority: number | null;
  name: string;
  matched: boolean;
  /** The rule's reason in the rule set's own words (shown to partners and AEs). */
  rationale: string;
  /** The conditions checked, in order, up to and including the first that failed. */
  clauses: PlainClause[];
  /** The clauses as one sentence ("" when none can be shown). */
  reason: string;
  /** The engine's text of the same check ("acv 2,235,500.00 ≥ 250,000.00 ✗"); staff only. */
  technical?: string;
  /**
   * Partner view only: the rule turned on facts the vendor keeps to itself (redact.ts), so it is
   * shown by its name and rationale alone.
   */
  withheld?: boolean;
  /** The rule is missing from the set or no longer gives the stored result on these facts. */
  unexplained?: boolean;
}

export interface PlainTraceOptions {
  /** Partner ids → names, so a condition on partners names them rather than printing ids. */
  partnerNames?: Readonly<Record<string, string>>;
}

type Words = { gt: string; gte: string; lt: string; lte: string };
const AMOUNT_WORDS: Words = { gt: "above", gte: "at least", lt: "below", lte: "at most" };
const DATE_WORDS: Words = { gt: "after", gte: "on or after", lt: "before", lte: "on or before" };

const NO_CONDITIONS_TEXT = "No conditions — the rule applies to every deal";
const DEFAULT_OUTCOME_NAME = "Default outcome";
const DEFAULT_REASON = "No rule matched, so the default outcome applies";
const MISMATCH_REASON = "The conditions of this rule cannot be shown for this decision";

function operandsOf(c: Condition): Scalar[] {
  switch (c.op) {
    case "in":
    case "notIn":
    case "between":
      return [...c.value];
    case "isTrue":
    case "isFalse":
    case "exists":
      return [];
    default:
      return [c.value];
  }
}

/**
 * Compact dollars read well ("$2.2M") but can make two different amounts look equal ($249,999.99
 * and $250,000 are both "$250K"), which would read as a contradiction; then the clause is exact.
 */
function compactIsSafe(field: FactField, actual: FactValue, operands: Scalar[]): boolean {
  if (fieldSpec(field).type !== "money") return false;
  const amounts = [...operands, ...(typeof actual === "number" ? [actual] : [])].filter(
    (v): v is number => typeof v === "number",
  );
  const seen = new Map<string, number>();
  for (const amount of amounts) {
    const text = compactDollarsText(amount);
    const other = seen.get(text);
    if (other !== undefined && other !== amount) return false;
    seen.set(text, amount);
  }
  return true;
}

function clauseText(c: Condition, actual: FactValue, passed: boolean, opts: PlainTraceOptions): string {
  const spec = fieldSpec(c.field);
  const compact = compactIsSafe(c.field, actual, operandsOf(c));
  const v = (x: Scalar | boolean): string =>
    c.field === "partnerId" && typeof x === "string"
      ? (opts.partnerNames?.[x] ?? x)
      : valueText(c.field, x, { compact });
  const list = (xs: readonly Scalar[]) => xs.map(v).join(", ");
  const missing = actual === undefined;
  const subject = missing
    ? `${spec.label}: not known`
    : typeof actual === "boolean"
      ? `${spec.label}: ${yesNo(actual, true)}`
      : `${spec.label} is ${v(actual)}`;
  const words = spec.type === "date" ? DATE_WORDS : AMOUNT_WORDS;
  let relation: string;
  switch (c.op) {
    case "eq":
      relation = `the rule needs ${v(c.value)}`;
      break;
    case "neq":
      relation = `the rule excludes ${v(c.value)}`;
      break;
    case "in":
      relation = missing ? `the rule needs one of ${list(c.value)}` : `${passed ? "" : "not "}one of ${list(c.value)}`;
      break;
    case "notIn":
      relation = passed ? `not one of ${list(c.value)}` : `the rule excludes ${list(c.value)}`;
      break;
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const bound = `${words[c.op]} ${v(c.value)}`;
      relation = missing ? `the rule needs it ${bound}` : passed ? bound : `not ${bound}`;
      break;
    }
    case "between": {
      const [low, high] = c.value;
      const band = `${words.gte} ${v(low)} and ${words.lt} ${v(high)}`;
      if (missing) relation = `the rule needs it ${band}`;
      else if (passed) relation = band;
      // say which end it misses: [low, high) holds from low up to, not including, high
      else
        relation = conditionHolds({ field: c.field, op: "lt", value: low }, actual)
          ? `not ${words.gte} ${v(low)}`
          : `not ${words.lt} ${v(high)}`;
      break;
    }
    case "isTrue":
      relation = "the rule needs yes";
      break;
    case "isFalse":
      relation = "the rule needs no";
      break;
    case "exists":
      relation = passed ? "the rule only needs it known" : "the rule needs it known";
      break;
  }
  return `${subject} — ${relation}`;
}

/** The conditions of one rule against the facts, in written order, stopping at the first failure. */
export function plainClauses(rule: Rule, facts: Facts, opts: PlainTraceOptions = {}): PlainClause[] {
  const clauses: PlainClause[] = [];
  for (const c of rule.conditions) {
    const actual = readFact(facts, c.field);
    const passed = conditionHolds(c, actual);
    clauses.push({ field: c.field, passed, text: clauseText(c, actual, passed, opts) });
    if (!passed) break;
  }
  return clauses;
}

function joinClauses(clauses: readonly PlainClause[]): string {
  return clauses.map((c) => c.text).join("; ");
}

/**
 * The plain-language form of a decision's trace (as stored with every RouteDecision, or fresh from
 * `evaluate`), given the rule set it was decided under and the facts it was decided on. Rules are
 * looked up by id; a rule the set no longer holds, or whose conditions no longer give the stored
 * result on these facts, keeps only its name and the technical text. When no rule matched, the
 * default outcome closes the list.
 */
export function plainTrace(
  ruleSet: RuleSet,
  facts: Facts,
  trace: readonly TraceEntry[],
  opts: PlainTraceOptions = {},
): PlainTraceEntry[] {
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const entries = trace.map((t): PlainTraceEntry => {
    const rule = rules.get(t.ruleId);
    const base = {
      ruleId: t.ruleId,
      priority: t.priority,
      name: rule?.name ?? `Rule ${t.priority}`,
      matched: t.matched,
      rationale: rule?.rationale ?? "",
      technical: t.reason,
    };
    const unexplained = { ...base, clauses: [], reason: MISMATCH_REASON, unexplained: true };
    if (!rule) return unexplained;
    if (rule.conditions.length === 0) return { ...base, clauses: [], reason: NO_CONDITIONS_TEXT };
    const clauses = plainClauses(rule, facts, opts);
    if (clauses.every((c) => c.passed) !== t.matched) return unexplained;
    return { ...base, clauses, reason: joinClauses(clauses) };
  });
  if (!trace.some((t) => t.matched)) {
    entries.push({
      ruleId: null,
      priority: null,
      name: DEFAULT_OUTCOME_NAME,
      matched: true,
      rationale: ruleSet.defaultOutcome.rationale ?? "",
      clauses: [],
      reason: DEFAULT_REASON,
    });
  }
  return entries;
}
