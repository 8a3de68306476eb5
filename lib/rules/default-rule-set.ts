// The rules of engagement seeded on a fresh install: docs/domain.md#the-default-rule-set, exactly. Amounts are integer
// cents; `between` is [low, high).
import type { Outcome, Rule, RuleSet } from "./types";

export const ACV_250K = 25_000_000; // 250,000.00
const ACV_1M = 100_000_000; // 1,000,000.00

const partnerLed: Outcome = {
  route: "PARTNER_LED",
  leadRole: "PARTNER",
  protectionDays: 90,
  attributionCategory: "PARTNER_SOURCED",
};

const DEFAULT_RULES: readonly Rule[] = [
  {
    id: "roe-10-sticky-partner",
    priority: 10,
    name: "Sticky partner ownership",
    conditions: [
      { field: "priorRoute", op: "in", value: ["PARTNER_LED"] },
      // CONVERTED: approved, and the deal was created from the registration; it protects like APPROVED
      // (lib/registrations/lifecycle.ts), so the deal's own edits must stay with the partner too
      { field: "registrationStatus", op: "in", value: ["APPROVED", "CONVERTED"] },
    ],
    outcome: partnerLed,
    rationale:
      "A partner that already leads this deal under an approved registration keeps it, even if the deal " +
      "later grows past a band: moving it would punish the partner for success.",
  },
  {
    id: "roe-20-named-accounts",
    priority: 20,
    name: "Named strategic accounts",
    conditions: [{ field: "namedAccount", op: "isTrue" }],
    outcome: {
      route: "DIRECT_PARTNER_ATTACHED",
      leadRole: "AE",
      protectionDays: null,
      attributionCategory: "PARTNER_COSELL",
    },
    rationale:
      "Named strategic accounts are reserved for the direct team; partners can attach services or " +
      "fulfilment but do not lead.",
  },
  {
    id: "roe-30-no-direct-presence",
    priority: 30,
    name: "No direct presence in region",
    conditions: [{ field: "regionDirectPresence", op: "isFalse" }],
    outcome: partnerLed,
    rationale: "Where the vendor has no direct team, partners lead every deal: there is nobody to co-sell with.",
  },
  {
    id: "roe-40-specialized-verticals",
    priority: 40,
    name: "Specialized verticals",
    conditions: [
      { field: "vertical", op: "in", value: ["HEALTHCARE", "GOVERNMENT", "FINANCIAL_SERVICES"] },
      { field: "acv", op: "lt", value: ACV_1M },
    ],
    outcome: partnerLed,
    rationale:
      "Regulated verticals buy through specialised partners with the certifications and contract " +
      "vehicles they require; below 1,000,000.00 ACV the partner leads.",
  },
  {
    id: "roe-50-services-addons",
    priority: 50,
    name: "Services & add-ons",
    conditions: [{ field: "productKind", op: "in", value: ["ADDON", "SERVICES"] }],
    outcome: partnerLed,
    rationale: "Add-ons and services extend an installed base the partner already serves; the partner leads.",
  },
  {
    id: "roe-60-marketplace",
    priority: 60,
    name: "Marketplace partners",
    conditions: [{ field: "partnerType", op: "eq", value: "MARKETPLACE" }],
    outcome: { route: "MARKETPLACE", leadRole: "PARTNER", protectionDays: 30, attributionCategory: "MARKETPLACE" },
    rationale:
      "Deals transacted through a cloud marketplace follow the marketplace motion, with a shorter " +
      "protection window that matches its faster cycle.",
  },
  {
    id: "roe-70-under-250k",
    priority: 70,
    name: "Under $250K ACV",
    conditions: [{ field: "acv", op: "lt", value: ACV_250K }],
    outcome: partnerLed,
    rationale: "Smaller deals are covered most efficiently by partners; the partner leads.",
  },
  {
    id: "roe-80-250k-to-1m",
    priority: 80,
    name: "$250K–$1M ACV",
    conditions: [{ field: "acv", op: "between", value: [ACV_250K, ACV_1M] }],
    outcome: {
      route: "CO_SELL",
      leadRole: "AE_AND_PARTNER",
      protectionDays: 90,
      attributionCategory: "PARTNER_COSELL",
    },
    rationale: "Mid-size deals are co-sold: the AE and the partner work the deal together and both get credit.",
  },
  {
    id: "roe-90-above-1m",
    priority: 90,
    name: "Above $1M ACV",
    conditions: [{ field: "acv", op: "gte", value: ACV_1M }],
    outcome: {
      route: "DIRECT_PARTNER_ATTACHED",
      leadRole: "AE",
      protectionDays: null,
      attributionCategory: "PARTNER_COSELL",
    },
    rationale: "Large deals are led by the direct team; a partner may be attached for delivery.",
  },
];

// Frozen all the way down: engine caches are keyed by rule set object, so the shared seed must
// never change under them. defaultRuleSet() hands out editable copies.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const DEFAULT_RULE_SET: RuleSet = deepFreeze({
  id: "default",
  version: 1,
  rules: DEFAULT_RULES,
  defaultOutcome: {
    route: "DIRECT",
    leadRole: "AE",
    protectionDays: null,
    attributionCategory: "DIRECT",
    rationale: "No rule of engagement applies: the direct team owns the deal.",
  },
});

/** A deep copy, for callers (the seed, tests) that must not share the module's objects. */
export function defaultRuleSet(overrides: Partial<Pick<RuleSet, "id" | "version">> = {}): RuleSet {
  return { ...structuredClone(DEFAULT_RULE_SET), ...overrides };
}
