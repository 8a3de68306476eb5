import { describe, expect, it } from "vitest";
import { compileRuleSet } from "@/lib/rules/compile";
import { interpret } from "@/lib/rules/interpret";
import type { Condition, Facts } from "@/lib/rules/types";
import { makeRuleSet } from "@/tests/factories/facts";

const M = (dollars: number) => Math.round(dollars * 100);

/** Does the condition hold on these facts? Asked of the interpreter and both compiled evaluators. */
function holds(condition: Condition, facts: Facts): boolean {
  const set = makeRuleSet([{ conditions: [condition] }]);
  const reference = interpret(set, facts).ruleId === "r1";
  for (const evaluator of ["generated", "closures"] as const) {
    expect(compileRuleSet(set, { evaluator }).decide(facts).ruleId === "r1", evaluator).toBe(reference);
  }
  return reference;
}

type Case = [label: string, condition: Condition, facts: Facts, expected: boolean];

const cases: Case[] = [
  // money: cents, inclusive/exclusive ends exactly at the default rule set's boundaries (lib/rules/default-rule-set.ts)
  ["eq at value", { field: "acv", op: "eq", value: 25_000_000 }, { acv: 25_000_000 }, true],
  ["eq one cent below", { field: "acv", op: "eq", value: 25_000_000 }, { acv: 24_999_999 }, false],
  ["neq at value", { field: "acv", op: "neq", value: 25_000_000 }, { acv: 25_000_000 }, false],
  ["neq elsewhere", { field: "acv", op: "neq", value: 25_000_000 }, { acv: 24_999_999 }, true],
  ["gt at value", { field: "acv", op: "gt", value: 25_000_000 }, { acv: 25_000_000 }, false],
  ["gt one cent above", { field: "acv", op: "gt", value: 25_000_000 }, { acv: 25_000_001 }, true],
  ["gte one cent below", { field: "acv", op: "gte", value: 25_000_000 }, { acv: 24_999_999 }, false],
  ["gte at value", { field: "acv", op: "gte", value: 25_000_000 }, { acv: 25_000_000 }, true],
  ["lt one cent below", { field: "acv", op: "lt", value: 25_000_000 }, { acv: 24_999_999 }, true],
  ["lt at value", { field: "acv", op: "lt", value: 25_000_000 }, { acv: 25_000_000 }, false],
  ["lte at value", { field: "acv", op: "lte", value: 100_000_000 }, { acv: 100_000_000 }, true],
  ["lte one cent above", { field: "acv", op: "lte", value: 100_000_000 }, { acv: 100_000_001 }, false],
  ["between below low", { field: "acv", op: "between", value: [25_000_000, 100_000_000] }, { acv: 24_999_999 }, false],
  [
    "between at low (inclusive)",
    { field: "acv", op: "between", value: [25_000_000, 100_000_000] },
    { acv: 25_000_000 },
    true,
  ],
  [
    "between just under high",
    { field: "acv", op: "between", value: [25_000_000, 100_000_000] },
    { acv: 99_999_999 },
    true,
  ],
  [
    "between at high (exclusive)",
    { field: "acv", op: "between", value: [25_000_000, 100_000_000] },
    { acv: 100_000_000 },
    false,
  ],
  ["zero exists", { field: "acv", op: "exists" }, { acv: 0 }, true],
  ["gte 0 on zero", { field: "acv", op: "gte", value: 0 }, { acv: 0 }, true],
  ["lt on large", { field: "acv", op: "lt", value: M(1_000_000) }, { acv: M(20_000_000) }, false],
  // enum and string codes
  ["eq enum", { field: "vertical", op: "eq", value: "HEALTHCARE" }, { vertical: "HEALTHCARE" }, true],
  ["eq other enum", { field: "vertical", op: "eq", value: "HEALTHCARE" }, { vertical: "MEDIA" }, false],
  ["neq enum", { field: "vertical", op: "neq", value: "HEALTHCARE" }, { vertical: "MEDIA" }, true],
  ["in listed", { field: "vertical", op: "in", value: ["HEALTHCARE", "GOVERNMENT"] }, { vertical: "GOVERNMENT" }, true],
  ["in unlisted", { field: "vertical", op: "in", value: ["HEALTHCARE", "GOVERNMENT"] }, { vertical: "MEDIA" }, false],
  ["notIn unlisted", { field: "vertical", op: "notIn", value: ["HEALTHCARE"] }, { vertical: "MEDIA" }, true],
  ["notIn listed", { field: "vertical", op: "notIn", value: ["HEALTHCARE"] }, { vertical: "HEALTHCARE" }, false],
  ["string in", { field: "country", op: "in", value: ["US", "CA"] }, { country: "CA" }, true],
  ["string in, other", { field: "country", op: "in", value: ["US", "CA"] }, { country: "GB" }, false],
  ["string eq is case-sensitive", { field: "region", op: "eq", value: "EMEA-WEST" }, { region: "emea-west" }, false],
  // booleans
  ["isTrue on true", { field: "namedAccount", op: "isTrue" }, { namedAccount: true }, true],
  ["isTrue on false", { field: "namedAccount", op: "isTrue" }, { namedAccount: false }, false],
  ["isFalse on false", { field: "regionDirectPresence", op: "isFalse" }, { regionDirectPresence: false }, true],
  ["isFalse on true", { field: "regionDirectPresence", op: "isFalse" }, { regionDirectPresence: true }, false],
  ["exists on false", { field: "registeredFirst", op: "exists" }, { registeredFirst: false }, true],
  // dates compare as instants, whatever the offset or precision
  [
    "gte a millisecond early",
    { field: "at", op: "gte", value: "2026-01-01T00:00:00Z" },
    { at: "2025-12-31T23:59:59.999Z" },
    false,
  ],
  [
    "gte at instant",
    { field: "at", op: "gte", value: "2026-01-01T00:00:00Z" },
    { at: "2026-01-01T00:00:00.000Z" },
    true,
  ],
  [
    "gte same instant with offset",
    { field: "at", op: "gte", value: "2026-01-01T00:00:00Z" },
    { at: "2026-01-01T01:00:00+01:00" },
    true,
  ],
  [
    "eq same instant, other spelling",
    { field: "at", op: "eq", value: "2026-01-01T00:00:00Z" },
    { at: "2026-01-01T00:00:00.000Z" },
    true,
  ],
  [
    "between last ms of quarter",
    { field: "at", op: "between", value: ["2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"] },
    { at: "2026-03-31T23:59:59.999Z" },
    true,
  ],
  [
    "between at high",
    { field: "at", op: "between", value: ["2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"] },
    { at: "2026-04-01T00:00:00Z" },
    false,
  ],
];

// Missing facts: every operator fails except neq / notIn (which hold) and exists (presence test).
const missing: Case[] = [
  ["eq", { field: "acv", op: "eq", value: 0 }, {}, false],
  ["neq", { field: "acv", op: "neq", value: 0 }, {}, true],
  ["gt", { field: "acv", op: "gt", value: 0 }, {}, false],
  ["gte", { field: "acv", op: "gte", value: 0 }, {}, false],
  ["lt", { field: "acv", op: "lt", value: 25_000_000 }, {}, false],
  ["lte", { field: "acv", op: "lte", value: 25_000_000 }, {}, false],
  ["between", { field: "acv", op: "between", value: [0, 25_000_000] }, {}, false],
  ["in", { field: "vertical", op: "in", value: ["HEALTHCARE"] }, {}, false],
  ["notIn", { field: "vertical", op: "notIn", value: ["HEALTHCARE"] }, {}, true],
  ["isTrue", { field: "namedAccount", op: "isTrue" }, {}, false],
  ["isFalse (unknown is not false)", { field: "regionDirectPresence", op: "isFalse" }, {}, false],
  ["exists", { field: "partnerId", op: "exists" }, {}, false],
  ["null counts as missing: exists", { field: "partnerId", op: "exists" }, { partnerId: null }, false],
  [
    "null counts as missing: neq",
    { field: "partnerType", op: "neq", value: "MARKETPLACE" },
    { partnerType: null },
    true,
  ],
  ["null counts as missing: isFalse", { field: "namedAccount", op: "isFalse" }, { namedAccount: null }, false],
  ["wrong type counts as missing: gte", { field: "acv", op: "gte", value: 0 }, { acv: "100" as never }, false],
  ["unparseable date counts as missing", { field: "at", op: "exists" }, { at: "next tuesday" }, false],
];

describe("operators", () => {
  it.each(cases)("%s", (_label, condition, facts, expected) => {
    expect(holds(condition, facts)).toBe(expected);
  });
});

describe("missing facts", () => {
  it.each(missing)("%s", (_label, condition, facts, expected) => {
    expect(holds(condition, facts)).toBe(expected);
  });
});

describe("conditions combine with AND, rules with FIRST hit", () => {
  const set = makeRuleSet([
    {
      conditions: [
        { field: "acv", op: "gte", value: 100 },
        { field: "vertical", op: "eq", value: "MEDIA" },
      ],
    },
    { conditions: [{ field: "acv", op: "gte", value: 100 }] },
    { conditions: [] },
  ]);

  it.each([
    [{ acv: 100, vertical: "MEDIA" } as Facts, "r1"],
    [{ acv: 100, vertical: "RETAIL" } as Facts, "r2"],
    [{ acv: 99, vertical: "MEDIA" } as Facts, "r3"],
  ])("%j → %s", (facts, ruleId) => {
    expect(interpret(set, facts).ruleId).toBe(ruleId);
    expect(compileRuleSet(set).decide(facts).ruleId).toBe(ruleId);
  });

  it("tries rules by ascending priority, not by their order in the list", () => {
    const shuffled = { ...set, rules: [...set.rules].reverse() };
    expect(interpret(shuffled, { acv: 100, vertical: "MEDIA" }).ruleId).toBe("r1");
    expect(compileRuleSet(shuffled).decide({ acv: 100, vertical: "MEDIA" }).ruleId).toBe("r1");
  });

  it("applies the default outcome when no rule matches, and with no rules at all", () => {
    const none = makeRuleSet([{ conditions: [{ field: "namedAccount", op: "isTrue" }] }]);
    expect(interpret(none, {}).route).toBe("DIRECT");
    expect(compileRuleSet(none).decide({}).ruleId).toBeNull();
    const empty = makeRuleSet([]);
    expect(interpret(empty, {}).ruleId).toBeNull();
    expect(compileRuleSet(empty).decide({}).route).toBe("DIRECT");
  });
});
