// Public API of the routing engine. Everything else in lib/rules is internal.
export * from "./types";
export { dealFacts, type DealFactsParts } from "./deal-facts";
export {
  defaultOutcomeSchema,
  ruleSchema,
  factsSchema,
  parseRuleSet,
  parseFacts,
  MAX_CONDITIONS_PER_RULE,
} from "./schema";
export { interpret } from "./interpret";
export { evaluate } from "./compile";
export { lintRuleSet, type LintFinding, type LintReport } from "./lint";
export { ruleTitle } from "./lint-text";
export {
  createSimulation,
  type FromRoute,
  type HistoricalDeal,
  type RouteChange,
  type SimulationResult,
} from "./simulate";
export { unintendedMoves, type MoveWarning } from "./simulation-warnings";
export { ruleSetInForce, isPartnerDriving, applyStickyOwnership, reevaluate } from "./stickiness";
export { DEFAULT_RULE_SET, ACV_250K } from "./default-rule-set";
export { diffRuleSets, type RuleChange } from "./diff";
