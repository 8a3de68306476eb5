import { describe, expect, it } from "vitest";
import { compileRuleSet } from "@/lib/rules/compile";
import { DEFAULT_RULE_SET, defaultRuleSet } from "@/lib/rules/default-rule-set";
import { interpret } from "@/lib/rules/interpret";
import { lintRuleSet } from "@/lib/rules/lint";
import { parseRuleSet } from "@/lib/rules/schema";
import type { Facts } from "@/lib/rules/types";
import { makeFacts } from "@/tests/factories/facts";

describe("default rule set matches the rules of engagement as written", () => {
  it("has the table's priorities, conditions and outcomes", () => {
    const table = DEFAULT_RULE_SET.rules.map((r) => [
      r.priority,
      r.name,
      r.conditions,
      r.outcome.route,
      r.outcome.leadRole,
      r.outcome.protectionDays,
      r.outcome.attributionCategory,
    ]);
    expect(table).toEqual([
      [
        10,
        "Sticky partner ownership",
        [
          { field: "priorRoute", op: "in", value: ["PARTNER_LED"] },
          { field: "registrationStatus", op: "in", value: ["APPROVED", "CONVERTED"] },
        ],
        "PARTNER_LED",
        "PARTNER",
        90,
        "PARTNER_SOURCED",
      ],
      [
        20,
        "Named strategic accounts",
        [{ field: "namedAccount", op: "isTrue" }],
        "DIRECT_PARTNER_ATTACHED",
        "AE",
        null,
        "PARTNER_COSELL",
      ],
      [
        30,
        "No direct presence in region",
        [{ field: "regionDirectPresence", op: "isFalse" }],
        "PARTNER_LED",
        "PARTNER",
        90,
        "PARTNER_SOURCED",
      ],
      [
        40,
        "Specialized verticals",
        [
          { field: "vertical", op: "in", value: ["HEALTHCARE", "GOVERNMENT", "FINANCIAL_SERVICES"] },
          { field: "acv", op: "lt", value: 100_000_000 },
        ],
        "PARTNER_LED",
        "PARTNER",
        90,
        "PARTNER_SOURCED",
      ],
      [
        50,
        "Services & add-ons",
        [{ field: "productKind", op: "in", value: ["ADDON", "SERVICES"] }],
        "PARTNER_LED",
        "PARTNER",
        90,
        "PARTNER_SOURCED",
      ],
      [
        60,
        "Marketplace partners",
        [{ field: "partnerType", op: "eq", value: "MARKETPLACE" }],
        "MARKETPLACE",
        "PARTNER",
        30,
        "MARKETPLACE",
      ],
      [
        70,
        "Under $250K ACV",
        [{ field: "acv", op: "lt", value: 25_000_000 }],
        "PARTNER_LED",
        "PARTNER",
        90,
        "PARTNER_SOURCED",
      ],
      [
        80,
        "$250K–$1M ACV",
        [{ field: "acv", op: "between", value: [25_000_000, 100_000_000] }],
        "CO_SELL",
        "AE_AND_PARTNER",
        90,
        "PARTNER_COSELL",
      ],
      [
        90,
        "Above $1M ACV",
        [{ field: "acv", op: "gte", value: 100_000_000 }],
        "DIRECT_PARTNER_ATTACHED",
        "AE",
        null,
        "PARTNER_COSELL",
      ],
    ]);
    expect(DEFAULT_RULE_SET.defaultOutcome).toMatchObject({
      route: "DIRECT",
      leadRole: "AE",
      protectionDays: null,
      attributionCategory: "DIRECT",
    });
    for (const rule of DEFAULT_RULE_SET.rules) expect(rule.rationale.length).toBeGreaterThan(20);
  });

  it("validates, and lints without errors (overlaps are intended; the only gap is a missing ACV)", () => {
    expect(parseRuleSet(DEFAULT_RULE_SET).success).toBe(true);
    const report = lintRuleSet(DEFAULT_RULE_SET);
    expect(report.errors).toBe(0);
    expect(report.publishable).toBe(true);
    const gaps = report.findings.filter((f) => f.kind === "GAP");
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(gap.message).toContain("ACV not given");
      expect(gap.example).not.toHaveProperty("acv");
    }
  });

  it("hands out copies that do not share objects with the seed", () => {
    const copy = defaultRuleSet({ id: "seeded", version: 3 });
    expect(copy).toMatchObject({ id: "seeded", version: 3 });
    expect(copy.rules[0]).not.toBe(DEFAULT_RULE_SET.rules[0]);
    expect(copy.rules).toEqual(DEFAULT_RULE_SET.rules);
  });
});

const compiled = compileRuleSet(DEFAULT_RULE_SET);
const core = {
  vertical: "TECHNOLOGY",
  productKind: "CORE",
  partnerType: "RESELLER",
  regionDirectPresence: true,
} as const;

const scenarios: [string, Facts, string | null, string][] = [
  [
    "named account, even when small",
    makeFacts({ namedAccount: true, acv: 5_000_000 }),
    "roe-20-named-accounts",
    "DIRECT_PARTNER_ATTACHED",
  ],
  [
    "sticky partner beats named account",
    makeFacts({ namedAccount: true, priorRoute: "PARTNER_LED", registrationStatus: "APPROVED" }),
    "roe-10-sticky-partner",
    "PARTNER_LED",
  ],
  [
    "sticky partner keeps a deal that grew past $1M",
    makeFacts({ acv: 150_000_000, priorRoute: "PARTNER_LED", registrationStatus: "APPROVED" }),
    "roe-10-sticky-partner",
    "PARTNER_LED",
  ],
  [
    // approving a registration converts it once its deal exists; the converted deal stays the partner's
    "sticky partner keeps a converted registration's deal that grew past $1M",
    makeFacts({ acv: 150_000_000, priorRoute: "PARTNER_LED", registrationStatus: "CONVERTED" }),
    "roe-10-sticky-partner",
    "PARTNER_LED",
  ],
  [
    "an expired registration's deal is not sticky",
    makeFacts({ acv: 150_000_000, priorRoute: "PARTNER_LED", registrationStatus: "EXPIRED" }),
    "roe-90-above-1m",
    "DIRECT_PARTNER_ATTACHED",
  ],
  [
    "prior route without an approved registration is not sticky",
    makeFacts({ acv: 150_000_000, priorRoute: "PARTNER_LED", registrationStatus: "SUBMITTED" }),
    "roe-90-above-1m",
    "DIRECT_PARTNER_ATTACHED",
  ],
  [
    "prior co-sell route is not sticky",
    makeFacts({ acv: 150_000_000, priorRoute: "CO_SELL", registrationStatus: "APPROVED" }),
    "roe-90-above-1m",
    "DIRECT_PARTNER_ATTACHED",
  ],
  [
    "no direct presence, even above $1M",
    makeFacts({ region: "APAC", country: "SG", regionDirectPresence: false, acv: 500_000_000 }),
    "roe-30-no-direct-presence",
    "PARTNER_LED",
  ],
  [
    "healthcare just under $1M",
    makeFacts({ ...core, vertical: "HEALTHCARE", acv: 99_999_999 }),
    "roe-40-specialized-verticals",
    "PARTNER_LED",
  ],
  [
    "government at exactly $1M is not specialized any more",
    makeFacts({ ...core, vertical: "GOVERNMENT", acv: 100_000_000 }),
    "roe-90-above-1m",
    "DIRECT_PARTNER_ATTACHED",
  ],
  [
    "financial services at $400K",
    makeFacts({ ...core, vertical: "FINANCIAL_SERVICES", acv: 40_000_000 }),
    "roe-40-specialized-verticals",
    "PARTNER_LED",
  ],
  [
    "add-on at $2M",
    makeFacts({ ...core, productKind: "ADDON", acv: 200_000_000 }),
    "roe-50-services-addons",
    "PARTNER_LED",
  ],
  [
    "services",
    makeFacts({ ...core, productKind: "SERVICES", acv: 30_000_000 }),
    "roe-50-services-addons",
    "PARTNER_LED",
  ],
  [
    "marketplace partner at $600K",
    makeFacts({ ...core, partnerType: "MARKETPLACE", acv: 60_000_000 }),
    "roe-60-marketplace",
    "MARKETPLACE",
  ],
  ["under $250K: 249,999.99", makeFacts({ ...core, acv: 24_999_999 }), "roe-70-under-250k", "PARTNER_LED"],
  ["250K band starts at 250,000.00", makeFacts({ ...core, acv: 25_000_000 }), "roe-80-250k-to-1m", "CO_SELL"],
  ["250K band ends below 1,000,000.00", makeFacts({ ...core, acv: 99_999_999 }), "roe-80-250k-to-1m", "CO_SELL"],
  [
    "above $1M starts at 1,000,000.00",
    makeFacts({ ...core, acv: 100_000_000 }),
    "roe-90-above-1m",
    "DIRECT_PARTNER_ATTACHED",
  ],
  [
    "a direct deal without partner follows the bands",
    makeFacts({
      ...core,
      partnerId: null,
      partnerType: null,
      partnerTier: null,
      registrationStatus: "NONE",
      acv: 10_000_000,
    }),
    "roe-70-under-250k",
    "PARTNER_LED",
  ],
  ["missing ACV falls to the default", makeFacts({ ...core, acv: undefined }), null, "DIRECT"],
  [
    "unknown presence is not 'no presence'",
    makeFacts({ ...core, regionDirectPresence: undefined, acv: 200_000_000 }),
    "roe-90-above-1m",
    "DIRECT_PARTNER_ATTACHED",
  ],
];

describe("default rule set scenarios", () => {
  it.each(scenarios)("%s", (_label, facts, ruleId, route) => {
    const decision = interpret(DEFAULT_RULE_SET, facts);
    expect([decision.ruleId, decision.route]).toEqual([ruleId, route]);
    expect(compiled.decide(facts)).toMatchObject({ ruleId, route });
    expect(compiled.explain(facts)).toEqual(decision);
  });

  it("carries the rule's outcome and the rule set version into the decision", () => {
    expect(interpret(DEFAULT_RULE_SET, makeFacts({ ...core, acv: 60_000_000 }))).toMatchObject({
      route: "CO_SELL",
      ruleId: "roe-80-250k-to-1m",
      ruleName: "$250K–$1M ACV",
      rulePriority: 80,
      ruleSetVersion: 1,
      protectionDays: 90,
      leadRole: "AE_AND_PARTNER",
      attributionCategory: "PARTNER_COSELL",
    });
    expect(interpret(DEFAULT_RULE_SET, makeFacts({ acv: undefined }))).toMatchObject({
      route: "DIRECT",
      ruleId: null,
      ruleName: null,
      rulePriority: null,
      protectionDays: null,
      leadRole: "AE",
      attributionCategory: "DIRECT",
    });
  });
});

describe("the shared seed", () => {
  it("is frozen all the way down", () => {
    expect(Object.isFrozen(DEFAULT_RULE_SET.rules[3].conditions[0])).toBe(true);
    expect(() => {
      (DEFAULT_RULE_SET.rules[3].outcome as { route: string }).route = "DIRECT";
    }).toThrow(TypeError);
  });
});
