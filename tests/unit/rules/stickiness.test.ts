import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { interpret } from "@/lib/rules/interpret";
import {
  applyStickyOwnership,
  isPartnerDriving,
  reevaluate,
  ruleSetInForce,
  type RuleSetWindow,
} from "@/lib/rules/stickiness";
import { makeFacts } from "@/tests/factories/facts";

describe("ruleSetInForce (grandfathering)", () => {
  const sets: (RuleSetWindow & { id: string })[] = [
    {
      id: "v1",
      version: 1,
      status: "RETIRED",
      effectiveFrom: "2025-01-01T00:00:00Z",
      effectiveTo: "2026-01-01T00:00:00Z",
    },
    { id: "v2", version: 2, status: "PUBLISHED", effectiveFrom: new Date("2026-01-01T00:00:00Z"), effectiveTo: null },
    { id: "v3", version: 3, status: "DRAFT", effectiveFrom: "2026-02-01T00:00:00Z", effectiveTo: null },
  ];

  it.each([
    ["2024-12-31T23:59:59.999Z", null],
    ["2025-01-01T00:00:00Z", "v1"],
    ["2025-12-31T23:59:59.999Z", "v1"],
    ["2026-01-01T00:00:00Z", "v2"], // effectiveTo is exclusive, effectiveFrom inclusive
    ["2026-01-01T01:00:00+01:00", "v2"],
    ["2026-06-01T00:00:00Z", "v2"], // drafts never apply
  ])("a deal first claimed at %s is decided under %s", (at, id) => {
    expect(ruleSetInForce(sets, at)?.id ?? null).toBe(id);
    expect(ruleSetInForce(sets, new Date(at))?.id ?? null).toBe(id);
  });

  it("prefers the latest effective set when windows overlap, and rejects invalid times", () => {
    const overlapping = [
      ...sets,
      { id: "v4", version: 4, status: "PUBLISHED" as const, effectiveFrom: "2026-03-01T00:00:00Z", effectiveTo: null },
    ];
    expect(ruleSetInForce(overlapping, "2026-04-01T00:00:00Z")?.id).toBe("v4");
    expect(() => ruleSetInForce(sets, "yesterday")).toThrow(/Invalid instant/);
  });
});

describe("sticky ownership", () => {
  const grown = makeFacts({ acv: 150_000_000, priorRoute: "PARTNER_LED", registrationStatus: "SUBMITTED" });

  it("keeps a partner-driven deal on its route when the facts now point elsewhere, and flags it", () => {
    const decision = interpret(DEFAULT_RULE_SET, grown);
    expect(decision.route).toBe("DIRECT_PARTNER_ATTACHED");
    const outcome = applyStickyOwnership({ route: "PARTNER_LED", partnerDriving: true }, decision);
    expect(outcome).toMatchObject({ route: "PARTNER_LED", keptPriorRoute: true, flaggedForReview: true, decision });
    expect(outcome.note).toBe(
      'Kept PARTNER_LED: a partner is driving this deal. Under rule set v1, rule "Above $1M ACV" would route it DIRECT_PARTNER_ATTACHED.',
    );
  });

  it.each([
    ["no partner driving", { route: "PARTNER_LED" as const, partnerDriving: false }],
    ["a route that is not sticky", { route: "CO_SELL" as const, partnerDriving: true }],
    ["no prior route", { route: null, partnerDriving: true }],
  ])("moves the deal when there is %s", (_label, prior) => {
    const outcome = applyStickyOwnership(prior, interpret(DEFAULT_RULE_SET, grown));
    expect(outcome).toMatchObject({
      route: "DIRECT_PARTNER_ATTACHED",
      keptPriorRoute: false,
      flaggedForReview: false,
      note: null,
    });
  });

  it("does not flag a re-evaluation that agrees with the prior route", () => {
    const small = makeFacts({ acv: 5_000_000 });
    expect(reevaluate(DEFAULT_RULE_SET, small, { route: "PARTNER_LED", partnerDriving: true })).toMatchObject({
      route: "PARTNER_LED",
      flaggedForReview: false,
    });
  });

  it("takes the sticky routes as an option", () => {
    const outcome = applyStickyOwnership(
      { route: "CO_SELL", partnerDriving: true },
      interpret(DEFAULT_RULE_SET, grown),
      { stickyRoutes: ["PARTNER_LED", "CO_SELL"] },
    );
    expect(outcome).toMatchObject({ route: "CO_SELL", flaggedForReview: true });
  });

  it.each([
    [{ partnerId: "p1", registrationStatus: "APPROVED" as const }, true],
    [{ partnerId: "p1", registrationStatus: "CONVERTED" as const }, true],
    [{ partnerId: "p1", registrationStatus: "SUBMITTED" as const }, false],
    [{ partnerId: null, registrationStatus: "APPROVED" as const }, false],
  ])("isPartnerDriving(%j) = %s", (facts, driving) => {
    expect(isPartnerDriving(facts)).toBe(driving);
  });
});
