// The editor's working copy of a draft. Inputs hold the text people type (dollars, UTC
// date-times, comma lists) and are converted to the engine's shapes only on save and lint, so a
// half-typed amount never becomes a wrong number of cents. Conversion problems are reported with
// the same paths the server uses (rules.3.conditions.1.value), so one error display serves both.
import {
  fieldSpec,
  type Condition,
  type DefaultOutcome,
  type FactField,
  type Operator,
  type Outcome,
  type Rule,
  type Scalar,
} from "@/lib/rules";
import { dollarsText, parseDollars } from "@/lib/money";

export type EditorCondition = {
  key: string;
  field: FactField;
  op: Operator;
  value: string;
  values: string[];
  low: string;
  high: string;
};
export type EditorOutcome = Omit<Outcome, "protectionDays"> & { protectionDays: string };
export type EditorRule = {
  key: string;
  id: string;
  priority: number;
  name: string;
  rationale: string;
  conditions: EditorCondition[];
  outcome: EditorOutcome;
};
export type EditorDefault = EditorOutcome & { rationale: string };
export type FieldErrors = Record<string, string[]>;

let counter = 0;
/** Local keys and ids for new rules: the server replaces rule ids on save, they only need to be unique. */
function newKey(prefix = "k"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

// ---- cents ⇄ dollars (lib/money.ts), ISO ⇄ <input type="datetime-local"> (always UTC, as every screen shows) ----

function isoToInput(iso: string): string {
  const ms = Date.parse(iso);
  return ms === ms ? new Date(ms).toISOString().slice(0, 16) : "";
}

export function inputToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const ms = Date.parse(`${local}:00Z`);
  return ms === ms ? new Date(ms).toISOString() : null;
}

// ---- engine → editor ----

function operandToText(field: FactField, v: Scalar | undefined): string {
  if (v === undefined || v === null) return "";
  const type = fieldSpec(field).type;
  if (type === "money" && typeof v === "number") return dollarsText(v);
  if (type === "date") return isoToInput(String(v));
  return String(v);
}

export function blankCondition(field: FactField = "acv", key = newKey("c")): EditorCondition {
  return { key, field, op: fieldSpec(field).ops[0], value: "", values: [], low: "", high: "" };
}

/** `key` is derived from stored ids for loaded rules, so server and browser render the same ids. */
function toEditorCondition(c: Condition, key: string): EditorCondition {
  const base = { ...blankCondition(c.field, key), op: c.op };
  switch (c.op) {
    case "in":
    case "notIn": {
      const list = c.value.map(String);
      return fieldSpec(c.field).type === "enum" ? { ...base, values: list } : { ...base, value: list.join(", ") };
    }
    case "between":
      return { ...base, low: operandToText(c.field, c.value[0]), high: operandToText(c.field, c.value[1]) };
    case "isTrue":
    case "isFalse":
    case "exists":
      return base;
    default:
      return { ...base, value: operandToText(c.field, c.value) };
  }
}

function toEditorOutcome(o: Outcome): EditorOutcome {
  return {
    route: o.route,
    leadRole: o.leadRole,
    attributionCategory: o.attributionCategory,
    protectionDays: o.protectionDays === null ? "" : String(o.protectionDays),
  };
}

export function toEditorRules(rules: readonly Rule[]): EditorRule[] {
  return rules.map((r) => {
    const key = `r-${r.id}`;
    const conditions = r.conditions.map((c, j) => toEditorCondition(c, `${key}-c${j}`));
    return {
      key,
      id: r.id,
      priority: r.priority,
      name: r.name,
      rationale: r.rationale,
      conditions,
      outcome: toEditorOutcome(r.outcome),
    };
  });
}

export function toEditorDefault(d: DefaultOutcome): EditorDefault {
  return { ...toEditorOutcome(d), rationale: d.rationale ?? "" };
}

export function blankRule(priority: number): EditorRule {
  return {
    key: newKey("r"),
    id: newKey("new"),
    priority,
    name: "",
    rationale: "",
    conditions: [blankCondition()],
    outcome: {
      route: "PARTNER_LED",
      leadRole: "PARTNER",
      protectionDays: "90",
      attributionCategory: "PARTNER_SOURCED",
    },
  };
}

// ---- editor → engine ----

type Errors = FieldErrors;
/** Records a problem; returns null so a parser can `return fail(…)`. */
function fail(errors: Errors, path: string, message: string): null {
  (errors[path] ??= []).push(message);
  return null;
}

function parseOperand(field: FactField, text: string, path: string, errors: Errors): Scalar | null {
  const spec = fieldSpec(field);
  const t = text.trim();
  if (t === "") return fail(errors, path, "Enter a value");
  switch (spec.type) {
    case "money": {
      const cents = parseDollars(t);
      return cents ?? fail(errors, path, "Enter an amount in dollars, e.g. 250000 or 250,000.50");
    }
    case "number":
      return Number.isFinite(Number(t)) ? Number(t) : fail(errors, path, "Enter a number");
    case "date":
      return inputToIso(t) ?? fail(errors, path, "Enter a date and time");
    default:
      return t;
  }
}

function toCondition(c: EditorCondition, path: string, errors: Errors): Condition | null {
  const { field, op } = c;
  if (op === "isTrue" || op === "isFalse" || op === "exists") return { field, op };
  if (op === "in" || op === "notIn") {
    const enumSpec = fieldSpec(field);
    // enum lists keep the order they were picked in, so re-saving an untouched rule changes nothing
    const list =
      enumSpec.type === "enum"
        ? c.values.filter((v) => enumSpec.values!.includes(v))
        : c.value
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
    if (list.length === 0) return fail(errors, `${path}.value`, "Pick at least one value");
    return { field, op, value: list };
  }
  if (op === "between") {
    const low = parseOperand(field, c.low, `${path}.value.0`, errors);
    const high = parseOperand(field, c.high, `${path}.value.1`, errors);
    return low === null || high === null ? null : { field, op, value: [low, high] };
  }
  const value = parseOperand(field, c.value, `${path}.value`, errors);
  return value === null ? null : { field, op, value };
}

function toOutcome(o: EditorOutcome, path: string, errors: Errors): Outcome {
  const t = o.protectionDays.trim();
  let protectionDays: number | null = null;
  if (t !== "") {
    protectionDays = Number(t);
    if (!Number.isInteger(protectionDays) || protectionDays < 1)
      fail(errors, `${path}.protectionDays`, "Whole days, at least 1 (leave empty for no protection)");
  }
  return { route: o.route, leadRole: o.leadRole, attributionCategory: o.attributionCategory, protectionDays };
}

export type EngineDraft = { rules: Rule[]; defaultOutcome: DefaultOutcome };

/** The payload for save and lint, or the problems that stop it from being sent. */
export function toEngineDraft(rules: EditorRule[], def: EditorDefault): { draft: EngineDraft; errors: Errors } {
  const errors: Errors = {};
  const out: Rule[] = rules.map((r, i) => {
    const path = `rules.${i}`;
    if (!r.name.trim()) fail(errors, `${path}.name`, "A rule needs a name");
    const conditions = r.conditions
      .map((c, j) => toCondition(c, `${path}.conditions.${j}`, errors))
      .filter((c): c is Condition => c !== null);
    return {
      id: r.id,
      priority: r.priority,
      name: r.name.trim(),
      rationale: r.rationale,
      conditions,
      outcome: toOutcome(r.outcome, `${path}.outcome`, errors),
    };
  });
  const outcome = toOutcome(def, "defaultOutcome", errors);
  const defaultOutcome: DefaultOutcome = def.rationale.trim() ? { ...outcome, rationale: def.rationale } : outcome;
  return { draft: { rules: out, defaultOutcome }, errors };
}

/** Errors keyed by rule key (so they follow a rule when it moves) and the rest by path. */
export type ErrorIndex = { byRule: Record<string, FieldErrors>; other: FieldErrors };

export function indexErrors(errors: FieldErrors, rules: EditorRule[]): ErrorIndex {
  const index: ErrorIndex = { byRule: {}, other: {} };
  for (const [path, messages] of Object.entries(errors)) {
    const m = /^rules\.(\d+)(?:\.(.*))?$/.exec(path);
    const rule = m ? rules[Number(m[1])] : undefined;
    if (rule) (index.byRule[rule.key] ??= {})[m![2] ?? "_"] = messages;
    else index.other[path] = messages;
  }
  return index;
}

/** Messages under a path prefix ("conditions.2" matches "conditions.2.value.0"). */
export function messagesUnder(errors: FieldErrors | undefined, prefix: string): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .filter(([p]) => p === prefix || p.startsWith(`${prefix}.`))
    .flatMap(([, m]) => m);
}

/** Engine conditions of a rule for its plain-language summary, or null while some are half-typed. */
export function previewConditions(conditions: EditorCondition[]): Condition[] | null {
  const errors: Errors = {};
  const out = conditions.map((c, j) => toCondition(c, String(j), errors));
  return Object.keys(errors).length > 0 ? null : (out as Condition[]);
}

/** Outcome errors of a rule ("outcome.route") keyed by the outcome's own field names. */
export function outcomeErrors(errors: FieldErrors | undefined, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [p, m] of Object.entries(errors ?? {}))
    if (p.startsWith(`${prefix}.`)) out[p.slice(prefix.length + 1)] = m;
  return out;
}
