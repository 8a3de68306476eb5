// The evaluators the benchmark races. Each one is prepared once per rule set and then answers
// "which rule wins?" (a rule id, or null for the default outcome) for one deal at a time.
//
// Adding another engine (json-rules-engine is one: ./json-rules-engine.ts): write an adapter that
// converts a RuleSet to the engine's format with FIRST-hit semantics, set `async: true` if its
// API returns promises (json-rules-engine's `engine.run(facts)` does), mark it `slow` if a pass
// over 100,000 deals takes more than a few seconds, set `maxDeals` if even that pass would take
// minutes, and append it to IMPLEMENTATIONS. The harness handles sync and async evaluators and
// checks its answers against the compiled evaluator's (on the deals it ran).
import { compileRuleSet } from "@/lib/rules/compile";
import { rulesInPriorityOrder } from "@/lib/rules/decision";
import { interpret } from "@/lib/rules/interpret";
import type { Facts, RuleSet } from "@/lib/rules/types";
import { handWrittenDefault } from "./handwritten";
import { jsonRulesEngineEvaluator } from "./json-rules-engine";
import { naiveEvaluator } from "./naive";

export type Evaluate = (facts: Facts) => string | null;
export type EvaluateAsync = (facts: Facts) => Promise<string | null>;

export interface Implementation {
  name: string;
  /** One line on what it is, printed under the table. */
  note: string;
  /** Only for rule sets it can evaluate (the hand-written function knows one rule set). */
  appliesTo?: (ruleSet: RuleSet) => boolean;
  /** Too slow for a separate timed run: its pass over all deals is the measurement. */
  slow?: boolean;
  /** Runs (and is checked) on the first `maxDeals` deals only: for engines a full pass would take minutes. */
  maxDeals?: number;
  async?: boolean;
  prepare: (ruleSet: RuleSet) => Evaluate | EvaluateAsync;
}

function byPosition(ruleSet: RuleSet, position: (facts: Facts) => number): Evaluate {
  const ids = rulesInPriorityOrder(ruleSet).map((r) => r.id);
  return (facts) => {
    const i = position(facts);
    return i < 0 ? null : ids[i];
  };
}

export const IMPLEMENTATIONS: Implementation[] = [
  {
    name: "compiled",
    note: "lib/rules compileRuleSet(): per-field bitset index emitted as one generated function; decide(facts).ruleId",
    prepare: (set) => {
      const compiled = compileRuleSet(set);
      return (facts) => compiled.decide(facts).ruleId;
    },
  },
  {
    name: "compiled (closures)",
    note: "the same index without code generation (the fallback where eval is forbidden)",
    prepare: (set) => {
      const compiled = compileRuleSet(set, { evaluator: "closures" });
      return (facts) => compiled.decide(facts).ruleId;
    },
  },
  {
    name: "interpreter",
    note: "lib/rules interpret(): the reference, builds the full trace text for every rule tried",
    slow: true,
    prepare: (set) => (facts) => interpret(set, facts).ruleId,
  },
  {
    name: "naive closures",
    note: "one predicate closure per condition, rules in priority order, first match wins",
    prepare: (set) => byPosition(set, naiveEvaluator(set)),
  },
  {
    name: "hand-written",
    note: "the default rule set as if-statements",
    appliesTo: (set) => set.id === "default",
    prepare: (set) => byPosition(set, handWrittenDefault),
  },
  {
    name: "json-rules-engine",
    note:
      "json-rules-engine 7: one Rule per rule, priorities mapped, conditions under `all` in written order, " +
      "engine.stop() on the first success (custom ops: exists, finite-number comparisons, date: decorator)",
    slow: true,
    async: true,
    maxDeals: Number(process.env.BENCH_ENGINE_DEALS ?? 2_000),
    prepare: (set) => jsonRulesEngineEvaluator(set),
  },
];
