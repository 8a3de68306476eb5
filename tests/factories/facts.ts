// Builders for the routing engine's inputs. Defaults describe an ordinary deal: a mid-market
// technology account in North America (direct presence), the core product, 100,000.00 ACV, a gold
// reseller with a submitted registration, no prior route.
import type { HistoricalDeal } from "@/lib/rules/simulate";
import type { Condition, Facts, Outcome, Rule, RuleSet } from "@/lib/rules/types";

export function makeFacts(overrides: Facts = {}): Facts {
  return {
    acv: 10_000_000,
    currency: "USD",
    vertical: "TECHNOLOGY",
    country: "US",
    region: "NA",
    regionDirectPresence: true,
    productLine: "Platform",
    productKind: "CORE",
    accountTier: "MIDMARKET",
    namedAccount: false,
    partnerId: "partner-northwind",
    partnerType: "RESELLER",
    partnerTier: "GOLD",
    registrationStatus: "SUBMITTED",
    registeredFirst: false,
    stage: "QUALIFIED",
    at: "2026-03-02T09:00:00.000Z",
    ...overrides,
  };
}

export const OUTCOMES = {
  partnerLed: { route: "PARTNER_LED", leadRole: "PARTNER", protectionDays: 90, attributionCategory: "PARTNER_SOURCED" },
  coSell: { route: "CO_SELL", leadRole: "AE_AND_PARTNER", protectionDays: 90, attributionCategory: "PARTNER_COSELL" },
  direct: { route: "DIRECT", leadRole: "AE", protectionDays: null, attributionCategory: "DIRECT" },
  attached: {
    route: "DIRECT_PARTNER_ATTACHED",
    leadRole: "AE",
    protectionDays: null,
    attributionCategory: "PARTNER_COSELL",
  },
  marketplace: { route: "MARKETPLACE", leadRole: "PARTNER", protectionDays: 30, attributionCategory: "MARKETPLACE" },
} as const satisfies Record<string, Outcome>;

let ruleSeq = 0;

function makeRule(overrides: Partial<Rule> & { conditions?: readonly Condition[] } = {}): Rule {
  ruleSeq++;
  return {
    id: `rule-${ruleSeq}`,
    priority: ruleSeq * 10,
    name: `Rule ${ruleSeq}`,
    conditions: [],
    outcome: OUTCOMES.partnerLed,
    rationale: "",
    ...overrides,
  };
}

/** Rules get priorities 10, 20, … in the order given unless they set their own. */
export function makeRuleSet(
  rules: readonly (Partial<Rule> & { conditions?: readonly Condition[] })[],
  overrides: Partial<RuleSet> = {},
): RuleSet {
  return {
    id: "test-set",
    version: 1,
    rules: rules.map((r, i) => makeRule({ id: `r${i + 1}`, priority: (i + 1) * 10, name: `Rule ${i + 1}`, ...r })),
    defaultOutcome: OUTCOMES.direct,
    ...overrides,
  };
}

/**
 * A historical deal for simulation whose facts reach the default rule set's ACV bands: a technology
 * account where the vendor sells direct, the core product, a reseller.
 */
export function makeHistoricalDeal(
  id: string,
  acv: number,
  currentRoute: HistoricalDeal["currentRoute"] = null,
  extra: Facts = {},
): HistoricalDeal {
  const facts = makeFacts({
    vertical: "TECHNOLOGY",
    productKind: "CORE",
    partnerType: "RESELLER",
    regionDirectPresence: true,
    acv,
    ...extra,
  });
  return { id, acv, currentRoute, facts };
}
