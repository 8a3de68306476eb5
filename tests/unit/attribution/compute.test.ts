import { describe, expect, it } from "vitest";
import { attribute, categorize, DEFAULT_PAY_PLAN, payPlanFrom, spiffBand, type DealFacts } from "@/lib/attribution";

// Worked examples for every rule of docs/domain.md#attribution-and-pay, under the default plan:
// partner-sourced quota share 50 %, SPIFF $500 / $1,000 / $2,000 by ACV band, margins 30/25/20/15 by tier.
const GOLD = { id: "p-gold", tier: "GOLD" as const, type: "RESELLER" };
const SILVER = { id: "p-silver", tier: "SILVER" as const, type: "RESELLER" };
const MARKET = { id: "p-market", tier: "REGISTERED" as const, type: "MARKETPLACE" };
const K = 100_000; // $1,000 in cents

const deal = (over: Partial<DealFacts> = {}): DealFacts => ({
  acvCents: 400 * K,
  stage: "CLOSED_WON",
  route: "DIRECT",
  aeId: "ae-1",
  partner: null,
  sourcedBy: null,
  touchedBy: [],
  ...over,
});

const ae = (r: ReturnType<typeof attribute>) => r.parties.find((p) => p.party === "DIRECT")!;
const partner = (r: ReturnType<typeof attribute>, id = GOLD.id) => r.parties.find((p) => p.partnerId === id)!;

describe("category (first rule that holds)", () => {
  it.each([
    ["route Marketplace", deal({ route: "MARKETPLACE" }), "MARKETPLACE", /route Marketplace/],
    [
      "a marketplace partner on the deal",
      deal({ partner: MARKET, sourcedBy: MARKET }),
      "MARKETPLACE",
      /is a marketplace/,
    ],
    [
      "an approved registration created it",
      deal({ sourcedBy: GOLD, partner: GOLD, route: "PARTNER_LED" }),
      "PARTNER_SOURCED",
      /approved registration/,
    ],
    [
      "route co-sell with the partner attached",
      deal({ route: "CO_SELL", partner: GOLD }),
      "PARTNER_COSELL",
      /routed co-sell/,
    ],
    [
      "a partner attached to a direct-sourced deal",
      deal({ route: "DIRECT_PARTNER_ATTACHED", partner: GOLD }),
      "PARTNER_COSELL",
      /attached to a direct-sourced/,
    ],
    ["a partner touch on a direct deal", deal({ touchedBy: [SILVER] }), "PARTNER_INFLUENCED", /touch/],
    ["route co-sell with no partner (partner needed)", deal({ route: "CO_SELL" }), "DIRECT", /partner needed/],
    ["nothing of the above", deal(), "DIRECT", /no partner sourced/],
  ] as const)("%s", (_name, d, category, rule) => {
    const c = categorize(d);
    expect(c.category).toBe(category);
    expect(c.rule).toMatch(rule);
  });

  it("sourced wins over attached and touched; attached wins over touched", () => {
    expect(categorize(deal({ sourcedBy: GOLD, partner: GOLD, touchedBy: [SILVER] })).category).toBe("PARTNER_SOURCED");
    expect(categorize(deal({ partner: GOLD, touchedBy: [SILVER] })).category).toBe("PARTNER_COSELL");
  });
});

describe("credit and pay by the plan (won deals)", () => {
  it("direct: the AE has 100 % credit and full quota credit, no SPIFF", () => {
    const r = attribute(deal(), DEFAULT_PAY_PLAN);
    expect(r.final).toBe(true);
    expect(r.parties).toHaveLength(1);
    expect(ae(r)).toMatchObject({ creditPct: 100, quotaCreditCents: 400 * K, spiffCents: 0, partnerMarginPct: null });
    expect(ae(r).basis).toBe(
      "Direct: no partner sourced, co-sold or touched the deal; 100 % credit, full quota credit $400,000",
    );
  });

  it("co-sell $400K with a gold partner: 50/50 credit, full quota, $1,000 SPIFF, 25 % margin = $100,000", () => {
    const r = attribute(deal({ route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN);
    expect(r.category).toBe("PARTNER_COSELL");
    expect(ae(r)).toMatchObject({ creditPct: 50, quotaCreditCents: 400 * K, spiffCents: 1 * K });
    expect(ae(r).basis).toMatch(
      /50 % credit, full quota credit \(co-sell\) = \$400,000; co-sell SPIFF \$1,000 \(ACV \$250,000 to under \$1,000,000\)/,
    );
    expect(partner(r)).toMatchObject({
      creditPct: 50,
      partnerMarginPct: 25,
      partnerMarginCents: 100 * K,
      quotaCreditCents: 0,
      spiffCents: 0,
    });
    expect(partner(r).basis).toMatch(/margin 25 % \(gold tier\) = \$100,000/);
  });

  it("partner-sourced $400K: the partner has 100 %, the AE half the ACV as quota credit and no SPIFF", () => {
    const r = attribute(deal({ sourcedBy: GOLD, partner: GOLD, route: "PARTNER_LED" }), DEFAULT_PAY_PLAN);
    expect(ae(r)).toMatchObject({ creditPct: 0, quotaCreditCents: 200 * K, spiffCents: 0 });
    expect(ae(r).basis).toMatch(/quota credit 50 % of ACV \(the partner-sourced share\) = \$200,000/);
    expect(partner(r)).toMatchObject({ creditPct: 100, partnerMarginPct: 25, partnerMarginCents: 100 * K });
  });

  it("partner-sourced with no AE: only the partner's line", () => {
    const r = attribute(deal({ aeId: null, sourcedBy: SILVER, partner: SILVER }), DEFAULT_PAY_PLAN);
    expect(r.parties).toHaveLength(1);
    expect(partner(r, SILVER.id)).toMatchObject({ creditPct: 100, partnerMarginPct: 20, partnerMarginCents: 80 * K });
  });

  it("the quota share is a setting: 0.25 gives a quarter", () => {
    const plan = { ...DEFAULT_PAY_PLAN, partnerSourcedQuotaShare: 0.25 };
    expect(ae(attribute(deal({ sourcedBy: GOLD }), plan)).quotaCreditCents).toBe(100 * K);
  });

  it("the registrant is credited when no partner is attached", () => {
    const r = attribute(deal({ sourcedBy: SILVER }), DEFAULT_PAY_PLAN);
    expect(partner(r, SILVER.id).creditPct).toBe(100);
  });

  it("co-sell without an AE: the partner holds all the credit", () => {
    const r = attribute(deal({ aeId: null, route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN);
    expect(r.parties).toEqual([expect.objectContaining({ party: "PARTNER", creditPct: 100 })]);
  });

  it("influenced: the AE keeps 100 % and full quota; each touching partner is recognised with no credit or margin", () => {
    const r = attribute(deal({ touchedBy: [SILVER, GOLD] }), DEFAULT_PAY_PLAN);
    expect(ae(r)).toMatchObject({ creditPct: 100, quotaCreditCents: 400 * K, spiffCents: 0 });
    expect(partner(r, SILVER.id)).toMatchObject({ creditPct: 0, partnerMarginPct: null, partnerMarginCents: 0 });
    expect(partner(r, GOLD.id).basis).toMatch(/recognised, no credit or margin/);
  });

  it("marketplace: the marketplace partner 100 %, the AE the partner-sourced quota share", () => {
    const r = attribute(deal({ partner: MARKET, route: "MARKETPLACE" }), DEFAULT_PAY_PLAN);
    expect(ae(r)).toMatchObject({ creditPct: 0, quotaCreditCents: 200 * K });
    expect(ae(r).basis).toMatch(/the marketplace share/);
    expect(partner(r, MARKET.id)).toMatchObject({ creditPct: 100, partnerMarginPct: 15, partnerMarginCents: 60 * K });
  });

  it("marketplace route with no partner: the AE keeps 100 % and full quota", () => {
    const r = attribute(deal({ route: "MARKETPLACE" }), DEFAULT_PAY_PLAN);
    expect(r.parties).toEqual([
      expect.objectContaining({ party: "DIRECT", creditPct: 100, quotaCreditCents: 400 * K }),
    ]);
  });

  it.each([
    ["PLATINUM", 30],
    ["GOLD", 25],
    ["SILVER", 20],
    ["REGISTERED", 15],
  ] as const)("margin by tier: %s earns %i %", (tier, pct) => {
    const r = attribute(deal({ sourcedBy: { id: "p", tier, type: "RESELLER" } }), DEFAULT_PAY_PLAN);
    expect(partner(r, "p")).toMatchObject({ partnerMarginPct: pct, partnerMarginCents: 400 * K * (pct / 100) });
  });
});

describe("co-sell SPIFF by ACV band", () => {
  it.each([
    [1, 500, "ACV under $250,000"],
    [249_999_99, 500, "ACV under $250,000"],
    [250_000_00, 1_000, "ACV $250,000 to under $1,000,000"],
    [999_999_99, 1_000, "ACV $250,000 to under $1,000,000"],
    [1_000_000_00, 2_000, "ACV $1,000,000 or more"],
    [3_000_000_00, 2_000, "ACV $1,000,000 or more"],
  ])("ACV %i cents → $%i", (acv, dollars, label) => {
    expect(spiffBand(acv, DEFAULT_PAY_PLAN.cosellSpiffBands)).toEqual({ spiffCents: dollars * 100, label });
    expect(ae(attribute(deal({ acvCents: acv, partner: GOLD }), DEFAULT_PAY_PLAN)).spiffCents).toBe(dollars * 100);
  });

  it("bands are read in order of their minimum, whatever order the setting lists them", () => {
    const bands = [
      { minAcvCents: 1_000_000_00, spiffCents: 9 },
      { minAcvCents: 0, spiffCents: 1 },
    ];
    expect(spiffBand(2_000_000_00, bands).spiffCents).toBe(9);
    expect(spiffBand(10, bands).spiffCents).toBe(1);
  });

  it("an ACV below the lowest band's minimum earns none", () => {
    expect(spiffBand(5, [{ minAcvCents: 100, spiffCents: 7 }])).toEqual({ spiffCents: 0, label: "ACV under $1" });
  });

  it("only co-sell pays a SPIFF", () => {
    expect(ae(attribute(deal({ sourcedBy: GOLD }), DEFAULT_PAY_PLAN)).spiffCents).toBe(0);
    expect(ae(attribute(deal({ touchedBy: [GOLD] }), DEFAULT_PAY_PLAN)).spiffCents).toBe(0);
  });
});

describe("conflict splits override the plan", () => {
  const split = (directPct: number, partnerPct: number) => ({
    label: "the conflict case resolved on Nov 3, 2026",
    parties: [
      { kind: "DIRECT" as const, userId: "ae-2", creditPct: directPct },
      { kind: "PARTNER" as const, partner: GOLD, creditPct: partnerPct },
    ],
  });

  it("70/30 on a $400K co-sell: quota credit 70 % of ACV, SPIFF kept, margin scaled to the 30 %", () => {
    const r = attribute(deal({ route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN, split(70, 30));
    expect(r.category).toBe("PARTNER_COSELL");
    expect(ae(r)).toMatchObject({ userId: "ae-2", creditPct: 70, quotaCreditCents: 280 * K, spiffCents: 1 * K });
    expect(ae(r).basis).toMatch(
      /70 % credit decided by the conflict case resolved on Nov 3, 2026: quota credit 70 % of ACV = \$280,000/,
    );
    // 25 % of $400K = $100K, × 30 % = $30K
    expect(partner(r)).toMatchObject({ creditPct: 30, partnerMarginPct: 25, partnerMarginCents: 30 * K });
  });

  it("a party with 0 % earns nothing: no SPIFF for the AE, no margin for the partner", () => {
    const r = attribute(deal({ route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN, split(0, 100));
    expect(ae(r)).toMatchObject({ quotaCreditCents: 0, spiffCents: 0 });
    const r2 = attribute(deal({ route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN, split(100, 0));
    expect(partner(r2)).toMatchObject({ partnerMarginPct: null, partnerMarginCents: 0 });
  });

  it("the direct party without a user falls back to the deal's AE", () => {
    const r = attribute(deal({ partner: GOLD }), DEFAULT_PAY_PLAN, {
      label: "x",
      parties: [
        { kind: "DIRECT", userId: null, creditPct: 60 },
        { kind: "PARTNER", partner: GOLD, creditPct: 40 },
      ],
    });
    expect(ae(r).userId).toBe("ae-1");
  });

  it("an empty split leaves the plan's shares", () => {
    const r = attribute(deal({ route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN, { label: "x", parties: [] });
    expect(ae(r).creditPct).toBe(50);
  });
});

describe("provisional while open, final at close", () => {
  it("an open deal is provisional, with what it would pay if won today", () => {
    const r = attribute(deal({ stage: "NEGOTIATION", route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN);
    expect(r.final).toBe(false);
    expect(ae(r).spiffCents).toBe(1 * K);
  });

  it("a lost deal is final, keeps category and credit %, and pays nothing", () => {
    const r = attribute(deal({ stage: "CLOSED_LOST", route: "CO_SELL", partner: GOLD }), DEFAULT_PAY_PLAN);
    expect(r).toMatchObject({ final: true, category: "PARTNER_COSELL" });
    expect(ae(r)).toMatchObject({ creditPct: 50, quotaCreditCents: 0, spiffCents: 0 });
    expect(partner(r)).toMatchObject({ creditPct: 50, partnerMarginPct: null, partnerMarginCents: 0 });
    expect(partner(r).basis).toMatch(/the deal was lost: no quota credit, SPIFF or margin/);
  });
});

describe("pay plan from settings", () => {
  it("reads valid settings", () => {
    const plan = payPlanFrom({
      quotaShare: 0.3,
      spiffBands: [{ minAcvCents: 0, spiffCents: 1 }],
      marginByTier: { PLATINUM: 1, GOLD: 2, SILVER: 3, REGISTERED: 4 },
    });
    expect(plan).toEqual({
      partnerSourcedQuotaShare: 0.3,
      cosellSpiffBands: [{ minAcvCents: 0, spiffCents: 1 }],
      partnerMarginPctByTier: { PLATINUM: 1, GOLD: 2, SILVER: 3, REGISTERED: 4 },
    });
  });

  it("falls back to the defaults for a malformed setting", () => {
    expect(payPlanFrom({ quotaShare: 2, spiffBands: [], marginByTier: { GOLD: 5 } })).toEqual(DEFAULT_PAY_PLAN);
  });

  it("the defaults are the issue's: three SPIFF bands", () => {
    expect(DEFAULT_PAY_PLAN.cosellSpiffBands.map((b) => [b.minAcvCents, b.spiffCents])).toEqual([
      [0, 50_000],
      [25_000_000, 100_000],
      [100_000_000, 200_000],
    ]);
    expect(DEFAULT_PAY_PLAN.partnerSourcedQuotaShare).toBe(0.5);
  });
});
