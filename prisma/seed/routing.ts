// The bridge between the seed and the routing engine (lib/rules): the rule set in force is read
// back from the database rows the base seed wrote, and every seeded registration and opportunity
// is routed by the engine's reference interpreter, its facts and trace stored as a RouteDecision.
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { DecisionSubject } from "../../lib/db/generated/sqlite/enums";
import {
  type Decision,
  type Facts,
  type RegistrationStatusFact,
  type Route,
  type RuleSet,
  type RuleSetStatus,
  type Stage,
  applyStickyOwnership,
  dealFacts as buildFacts,
  interpret,
  isPartnerDriving,
  ruleSetInForce,
} from "../../lib/rules";
import { engineRuleSet, ruleColumns } from "../../lib/db/rule-set-mapping";
import { IdSequence, seedId } from "./ids";
import type { SeedAccount, SeedPartner, SeedProductLine } from "./world";

export interface RuleSetInForce {
  id: string;
  version: number;
  status: RuleSetStatus;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  /** The engine's view of the rule set, with database rule ids so traces point at Rule rows. */
  engine: RuleSet;
}

export function ruleSetId(version: number): string {
  return seedId("rset", version);
}

function ruleId(version: number, priority: number): string {
  return seedId("rule", version * 1000 + priority);
}

/** Rule rows for an engine rule set stored as `version`. */
export function ruleRows(engine: RuleSet, version: number): Prisma.RuleCreateManyInput[] {
  return engine.rules.map((rule) => ({
    id: ruleId(version, rule.priority),
    ruleSetId: ruleSetId(version),
    ...ruleColumns(rule),
  }));
}

export { engineRuleSet };

export interface DealFactsInput {
  account: SeedAccount;
  productLine: SeedProductLine;
  acvCents: number;
  partner?: SeedPartner | null;
  registrationStatus: RegistrationStatusFact;
  registeredFirst?: boolean | null;
  priorRoute?: Route | null;
  stage?: Stage | null;
  at: Date;
}

/** The complete fact set of docs/domain.md#rules-of-engagement for one seeded deal: the app's own builder (lib/rules). */
export function dealFacts(input: DealFactsInput): Facts {
  const { account } = input;
  return buildFacts({ ...input, vertical: account.vertical, country: account.country, region: account.region });
}

export interface RoutedDecision extends Decision {
  /** Id of the stored RouteDecision row. */
  id: string;
}

/**
 * Routes deals with the engine and records each decision as a RouteDecision row. A deal is decided
 * under the rule set in force at the time of its claim (docs/domain.md#rules-of-engagement, grandfathering).
 */
export class Router {
  private readonly ids = new IdSequence("rdec");

  constructor(
    private readonly ruleSets: readonly RuleSetInForce[],
    private readonly out: Prisma.RouteDecisionCreateManyInput[],
  ) {}

  /** The published (or since retired) rule set in force at `at`, chosen by the engine. */
  inForce(at: Date): RuleSetInForce {
    const ruleSet = ruleSetInForce(this.ruleSets, at);
    if (!ruleSet) throw new Error(`no rule set was in force at ${at.toISOString()}: run seedBase first`);
    return ruleSet;
  }

  /** What the engine would decide, without recording anything. */
  peek(facts: Facts): Decision {
    return interpret(this.inForce(new Date(facts.at as string)).engine, facts);
  }

  decide(subjectType: DecisionSubject, subjectId: string, facts: Facts): RoutedDecision {
    const at = new Date(facts.at as string);
    const ruleSet = this.inForce(at);
    const decision = interpret(ruleSet.engine, facts);
    const id = this.ids.next();
    this.out.push({
      id,
      subjectType,
      subjectId,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      ruleId: decision.ruleId,
      route: decision.route,
      protectionDays: decision.protectionDays,
      facts: facts as Prisma.InputJsonValue,
      trace: decision.trace as unknown as Prisma.InputJsonValue,
      flaggedForReview: keptByStickiness(ruleSet.engine, facts),
      decidedAt: at,
    });
    return { ...decision, id };
  }
}

/**
 * Sticky ownership (docs/domain.md#rules-of-engagement): a deal that already had a route and a partner driving it keeps
 * the route; when the facts alone would now route it elsewhere, the decision is flagged for review.
 */
function keptByStickiness(engine: RuleSet, facts: Facts): boolean {
  if (!facts.priorRoute) return false;
  const fresh = interpret(engine, { ...facts, priorRoute: null });
  return applyStickyOwnership({ route: facts.priorRoute, partnerDriving: isPartnerDriving(facts) }, fresh)
    .flaggedForReview;
}
