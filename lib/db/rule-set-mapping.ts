// Rows ⇄ the routing engine's own types. The engine never sees Prisma; this is the only place
// that knows both shapes (the seed uses it too).
import type { Condition, DefaultOutcome, Rule, RuleSet } from "@/lib/rules";
import type { Prisma } from "./generated/sqlite/client";

export type RuleRow = {
  id: string;
  priority: number;
  name: string;
  conditions: unknown;
  route: Rule["outcome"]["route"];
  leadRole: Rule["outcome"]["leadRole"];
  protectionDays: number | null;
  attributionCategory: Rule["outcome"]["attributionCategory"];
  rationale: string;
};

function engineRule(r: RuleRow): Rule {
  return {
    id: r.id,
    priority: r.priority,
    name: r.name,
    conditions: r.conditions as Condition[],
    outcome: {
      route: r.route,
      leadRole: r.leadRole,
      protectionDays: r.protectionDays,
      attributionCategory: r.attributionCategory,
    },
    rationale: r.rationale,
  };
}

/** The engine's rule set from stored rows; rule ids stay database ids so traces point at Rule rows. */
export function engineRuleSet(
  row: { id: string; version: number; defaultOutcome: unknown },
  rules: readonly RuleRow[],
): RuleSet {
  return {
    id: row.id,
    version: row.version,
    defaultOutcome: row.defaultOutcome as DefaultOutcome,
    rules: rules.map(engineRule),
  };
}

/** Column values of a Rule row for an engine rule (without ids, which the caller decides). */
export function ruleColumns(rule: Omit<Rule, "id">) {
  return {
    priority: rule.priority,
    name: rule.name,
    conditions: rule.conditions as unknown as Prisma.InputJsonValue,
    route: rule.outcome.route,
    leadRole: rule.outcome.leadRole,
    protectionDays: rule.outcome.protectionDays,
    attributionCategory: rule.outcome.attributionCategory,
    rationale: rule.rationale,
  };
}
