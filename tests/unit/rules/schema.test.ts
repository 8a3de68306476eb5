import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { parseFacts, parseRuleSet } from "@/lib/rules/schema";
import { zodFieldErrors } from "@/lib/validation/errors";
import { makeFacts, makeRuleSet } from "@/tests/factories/facts";

/** Issues of a rule set whose only rule has this one condition. */
function conditionIssues(condition: unknown): { path: string; message: string }[] {
  const set = makeRuleSet([{ conditions: [condition as never] }]);
  const result = parseRuleSet(set);
  return result.success
    ? []
    : Object.entries(zodFieldErrors(result.error)).flatMap(([path, messages]) =>
        messages.map((message) => ({ path, message })),
      );
}

const at = (suffix: string) => `rules.0.conditions.0${suffix}`;

describe("rule set schema: conditions", () => {
  it.each<[string, unknown, string, RegExp]>([
    ["unknown field", { field: "discount", op: "eq", value: 1 }, at(".field"), /Invalid option/],
    ["unknown operator", { field: "acv", op: "like", value: 1 }, at(".op"), /Invalid option/],
    ["extra key", { field: "acv", op: "eq", value: 1, note: "x" }, at(""), /Unrecognized key/],
    [
      "operator that does not fit the field",
      { field: "vertical", op: "gt", value: "MEDIA" },
      at(".op"),
      /does not apply to vertical/,
    ],
    ["list operator on money", { field: "acv", op: "in", value: [1, 2] }, at(".op"), /does not apply to acv/],
    ["fractional cents", { field: "acv", op: "gte", value: 2_500_000.5 }, at(".value"), /integer amount in cents/],
    ["negative money", { field: "acv", op: "lt", value: -1 }, at(".value"), /non-negative/],
    ["money as a string", { field: "acv", op: "lt", value: "250000" }, at(".value"), /cents/],
    [
      "enum value outside its list",
      { field: "vertical", op: "eq", value: "PHARMA" },
      at(".value"),
      /one of TECHNOLOGY/,
    ],
    ["empty in list", { field: "vertical", op: "in", value: [] }, at(".value"), /non-empty list/],
    ["in with a scalar", { field: "vertical", op: "in", value: "MEDIA" }, at(".value"), /non-empty list/],
    [
      "invalid value inside a list",
      { field: "vertical", op: "notIn", value: ["MEDIA", "PHARMA"] },
      at(".value.1"),
      /one of/,
    ],
    [
      "duplicate list value",
      { field: "vertical", op: "in", value: ["MEDIA", "MEDIA"] },
      at(".value.1"),
      /listed twice/,
    ],
    ["inverted range", { field: "acv", op: "between", value: [100_000_000, 25_000_000] }, at(".value"), /Empty range/],
    ["empty range", { field: "acv", op: "between", value: [25_000_000, 25_000_000] }, at(".value"), /Empty range/],
    [
      "inverted date range",
      { field: "at", op: "between", value: ["2026-04-01T00:00:00Z", "2026-01-01T00:00:00Z"] },
      at(".value"),
      /Empty range/,
    ],
    ["between with one bound", { field: "acv", op: "between", value: [1] }, at(".value"), /\[low, high\]/],
    ["bad bound in between", { field: "acv", op: "between", value: [0, -5] }, at(".value.1"), /non-negative/],
    ["date without time zone", { field: "at", op: "gte", value: "2026-01-01T00:00:00" }, at(".value"), /time zone/],
    ["country not alpha-2", { field: "country", op: "eq", value: "usa" }, at(".value"), /country/],
    ["truth test with a value", { field: "namedAccount", op: "isTrue", value: true }, at(".value"), /takes no value/],
    ["truth test on a code", { field: "vertical", op: "isTrue" }, at(".op"), /does not apply/],
  ])("rejects %s", (_label, condition, path, message) => {
    const issues = conditionIssues(condition);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each<[string, unknown]>([
    ["money range", { field: "acv", op: "between", value: [25_000_000, 100_000_000] }],
    ["date with offset", { field: "at", op: "lt", value: "2026-04-01T00:00:00+02:00" }],
    ["truth test with null value", { field: "namedAccount", op: "isFalse", value: null }],
    ["exists without value", { field: "partnerId", op: "exists" }],
    ["string list", { field: "region", op: "notIn", value: ["EMEA-WEST", "NA"] }],
  ])("accepts %s", (_label, condition) => {
    expect(conditionIssues(condition)).toEqual([]);
  });
});

describe("rule set schema: rules and sets", () => {
  it("accepts the default rule set", () => {
    expect(parseRuleSet(DEFAULT_RULE_SET).success).toBe(true);
  });

  it("rejects duplicate priorities and ids, pointing at the second rule", () => {
    const set = makeRuleSet([
      { id: "a", priority: 10 },
      { id: "b", priority: 10 },
      { id: "a", priority: 30 },
    ]);
    const result = parseRuleSet(set);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error)).toEqual({
      "rules.1.priority": ["Priority 10 is already used by rule a"],
      "rules.2.id": ["Rule id a is used twice"],
    });
  });

  it.each<[string, (set: Record<string, unknown>) => void, string]>([
    ["unknown top-level key", (s) => (s.status = "DRAFT"), "_"],
    ["version 0", (s) => (s.version = 0), "version"],
    [
      "bad default route",
      (s) => ((s.defaultOutcome as Record<string, unknown>).route = "INDIRECT"),
      "defaultOutcome.route",
    ],
    [
      "zero protection days",
      (s) => ((s.rules as Record<string, Record<string, unknown>>[])[0].outcome.protectionDays = 0),
      "rules.0.outcome.protectionDays",
    ],
    ["blank rule name", (s) => ((s.rules as Record<string, unknown>[])[0].name = "  "), "rules.0.name"],
    ["fractional priority", (s) => ((s.rules as Record<string, unknown>[])[0].priority = 1.5), "rules.0.priority"],
    ["unknown rule key", (s) => ((s.rules as Record<string, unknown>[])[0].enabled = true), "rules.0"],
  ])("rejects %s", (_label, mutate, path) => {
    const set = structuredClone(DEFAULT_RULE_SET) as unknown as Record<string, unknown>;
    mutate(set);
    const result = parseRuleSet(set);
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(zodFieldErrors(result.error))).toContain(path);
  });
});

describe("facts schema", () => {
  it("accepts full facts, partial facts and nulls", () => {
    expect(parseFacts(makeFacts()).success).toBe(true);
    expect(parseFacts({}).success).toBe(true);
    expect(parseFacts({ acv: 1, partnerId: null, priorRoute: null }).success).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ["unknown fact", { acv: 1, discount: 5 }, "_"],
    ["dollars instead of cents", { acv: 2500.5 }, "acv"],
    ["negative ACV", { acv: -1 }, "acv"],
    ["unknown vertical", { vertical: "PHARMA" }, "vertical"],
    ["unknown registration status", { registrationStatus: "PENDING" }, "registrationStatus"],
    ["string flag", { namedAccount: "yes" }, "namedAccount"],
    ["local time", { at: "2026-01-01T10:00:00" }, "at"],
    ["lower-case country", { country: "us" }, "country"],
  ])("rejects %s", (_label, facts, path) => {
    const result = parseFacts(facts);
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(zodFieldErrors(result.error))).toContain(path);
  });
});
