// The compiled evaluator (docs/domain.md#rules-of-engagement, speed). Built once per rule set version; a decision then
// costs one lookup per constrained fact plus at most one AND per 32 rules per fact, instead of
// re-scanning every rule's conditions:
//   1. for each fact some rule constrains, look up the cell the deal's value falls in (binary search
//      over boundaries for numbers and dates, a Map for codes) and take that cell's rule bitset;
//   2. AND the bitsets word by word in priority order; the first non-zero word's lowest bit is the
//      winning rule. Rules that do not constrain a fact have their bit set in all of its cells.
import { lowestBit, type Bitset } from "./bitset";
import { buildAxis, cellMasks, cellOf, constrainedFields, ruleCells, type Axis } from "./cells";
import { rulesInPriorityOrder } from "./decision";
import { generateWinnerIndex, type IndexedDimension } from "./codegen";
import { ExplanationPlan, planFor } from "./explain";
import type { Decision, Facts, Rule, RuleSet, Verdict } from "./types";

type MaskLookup = (facts: Facts) => Bitset;

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  /** Rules in priority order; positions are the bit indexes. */
  readonly rules: readonly Rule[];
  readonly axes: readonly Axis[];
  /** Which evaluator was built (see CompileOptions). */
  readonly evaluator: EvaluatorKind;
  /** Position of the winning rule, -1 for the default outcome. Allocation-free. */
  winnerIndex(facts: Facts): number;
  /** Winner and route without a trace; returns shared, frozen objects. */
  decide(facts: Facts): Verdict;
  /** Full Decision with the first-match trace, identical to interpret(ruleSet, facts). */
  explain(facts: Facts): Decision;
}

function lookupFor(axis: Axis, masks: readonly Bitset[]): MaskLookup {
  const read = axis.read;
  return (facts) => masks[cellOf(axis, read(facts))];
}

/** Share of (cell, rule) pairs accepted: lower means the fact rules out more rules. */
function density(masks: readonly Bitset[], ruleCount: number): number {
  let set = 0;
  for (const mask of masks) {
    for (let w = 0; w < mask.length; w++) {
      let word = mask[w];
      while (word !== 0) {
        word &= word - 1;
        set++;
      }
    }
  }
  return set / (masks.length * Math.max(ruleCount, 1));
}

type EvaluatorKind = "generated" | "closures";

export interface CompileOptions {
  /**
   * "generated" emits one specialised function (fastest); "closures" uses generic lookups and
   * works where code generation is forbidden. Default: generated, falling back to closures.
   */
  evaluator?: EvaluatorKind;
}

function closureWinnerIndex(dims: readonly IndexedDimension[], ruleCount: number): (facts: Facts) => number {
  const lookups = dims.map((d) => lookupFor(d.axis, d.masks));
  const dimCount = lookups.length;
  const words = (ruleCount + 31) >>> 5;
  const current: Bitset[] = new Array(dimCount);
  return (facts) => {
    for (let d = 0; d < dimCount; d++) current[d] = lookups[d](facts);
    const first = current[0];
    for (let w = 0; w < words; w++) {
      let acc = first[w];
      for (let d = 1; acc !== 0 && d < dimCount; d++) acc &= current[d][w];
      if (acc !== 0) return (w << 5) + lowestBit(acc);
    }
    return -1;
  };
}

function chooseWinnerIndex(
  dims: readonly IndexedDimension[],
  ruleCount: number,
  requested: EvaluatorKind | undefined,
): { kind: EvaluatorKind; winnerIndex: (facts: Facts) => number } {
  if (dims.length === 0) {
    // No rule has a condition: the first rule (if any) matches everything.
    const winner = ruleCount > 0 ? 0 : -1;
    return { kind: requested ?? "generated", winnerIndex: () => winner };
  }
  if (requested !== "closures") {
    try {
      return { kind: "generated", winnerIndex: generateWinnerIndex(dims, ruleCount) };
    } catch (error) {
      // Only "code generation is not allowed here" (CSP, edge runtimes) falls back; a bug must not hide.
      if (requested === "generated" || !(error instanceof EvalError)) throw error;
    }
  }
  return { kind: "closures", winnerIndex: closureWinnerIndex(dims, ruleCount) };
}

export function compileRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  const rules = rulesInPriorityOrder(ruleSet);
  const ruleCount = rules.length;
  const dims: (IndexedDimension & { density: number })[] = [];
  for (const [field, conditions] of constrainedFields(rules)) {
    const axis = buildAxis(field, conditions);
    const masks = cellMasks(
      axis,
      rules.map((rule) => ruleCells(axis, rule)),
    );
    dims.push({ axis, masks, density: density(masks, ruleCount) });
  }
  // Most selective facts first: the per-word AND stops as soon as a word becomes zero.
  dims.sort((a, b) => a.density - b.density);
  const { kind, winnerIndex } = chooseWinnerIndex(dims, ruleCount, options.evaluator);

  const verdicts: Verdict[] = rules.map((rule) =>
    Object.freeze({ ruleId: rule.id, rule, route: rule.outcome.route, outcome: rule.outcome }),
  );
  const defaultVerdict: Verdict = Object.freeze({
    ruleId: null,
    rule: null,
    route: ruleSet.defaultOutcome.route,
    outcome: ruleSet.defaultOutcome,
  });
  const plan = new ExplanationPlan(ruleSet, rules);

  return {
    ruleSet,
    rules,
    axes: dims.map((d) => d.axis),
    evaluator: kind,
    winnerIndex,
    decide: (facts) => {
      const i = winnerIndex(facts);
      return i < 0 ? defaultVerdict : verdicts[i];
    },
    explain: (facts) => plan.explain(facts, winnerIndex(facts)),
  };
}

const compiledCache = new WeakMap<RuleSet, CompiledRuleSet>();

/**
 * Compiles once per rule set object and reuses it: for published rule sets, which are immutable
 * (docs/domain.md#data-model). A draft that is edited in memory must be compiled afresh with compileRuleSet.
 */
export function compiledFor(ruleSet: RuleSet): CompiledRuleSet {
  let compiled = compiledCache.get(ruleSet);
  if (!compiled) {
    compiled = compileRuleSet(ruleSet);
    compiledCache.set(ruleSet, compiled);
  }
  return compiled;
}

/**
 * The trace of a decision already taken (e.g. by `decide`): each rule above the winner with its
 * first failing condition, then the winner (null = the default applied). Needs no compiled index,
 * only the cached explanation plan. Throws if a rule above the winner matches — the winner then
 * did not come from this rule set.
 */
export function explainDecision(ruleSet: RuleSet, facts: Facts, winnerRuleId: string | null): Decision {
  const plan = planFor(ruleSet);
  return plan.explain(facts, winnerRuleId === null ? -1 : plan.positionOf(winnerRuleId));
}

/** The full decision with its trace, as stored with every RouteDecision and returned by the API. */
export function evaluate(ruleSet: RuleSet, facts: Facts): Decision {
  return compiledFor(ruleSet).explain(facts);
}
