import { afterEach, describe, expect, it, vi } from "vitest";
import { compileRuleSet, compiledFor, evaluate } from "@/lib/rules/compile";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { interpret } from "@/lib/rules/interpret";
import { makeFacts, makeRuleSet } from "@/tests/factories/facts";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("compileRuleSet", () => {
  it("returns shared, frozen verdicts without a trace", () => {
    const compiled = compileRuleSet(DEFAULT_RULE_SET);
    const a = compiled.decide(makeFacts({ acv: 1 }));
    const b = compiled.decide(makeFacts({ acv: 2 }));
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toMatchObject({ ruleId: "roe-70-under-250k", route: "PARTNER_LED", rule: DEFAULT_RULE_SET.rules[6] });
    expect(compiled.decide({})).toMatchObject({ ruleId: null, rule: null, route: "DIRECT" });
    expect(compiled.winnerIndex(makeFacts({ namedAccount: true }))).toBe(1);
  });

  it("compiles once per rule set object", () => {
    expect(compiledFor(DEFAULT_RULE_SET)).toBe(compiledFor(DEFAULT_RULE_SET));
    expect(evaluate(DEFAULT_RULE_SET, makeFacts())).toEqual(interpret(DEFAULT_RULE_SET, makeFacts()));
  });

  it("handles rule sets whose rules have no conditions at all", () => {
    const set = makeRuleSet([{ id: "all" }, { id: "never-reached" }]);
    expect(compileRuleSet(set).decide({}).ruleId).toBe("all");
  });

  it("emits operands as literals only: quotes, backslashes and line separators stay data", () => {
    const tricky = ['x"); throw new Error("pwned"); ("', "back\\slash", "line\u2028sep", "${injection}"];
    const set = makeRuleSet(
      tricky.map((name) => ({ id: name, conditions: [{ field: "productLine", op: "eq", value: name }] })),
    );
    const compiled = compileRuleSet(set, { evaluator: "generated" });
    for (const name of tricky) expect(compiled.decide({ productLine: name }).ruleId).toBe(name);
    expect(compiled.decide({ productLine: "x" }).ruleId).toBeNull();
  });

  it("falls back to the closure evaluator where code generation is forbidden", () => {
    vi.stubGlobal("Function", function forbidden() {
      throw new EvalError("Code generation from strings disallowed for this context");
    });
    const compiled = compileRuleSet(DEFAULT_RULE_SET);
    vi.unstubAllGlobals();
    expect(compiled.evaluator).toBe("closures");
    expect(compiled.decide(makeFacts({ acv: 50_000_000 })).ruleId).toBe("roe-80-250k-to-1m");
  });

  it("does not hide other failures behind the fallback, nor when generation was requested", () => {
    vi.stubGlobal("Function", function broken() {
      throw new EvalError("forbidden");
    });
    expect(() => compileRuleSet(DEFAULT_RULE_SET, { evaluator: "generated" })).toThrow(EvalError);
    vi.stubGlobal("Function", function broken() {
      throw new TypeError("bug");
    });
    expect(() => compileRuleSet(DEFAULT_RULE_SET)).toThrow(TypeError);
  });

  it("refuses operators the field does not support instead of guessing", () => {
    const set = makeRuleSet([{ conditions: [{ field: "vertical", op: "gt", value: "MEDIA" }] }]);
    expect(() => compileRuleSet(set)).toThrow(/does not apply to vertical/);
  });
});
