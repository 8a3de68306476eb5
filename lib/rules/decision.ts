// Shared by the interpreter and the compiled evaluator so that both produce identical Decisions.
import type { Decision, Rule, RuleSet, TraceEntry } from "./types";

/**
 * Rules in the order the FIRST hit policy tries them: ascending priority. Priorities are unique in
 * a valid rule set; the sort is stable, so input order would break a tie identically everywhere.
 */
export function rulesInPriorityOrder(ruleSet: RuleSet): readonly Rule[] {
  return [...ruleSet.rules].sort((a, b) => a.priority - b.priority);
}

export function makeDecision(ruleSet: RuleSet, winner: Rule | null, trace: TraceEntry[]): Decision {
  const outcome = winner ? winner.outcome : ruleSet.defaultOutcome;
  return {
    route: outcome.route,
    ruleId: winner ? winner.id : null,
    ruleName: winner ? winner.name : null,
    rulePriority: winner ? winner.priority : null,
    ruleSetVersion: ruleSet.version,
    protectionDays: outcome.protectionDays,
    leadRole: outcome.leadRole,
    attributionCategory: outcome.attributionCategory,
    trace,
  };
}
