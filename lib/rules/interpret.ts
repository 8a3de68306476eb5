// The reference interpreter: the obvious reading of docs/domain.md#rules-of-engagement, kept deliberately simple. The
// compiled evaluator must agree with it on every input (property-tested), so clarity beats speed.
import { normalizeOperand, testCondition } from "./conditions";
import { makeDecision, rulesInPriorityOrder } from "./decision";
import { readFact } from "./facts";
import { NO_CONDITIONS_REASON, REASON_SEPARATOR, conditionReason } from "./format";
import type { Decision, Facts, Rule, RuleSet, TraceEntry } from "./types";

/**
 * Tries one rule: conditions in their written order, stopping at the first that fails, so the
 * reason lists what was checked up to and including the failure, each with the actual fact value.
 */
function traceRule(rule: Rule, facts: Facts): TraceEntry {
  if (rule.conditions.length === 0) {
    return { ruleId: rule.id, priority: rule.priority, matched: true, reason: NO_CONDITIONS_REASON };
  }
  const parts: string[] = [];
  let matched = true;
  for (const c of rule.conditions) {
    const actual = readFact(facts, c.field);
    const passed = testCondition(c.op, actual, normalizeOperand(c));
    parts.push(conditionReason(c, actual, passed));
    if (!passed) {
      matched = false;
      break;
    }
  }
  return { ruleId: rule.id, priority: rule.priority, matched, reason: parts.join(REASON_SEPARATOR) };
}

/** FIRST hit policy: rules in ascending priority, first match wins, else the default outcome. */
export function interpret(ruleSet: RuleSet, facts: Facts): Decision {
  const trace: TraceEntry[] = [];
  for (const rule of rulesInPriorityOrder(ruleSet)) {
    const entry = traceRule(rule, facts);
    trace.push(entry);
    if (entry.matched) return makeDecision(ruleSet, rule, trace);
  }
  return makeDecision(ruleSet, null, trace);
}
