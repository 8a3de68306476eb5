// The one facts builder (submission, preview and the demo seed share it): every fact of docs/domain.md#rules-of-engagement
// is present, the ones that do not apply are null, and the result validates and routes.
import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET, FACT_FIELDS, dealFacts, evaluate, parseFacts } from "@/lib/rules";

const base = {
  acvCents: 31_200_000,
  vertical: "HEALTHCARE" as const,
  country: "de",
  region: { code: "EMEA-WEST", directPresence: true },
  productLine: { name: "Platform", kind: "CORE" as const },
  at: new Date("2026-11-23T10:00:00.000Z"),
};

describe("dealFacts", () => {
  it("fills every field, with nulls for what does not apply to a vendor-only deal", () => {
    const facts = dealFacts(base);
    expect(Object.keys(facts).sort()).toEqual([...FACT_FIELDS].sort());
    expect(facts).toMatchObject({
      acv: 31_200_000,
      currency: "USD",
      country: "DE",
      region: "EMEA-WEST",
      regionDirectPresence: true,
      productKind: "CORE",
      accountTier: null,
      namedAccount: false,
      partnerId: null,
      partnerType: null,
      registrationStatus: "NONE",
      registeredFirst: null,
      priorRoute: null,
      stage: null,
      at: "2026-11-23T10:00:00.000Z",
    });
  });

  it("carries the partner and the matched account, and routes as lib/rules/default-rule-set.ts says", () => {
    const facts = dealFacts({
      ...base,
      partner: { id: "p1", type: "RESELLER", tier: "GOLD" },
      account: { tier: "ENTERPRISE", namedAccount: false },
      registrationStatus: "SUBMITTED",
    });
    expect(facts).toMatchObject({
      partnerId: "p1",
      partnerType: "RESELLER",
      partnerTier: "GOLD",
      accountTier: "ENTERPRISE",
      registrationStatus: "SUBMITTED",
    });
    expect(parseFacts(facts).success).toBe(true);
    expect(evaluate(DEFAULT_RULE_SET, facts)).toMatchObject({ route: "PARTNER_LED", rulePriority: 40 }); // healthcare under $1M
    expect(
      evaluate(DEFAULT_RULE_SET, dealFacts({ ...base, account: { tier: "STRATEGIC", namedAccount: true } })).route,
    ).toBe("DIRECT_PARTNER_ATTACHED");
  });
});
