import type { RuleSetDetail, RuleSetSummary } from "@/lib/db/rule-sets";

export function ruleSetSummaryDto(r: RuleSetSummary) {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    effectiveFrom: r.effectiveFrom?.toISOString() ?? null,
    effectiveTo: r.effectiveTo?.toISOString() ?? null,
    changeNote: r.changeNote,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    ruleCount: r._count.rules,
  };
}

export function ruleSetDetailDto(r: RuleSetDetail) {
  return {
    ...ruleSetSummaryDto(r),
    lockVersion: r.lockVersion,
    defaultOutcome: r.engine.defaultOutcome,
    rules: r.engine.rules.map((rule) => ({
      id: rule.id,
      priority: rule.priority,
      name: rule.name,
      conditions: rule.conditions,
      outcome: rule.outcome,
      rationale: rule.rationale,
    })),
  };
}
