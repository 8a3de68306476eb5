// The baseline the compiled evaluator must beat by 10×: what a careful engineer writes first — one
// predicate closure per condition (operands normalised once, Sets for lists), rules sorted by
// priority, and a loop that stops at the first rule whose predicates all hold. It re-scans the
// rules' conditions for every deal, which is exactly what the compiled index avoids.
import { normalizeOperand, testCondition } from "@/lib/rules/conditions";
import { rulesInPriorityOrder } from "@/lib/rules/decision";
import { FACT_READERS, type FactValue } from "@/lib/rules/facts";
import type { Condition, Facts, RuleSet } from "@/lib/rules/types";

type Predicate = (facts: Facts) => boolean;

function predicate(c: Condition): Predicate {
  const read = FACT_READERS[c.field];
  const operand = normalizeOperand(c);
  switch (c.op) {
    case "in": {
      const set = new Set<FactValue>(operand as (string | number)[]);
      return (f) => {
        const v = read(f);
        return v !== undefined && set.has(v);
      };
    }
    case "notIn": {
      const set = new Set<FactValue>(operand as (string | number)[]);
      return (f) => !set.has(read(f));
    }
    case "between": {
      const [low, high] = operand as number[];
      return (f) => {
        const v = read(f);
        return typeof v === "number" && v >= low && v < high;
      };
    }
    default:
      return (f) => testCondition(c.op, read(f), operand);
  }
}

export function naiveEvaluator(ruleSet: RuleSet): (facts: Facts) => number {
  const rules = rulesInPriorityOrder(ruleSet).map((rule) => rule.conditions.map(predicate));
  return (facts) => {
    for (let i = 0; i < rules.length; i++) {
      const preds = rules[i];
      let k = 0;
      while (k < preds.length && preds[k](facts)) k++;
      if (k === preds.length) return i;
    }
    return -1;
  };
}
