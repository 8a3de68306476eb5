import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET, defaultRuleSet } from "@/lib/rules/default-rule-set";
import { interpret } from "@/lib/rules/interpret";
import { simulate, type HistoricalDeal } from "@/lib/rules/simulate";
import type { RuleSet } from "@/lib/rules/types";
import { makeFacts } from "@/tests/factories/facts";

// Candidate: the co-sell band starts at 500,000.00 instead of 250,000.00.
function raisedCoSellBand(): RuleSet {
  const set = defaultRuleSet({ id: "draft", version: 2 });
  const under = set.rules.find((r) => r.priority === 70)!;
  const band = set.rules.find((r) => r.priority === 80)!;
  under.conditions = [{ field: "acv", op: "lt", value: 50_000_000 }];
  band.conditions = [{ field: "acv", op: "between", value: [50_000_000, 100_000_000] }];
  return set;
}

const core = {
  vertical: "TECHNOLOGY",
  productKind: "CORE",
  partnerType: "RESELLER",
  regionDirectPresence: true,
} as const;
const deal = (id: string, acv: number, currentRoute: HistoricalDeal["currentRoute"], extra = {}): HistoricalDeal => ({
  id,
  acv,
  currentRoute,
  facts: makeFacts({ ...core, acv, ...extra }),
});

const deals: HistoricalDeal[] = [
  deal("d1", 10_000_000, "PARTNER_LED"), // unchanged: under both bands
  deal("d2", 30_000_000, "CO_SELL"), // moves CO_SELL → PARTNER_LED
  deal("d3", 45_000_000, "CO_SELL"), // moves CO_SELL → PARTNER_LED
  deal("d4", 60_000_000, "CO_SELL"), // unchanged
  deal("d5", 200_000_000, "DIRECT_PARTNER_ATTACHED"), // unchanged
  deal("d6", 30_000_000, "PARTNER_LED", { namedAccount: true }), // recorded route differs from the rules
  deal("d7", 40_000_000, null), // never routed; CO_SELL today, PARTNER_LED under the draft
];

describe("simulate", () => {
  it("against the current rule set: counts, ACV and the from → to matrix", () => {
    const result = simulate({ candidate: raisedCoSellBand(), current: DEFAULT_RULE_SET, deals });
    expect(result).toMatchObject({
      baseline: "CURRENT_RULE_SET",
      totalDeals: 7,
      changedDeals: 3,
      changedAcv: 115_000_000,
    });
    expect(result.totalAcv).toBe(deals.reduce((sum, d) => sum + d.acv, 0));
    expect(result.matrix.CO_SELL.PARTNER_LED).toEqual({ deals: 3, acv: 115_000_000 });
    expect(result.matrix.CO_SELL.CO_SELL).toEqual({ deals: 1, acv: 60_000_000 });
    expect(result.matrix.PARTNER_LED.PARTNER_LED).toEqual({ deals: 1, acv: 10_000_000 });
    expect(result.matrix.DIRECT_PARTNER_ATTACHED.DIRECT_PARTNER_ATTACHED).toEqual({ deals: 2, acv: 230_000_000 });
    expect(result.matrix.NONE.CO_SELL).toEqual({ deals: 0, acv: 0 });
  });

  it("against the recorded routes when no current rule set is given", () => {
    const result = simulate({ candidate: raisedCoSellBand(), deals });
    expect(result).toMatchObject({ baseline: "RECORDED_ROUTE", changedDeals: 4, changedAcv: 145_000_000 });
    expect(result.matrix.PARTNER_LED.DIRECT_PARTNER_ATTACHED).toEqual({ deals: 1, acv: 30_000_000 });
    expect(result.matrix.NONE.PARTNER_LED).toEqual({ deals: 1, acv: 40_000_000 });
    expect(result.sample.find((c) => c.dealId === "d7")).toMatchObject({
      from: null,
      to: "PARTNER_LED",
      fromDecision: null,
    });
  });

  it("samples the largest changes first, deterministically, with both traces", () => {
    const result = simulate({ candidate: raisedCoSellBand(), current: DEFAULT_RULE_SET, deals, sampleSize: 2 });
    expect(result.sample.map((c) => [c.dealId, c.from, c.to])).toEqual([
      ["d3", "CO_SELL", "PARTNER_LED"],
      ["d7", "CO_SELL", "PARTNER_LED"],
    ]);
    const [first] = result.sample;
    expect(first.fromDecision).toEqual(interpret(DEFAULT_RULE_SET, deals[2].facts));
    expect(first.toDecision.trace.at(-1)).toMatchObject({
      ruleId: "roe-70-under-250k",
      matched: true,
      reason: "acv 450,000.00 < 500,000.00 ✓",
    });
    // and in plain language, as the results page shows them (lib/rules/plain-trace.ts)
    expect(first.toTrace.at(-1)).toMatchObject({ matched: true, reason: "ACV is $450K — below $500K" });
    expect(first.fromTrace?.at(-1)).toMatchObject({ name: "$250K–$1M ACV", matched: true });
    expect(simulate({ candidate: raisedCoSellBand(), current: DEFAULT_RULE_SET, deals, sampleSize: 2 })).toEqual(
      result,
    );
  });

  it("changes nothing when the candidate equals the current set", () => {
    const result = simulate({ candidate: defaultRuleSet(), current: DEFAULT_RULE_SET, deals });
    expect([result.changedDeals, result.changedAcv, result.sample]).toEqual([0, 0, []]);
  });
});
