// fast-check generators for rule sets and facts. Operands and fact values come from small shared
// pools, so generated deals land on boundaries (and one cent either side) far more often than
// chance would, which is where a compiled index and an interpreter could disagree.
import fc from "fast-check";
import type { Condition, Facts, Outcome, Rule, RuleSet } from "@/lib/rules/types";
import { OUTCOMES } from "@/tests/factories/facts";

// More than 8 distinct values per numeric field, so both the inline and the binary-search lookups run.
const CENTS = [
  0, 1, 99, 100, 5_000, 24_999_999, 25_000_000, 25_000_001, 99_999_999, 100_000_000, 100_000_001, 500_000_000,
];
const INSTANTS = [
  "2025-12-31T23:59:59.999Z",
  "2026-01-01T00:00:00.000Z",
  "2026-01-01T00:00:00.001Z",
  "2026-03-31T23:59:59Z",
  "2026-04-01T00:00:00Z",
  "2026-07-01T00:00:00Z",
  "2026-10-01T00:00:00Z",
  "2027-01-01T00:00:00Z",
  "2027-06-15T12:00:00Z",
  "2028-01-01T00:00:00Z",
];
// Same instants spelled differently: facts must compare as instants, not as strings.
const INSTANT_SPELLINGS = ["2026-01-01T01:00:00+01:00", "2026-04-01T00:00:00.000Z", "2026-03-31T23:59:59.000Z"];
const VERTICALS = [
  "TECHNOLOGY",
  "FINANCIAL_SERVICES",
  "HEALTHCARE",
  "GOVERNMENT",
  "MANUFACTURING",
  "MEDIA",
  "BUSINESS_SERVICES",
  "EDUCATION",
  "HOSPITALITY",
  "RETAIL",
  "AUTOMOTIVE",
  "ENERGY",
] as const;
const PARTNER_TYPES = ["RESELLER", "DISTRIBUTOR", "REFERRAL", "MSP", "MARKETPLACE"] as const;
const COUNTRIES = ["US", "CA", "GB", "DE"];
const PARTNERS = Array.from({ length: 12 }, (_, i) => `p${i}`);

type Pool = { field: Condition["field"]; kind: "numeric" | "code" | "flag"; values: readonly (string | number)[] };
const POOLS: Pool[] = [
  { field: "acv", kind: "numeric", values: CENTS },
  { field: "at", kind: "numeric", values: INSTANTS },
  { field: "vertical", kind: "code", values: VERTICALS },
  { field: "partnerType", kind: "code", values: PARTNER_TYPES },
  { field: "country", kind: "code", values: COUNTRIES },
  { field: "partnerId", kind: "code", values: PARTNERS },
  { field: "namedAccount", kind: "flag", values: [] },
  { field: "regionDirectPresence", kind: "flag", values: [] },
];

function conditionArb(pool: Pool): fc.Arbitrary<Condition> {
  const { field, values } = pool;
  if (pool.kind === "flag") {
    return fc.constantFrom<Condition>({ field, op: "isTrue" }, { field, op: "isFalse" }, { field, op: "exists" });
  }
  const one = fc.constantFrom(...values);
  const some = fc.uniqueArray(one, { minLength: 1, maxLength: 4 });
  if (pool.kind === "code") {
    return fc.oneof(
      fc.record({ field: fc.constant(field), op: fc.constantFrom("eq" as const, "neq" as const), value: one }),
      fc.record({ field: fc.constant(field), op: fc.constantFrom("in" as const, "notIn" as const), value: some }),
      fc.constant<Condition>({ field, op: "exists" }),
    );
  }
  const index = fc.nat({ max: values.length - 1 });
  return fc.oneof(
    fc.record({
      field: fc.constant(field),
      op: fc.constantFrom("eq" as const, "neq" as const, "gt" as const, "gte" as const, "lt" as const, "lte" as const),
      value: one,
    }),
    fc
      .tuple(index, index)
      .filter(([a, b]) => a !== b)
      .map(([a, b]): Condition => ({ field, op: "between", value: [values[Math.min(a, b)], values[Math.max(a, b)]] })),
    fc.constant<Condition>({ field, op: "exists" }),
  );
}

const anyCondition = fc.oneof(...POOLS.map(conditionArb));
const outcome: fc.Arbitrary<Outcome> = fc.constantFrom(...Object.values(OUTCOMES));

/**
 * Rule sets with unique, shuffled priorities. Large sets get at least two conditions per rule, so
 * deals get past the first 32 rules (one bitset word) often enough to exercise the later words.
 */
export function ruleSetArb({
  minRules = 0,
  maxRules,
  minConditions = 0,
}: {
  minRules?: number;
  maxRules: number;
  minConditions?: number;
}): fc.Arbitrary<RuleSet> {
  const rule = fc.record({
    conditions: fc.array(anyCondition, { minLength: minConditions, maxLength: 4, size: "max" }),
    outcome,
  });
  return fc.array(rule, { minLength: minRules, maxLength: maxRules, size: "max" }).chain((drafts) =>
    fc
      .shuffledSubarray(
        drafts.map((_, i) => i),
        { minLength: drafts.length, maxLength: drafts.length },
      )
      .map((order) => ({
        id: "generated",
        version: 1,
        rules: drafts.map((d, i): Rule => ({
          id: `g${i}`,
          priority: order[i] * 10 + 5,
          name: `Generated ${i}`,
          rationale: "",
          ...d,
        })),
        defaultOutcome: OUTCOMES.direct,
      })),
  );
}

function factValue(pool: Pool): fc.Arbitrary<unknown> {
  const missing = fc.constantFrom(undefined, null);
  if (pool.kind === "flag") return fc.oneof(fc.boolean(), missing);
  if (pool.field === "acv")
    return fc.oneof(fc.constantFrom(...CENTS), fc.nat({ max: 600_000_000 }), missing, fc.constant("100"));
  if (pool.field === "at")
    return fc.oneof(fc.constantFrom(...INSTANTS, ...INSTANT_SPELLINGS), missing, fc.constant("not a date"));
  if (pool.field === "country") return fc.oneof(fc.constantFrom(...COUNTRIES, "FR", "JP"), missing);
  if (pool.field === "partnerId") return fc.oneof(fc.constantFrom(...PARTNERS, "p-other"), missing);
  return fc.oneof(fc.constantFrom(...pool.values), missing);
}

export const factsArb: fc.Arbitrary<Facts> = fc
  .record(Object.fromEntries(POOLS.map((p) => [p.field, factValue(p)])), { requiredKeys: [] })
  .map((f) => f as Facts);
