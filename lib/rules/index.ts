// Public API of the routing engine. Everything else in lib/rules is internal.
export * from "./types";
export { readFact, type FactValue } from "./facts";
export { dealFacts, type DealFactsParts } from "./deal-facts";
export { parseInstant } from "./instant";
export { conditionHolds } from "./conditions";
export { formatExactCents, formatFactValue, formatOperand, relationText, MISSING_TEXT } from "./format";
export {
  conditionSchema,
  outcomeSchema,
  defaultOutcomeSchema,
  ruleSchema,
  ruleSetSchema,
  factsSchema,
  parseRuleSet,
  parseFacts,
  MAX_RULES,
  MAX_CONDITIONS_PER_RULE,
  MAX_LIST_VALUES,
  MAX_PROTECTION_DAYS,
  type ParseResult,
} from "./schema";
export { rulesInPriorityOrder } from "./decision";
export { interpret, traceRule } from "./interpret";
export {
  compileRuleSet,
  compiledFor,
  explainDecision,
  evaluate,
  type CompiledRuleSet,
  type CompileOptions,
  type EvaluatorKind,
} from "./compile";
export {
  lintRuleSet,
  type LintFinding,
  type LintKind,
  type LintOptions,
  type LintReport,
  type LintSeverity,
} from "./lint";
export {
  simulate,
  FROM_ROUTES,
  type FromRoute,
  type HistoricalDeal,
  type MatrixCell,
  type RouteChange,
  type SimulationInput,
  type SimulationResult,
} from "./simulate";
export {
  ruleSetInForce,
  isPartnerDriving,
  applyStickyOwnership,
  reevaluate,
  type Instant,
  type PriorOwnership,
  type RuleSetWindow,
  type StickyOptions,
  type StickyOutcome,
} from "./stickiness";
export { DEFAULT_RULE_SET, DEFAULT_RULES, defaultRuleSet, ACV_250K, ACV_1M } from "./default-rule-set";
export { diffRuleSets, type RuleChange, type RuleSetDiff } from "./diff";
