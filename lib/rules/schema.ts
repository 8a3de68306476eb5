// Boundary validation (docs/domain.md#rules-of-engagement: "a rule set that does not validate cannot be saved"). Every
// check is driven by the field catalogue, so a condition's value must fit both its field and its
// operator; issues carry the path of the offending value (rules.3.conditions.1.value.0).
import { z } from "zod";
import { FIELD_CATALOGUE, type FieldSpec } from "./fields";
import type { Facts, RuleSet } from "./types";
import { ATTRIBUTION_CATEGORIES, FACT_FIELDS, LEAD_ROLES, OPERATORS, ROUTES } from "./values";

/** docs/domain.md#scale plans for 1,000 rules per set; the engine is benchmarked at 10,000. */
const MAX_RULES = 10_000;
export const MAX_CONDITIONS_PER_RULE = 50;
const MAX_LIST_VALUES = 1_000;
const MAX_PROTECTION_DAYS = 3_650;

const isoInstant = z.iso.datetime({ offset: true });

/** Why a single operand does not fit its field, or null when it does. */
function operandProblem(spec: FieldSpec, value: unknown): string | null {
  switch (spec.type) {
    case "money":
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? null
        : `${spec.field} takes a non-negative integer amount in cents`;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : `${spec.field} takes a finite number`;
    case "date":
      return isoInstant.safeParse(value).success
        ? null
        : `${spec.field} takes an ISO-8601 date-time with a time zone, e.g. 2026-01-01T00:00:00Z`;
    case "enum":
      return typeof value === "string" && spec.values!.includes(value)
        ? null
        : `${spec.field} takes one of ${spec.values!.join(", ")}`;
    case "string":
      return typeof value === "string" &&
        value.length <= (spec.maxLength ?? Infinity) &&
        (spec.pattern?.test(value) ?? value.length > 0)
        ? null
        : `${spec.field} takes a string of the form ${spec.pattern ?? "non-empty"} (at most ${spec.maxLength} characters)`;
    case "boolean":
      return `${spec.field} takes no operand`;
  }
}

/** Ordered comparison of two operands that each fit the field (dates compare as instants). */
function below(spec: FieldSpec, low: unknown, high: unknown): boolean {
  return spec.type === "date"
    ? Date.parse(low as string) < Date.parse(high as string)
    : (low as number) < (high as number);
}

const conditionSchema = z
  .strictObject({
    field: z.enum(FACT_FIELDS),
    op: z.enum(OPERATORS),
    value: z.unknown().optional(),
  })
  .superRefine((c, ctx) => {
    const spec = FIELD_CATALOGUE[c.field];
    const problem = (message: string, ...path: (string | number)[]) =>
      ctx.addIssue({ code: "custom", message, path: ["value", ...path] });
    if (!spec.ops.includes(c.op)) {
      ctx.addIssue({
        code: "custom",
        message: `Operator ${c.op} does not apply to ${c.field} (${spec.type}); use one of ${spec.ops.join(", ")}`,
        path: ["op"],
      });
      return;
    }
    switch (c.op) {
      case "isTrue":
      case "isFalse":
      case "exists":
        if (c.value !== undefined && c.value !== null) problem(`${c.op} takes no value`);
        return;
      case "in":
      case "notIn": {
        if (!Array.isArray(c.value) || c.value.length === 0) return problem(`${c.op} needs a non-empty list`);
        if (c.value.length > MAX_LIST_VALUES) return problem(`${c.op} takes at most ${MAX_LIST_VALUES} values`);
        const seen = new Set<unknown>();
        c.value.forEach((v, i) => {
          const why = operandProblem(spec, v);
          if (why) problem(why, i);
          else if (seen.has(v)) problem(`${String(v)} is listed twice`, i);
          seen.add(v);
        });
        return;
      }
      case "between": {
        if (!Array.isArray(c.value) || c.value.length !== 2) return problem("between needs [low, high]");
        const [low, high] = c.value;
        const whyLow = operandProblem(spec, low);
        const whyHigh = operandProblem(spec, high);
        if (whyLow) problem(whyLow, 0);
        if (whyHigh) problem(whyHigh, 1);
        if (!whyLow && !whyHigh && !below(spec, low, high)) {
          problem("Empty range: between is [low, high), so low must be below high");
        }
        return;
      }
      default: {
        const why = operandProblem(spec, c.value);
        if (why) problem(why);
      }
    }
  });

const outcomeSchema = z.strictObject({
  route: z.enum(ROUTES),
  leadRole: z.enum(LEAD_ROLES),
  protectionDays: z
    .number()
    .int()
    .min(1, "Protection is at least 1 day; use null for no protection")
    .max(MAX_PROTECTION_DAYS)
    .nullable(),
  attributionCategory: z.enum(ATTRIBUTION_CATEGORIES),
});

export const defaultOutcomeSchema = outcomeSchema.extend({ rationale: z.string().max(2_000).optional() });

export const ruleSchema = z.strictObject({
  id: z.string().min(1).max(100),
  priority: z.number().int().min(0).max(2_147_483_647), // a 32-bit integer column on PostgreSQL
  name: z.string().trim().min(1, "A rule needs a name").max(200),
  conditions: z.array(conditionSchema).max(MAX_CONDITIONS_PER_RULE),
  outcome: outcomeSchema,
  rationale: z.string().max(2_000),
});

const ruleSetSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    version: z.number().int().min(1),
    rules: z.array(ruleSchema).max(MAX_RULES),
    defaultOutcome: defaultOutcomeSchema,
  })
  .superRefine((set, ctx) => {
    // FIRST hit policy needs a total order, and traces and decisions name rules by id.
    const byPriority = new Map<number, string>();
    const ids = new Set<string>();
    set.rules.forEach((rule, i) => {
      const holder = byPriority.get(rule.priority);
      if (holder !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `Priority ${rule.priority} is already used by rule ${holder}`,
          path: ["rules", i, "priority"],
        });
      } else byPriority.set(rule.priority, rule.id);
      if (ids.has(rule.id)) {
        ctx.addIssue({ code: "custom", message: `Rule id ${rule.id} is used twice`, path: ["rules", i, "id"] });
      }
      ids.add(rule.id);
    });
  });

function factSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case "money":
      return z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
    case "number":
      return z.number();
    case "date":
      return isoInstant;
    case "boolean":
      return z.boolean();
    case "enum":
      return z.enum(spec.values as [string, ...string[]]);
    case "string": {
      const s = z
        .string()
        .min(1)
        .max(spec.maxLength ?? 200);
      return spec.pattern ? s.regex(spec.pattern) : s;
    }
  }
}

/** Facts of POST /api/v1/route-decisions: unknown fields rejected, any fact may be missing or null. */
export const factsSchema = z.strictObject(
  Object.fromEntries(FACT_FIELDS.map((f) => [f, factSchema(FIELD_CATALOGUE[f]).nullish()])),
) as unknown as z.ZodType<Facts>;

export type ParseResult<T> = { success: true; data: T } | { success: false; error: z.ZodError };

/** Validates an untrusted rule set (the schema's output is exactly the engine's RuleSet). */
export function parseRuleSet(input: unknown): ParseResult<RuleSet> {
  return ruleSetSchema.safeParse(input) as ParseResult<RuleSet>;
}

export function parseFacts(input: unknown): ParseResult<Facts> {
  return factsSchema.safeParse(input) as ParseResult<Facts>;
}
