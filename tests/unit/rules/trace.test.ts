import { describe, expect, it } from "vitest";
import { compileRuleSet, explainDecision } from "@/lib/rules/compile";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { conditionReason, formatExactCents } from "@/lib/rules/format";
import { interpret } from "@/lib/rules/interpret";
import type { Condition } from "@/lib/rules/types";
import { makeFacts, makeRuleSet } from "@/tests/factories/facts";

describe("formatExactCents", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [99, "0.99"],
    [100, "1.00"],
    [123_456, "1,234.56"],
    [31_200_000, "312,000.00"],
    [24_999_999, "249,999.99"],
    [100_000_000, "1,000,000.00"],
    [-123_456, "-1,234.56"],
    [Number.MAX_SAFE_INTEGER, "90,071,992,547,409.91"],
  ])("%d cents → %s", (cents, text) => {
    expect(formatExactCents(cents)).toBe(text);
  });

  it("prefixes the currency code when given", () => {
    expect(formatExactCents(31_200_000, "USD")).toBe("USD 312,000.00");
  });
});

describe("condition reasons", () => {
  it.each<[Condition, unknown, boolean, string]>([
    [{ field: "acv", op: "gte", value: 25_000_000 }, 31_200_000, true, "acv 312,000.00 ≥ 250,000.00 ✓"],
    [{ field: "acv", op: "gte", value: 25_000_000 }, 12_000_000, false, "acv 120,000.00 < 250,000.00 ✗"],
    [{ field: "acv", op: "gte", value: 25_000_000 }, undefined, false, "acv (none) ≥ 250,000.00 ✗"],
    [
      { field: "acv", op: "between", value: [25_000_000, 100_000_000] },
      100_000_000,
      false,
      "acv 1,000,000.00 not in [250,000.00, 1,000,000.00) ✗",
    ],
    [
      { field: "vertical", op: "in", value: ["GOVERNMENT"] },
      "HEALTHCARE",
      false,
      "vertical HEALTHCARE not in [GOVERNMENT] ✗",
    ],
    [
      { field: "vertical", op: "notIn", value: ["GOVERNMENT"] },
      "HEALTHCARE",
      true,
      "vertical HEALTHCARE not in [GOVERNMENT] ✓",
    ],
    [{ field: "partnerType", op: "neq", value: "MARKETPLACE" }, undefined, true, "partnerType (none) ≠ MARKETPLACE ✓"],
    [{ field: "namedAccount", op: "isTrue" }, false, false, "namedAccount false ≠ true ✗"],
    [{ field: "regionDirectPresence", op: "isFalse" }, false, true, "regionDirectPresence false = false ✓"],
    [{ field: "partnerId", op: "exists" }, undefined, false, "partnerId (none) exists ✗"],
    [
      { field: "at", op: "lt", value: "2026-04-01T02:00:00+02:00" },
      Date.parse("2026-05-01T00:00:00Z"),
      false,
      "at 2026-05-01T00:00:00.000Z ≥ 2026-04-01T00:00:00.000Z ✗",
    ],
  ])("%j on %j", (condition, actual, passed, text) => {
    expect(conditionReason(condition, actual as never, passed)).toBe(text);
  });
});

describe("decision trace", () => {
  const set = makeRuleSet([
    {
      id: "gov",
      conditions: [
        { field: "acv", op: "gte", value: 25_000_000 },
        { field: "vertical", op: "in", value: ["GOVERNMENT"] },
      ],
    },
    {
      id: "big",
      conditions: [
        { field: "acv", op: "gte", value: 25_000_000 },
        { field: "vertical", op: "notIn", value: ["GOVERNMENT"] },
      ],
    },
  ]);

  it("lists every rule tried up to the winner, each with the conditions checked up to the first failure", () => {
    const decision = interpret(set, makeFacts({ acv: 31_200_000, vertical: "HEALTHCARE" }));
    expect(decision.ruleId).toBe("big");
    expect(decision.trace).toEqual([
      {
        ruleId: "gov",
        priority: 10,
        matched: false,
        reason: "acv 312,000.00 ≥ 250,000.00 ✓; vertical HEALTHCARE not in [GOVERNMENT] ✗",
      },
      {
        ruleId: "big",
        priority: 20,
        matched: true,
        reason: "acv 312,000.00 ≥ 250,000.00 ✓; vertical HEALTHCARE not in [GOVERNMENT] ✓",
      },
    ]);
  });

  it("stops at the first failing condition", () => {
    const decision = interpret(set, makeFacts({ acv: 100, vertical: "GOVERNMENT" }));
    expect(decision.trace.map((t) => t.reason)).toEqual(["acv 1.00 < 250,000.00 ✗", "acv 1.00 < 250,000.00 ✗"]);
    expect(decision.ruleId).toBeNull();
  });

  it("lists all rules when the default applies, and says so for a rule without conditions", () => {
    const withCatchAll = makeRuleSet([{ conditions: [{ field: "namedAccount", op: "isTrue" }] }, { conditions: [] }]);
    expect(interpret(withCatchAll, {}).trace).toEqual([
      { ruleId: "r1", priority: 10, matched: false, reason: "namedAccount (none) = true ✗" },
      { ruleId: "r2", priority: 20, matched: true, reason: "no conditions ✓" },
    ]);
  });

  it("is identical from the interpreter, compiled explain and explainDecision", () => {
    const compiled = compileRuleSet(DEFAULT_RULE_SET);
    for (const facts of [
      makeFacts(),
      makeFacts({ acv: undefined }),
      makeFacts({ vertical: "HEALTHCARE", acv: 99_999_999 }),
      {},
    ]) {
      const reference = interpret(DEFAULT_RULE_SET, facts);
      expect(compiled.explain(facts)).toEqual(reference);
      expect(explainDecision(DEFAULT_RULE_SET, facts, compiled.decide(facts).ruleId)).toEqual(reference);
    }
  });

  it("refuses to explain a winner that a higher rule pre-empts (a stale decision)", () => {
    const facts = makeFacts({ namedAccount: true });
    expect(() => explainDecision(DEFAULT_RULE_SET, facts, "roe-70-under-250k")).toThrow(/matches/);
    expect(() => explainDecision(DEFAULT_RULE_SET, facts, null)).toThrow(/matches/);
    expect(() => explainDecision(DEFAULT_RULE_SET, facts, "no-such-rule")).toThrow(/not in rule set/);
  });
});
