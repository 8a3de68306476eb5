import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleSet, explainDecision } from "@/lib/rules/compile";
import { interpret } from "@/lib/rules/interpret";
import { parseRuleSet } from "@/lib/rules/schema";
import { factsArb, ruleSetArb } from "./arbitraries";

// The compiled evaluator (both its generated and its closure form) must pick the same rule as the
// reference interpreter on every input: random rule sets of every size and operator, overlapping
// ranges, missing and mistyped facts. About 6,000 generated cases; the timeout only guards against
// a heavily loaded machine (they take ~2 s on an idle core).
const PROPERTY_TIMEOUT = 30_000;

describe("compiled evaluator ≡ interpreter", () => {
  it.each([
    ["small sets (single bitset word)", { maxRules: 32 }, 300],
    ["sets spanning several bitset words", { minRules: 33, maxRules: 200, minConditions: 2 }, 100],
  ])(
    "%s",
    (_label, shape, runs) => {
      let cases = 0;
      fc.assert(
        fc.property(ruleSetArb(shape), fc.array(factsArb, { minLength: 1, maxLength: 25 }), (ruleSet, deals) => {
          expect(parseRuleSet(ruleSet).success).toBe(true);
          const generated = compileRuleSet(ruleSet, { evaluator: "generated" });
          const closures = compileRuleSet(ruleSet, { evaluator: "closures" });
          expect(generated.evaluator).toBe("generated");
          for (const facts of deals) {
            const reference = interpret(ruleSet, facts);
            const expected = { ruleId: reference.ruleId, route: reference.route };
            expect({ ruleId: generated.decide(facts).ruleId, route: generated.decide(facts).route }).toEqual(expected);
            expect({ ruleId: closures.decide(facts).ruleId, route: closures.decide(facts).route }).toEqual(expected);
            cases++;
          }
        }),
        { numRuns: runs, seed: 20260301 },
      );
      expect(cases).toBeGreaterThan(runs * 5);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "explains exactly like the interpreter (trace text included)",
    () => {
      fc.assert(
        fc.property(
          ruleSetArb({ maxRules: 60 }),
          fc.array(factsArb, { minLength: 1, maxLength: 10 }),
          (ruleSet, deals) => {
            const compiled = compileRuleSet(ruleSet);
            for (const facts of deals) {
              const reference = interpret(ruleSet, facts);
              expect(compiled.explain(facts)).toEqual(reference);
              expect(explainDecision(ruleSet, facts, reference.ruleId)).toEqual(reference);
            }
          },
        ),
        { numRuns: 200, seed: 20260302 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
