import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET, defaultRuleSet } from "@/lib/rules/default-rule-set";
import { createSimulation, type HistoricalDeal } from "@/lib/rules/simulate";
import { moveWarningText, unintendedMoves, type WarningWords } from "@/lib/rules/simulation-warnings";
import type { RuleSet } from "@/lib/rules/types";
import { makeHistoricalDeal } from "@/tests/factories/facts";

// The case: rule 70 narrowed from "under $250K" to "under $150K". Deals of $150K–$250K lose
// rule 70 and, since rule 80 starts at $250K, fall to the Direct default: nobody chose that.
function narrowedRule70(): RuleSet {
  const set = defaultRuleSet({ id: "draft", version: 2 });
  const rule = set.rules.find((r) => r.priority === 70)!;
  rule.name = "Under $150K ACV";
  rule.conditions = [{ field: "acv", op: "lt", value: 15_000_000 }];
  return set;
}

const deal = (id: string, acv: number) => makeHistoricalDeal(id, acv);

function warningsFor(candidate: RuleSet, deals: HistoricalDeal[]) {
  const simulation = createSimulation({ candidate, current: DEFAULT_RULE_SET });
  simulation.add(deals);
  return unintendedMoves(DEFAULT_RULE_SET, candidate, simulation.result().moves);
}

const words: WarningWords = {
  money: (cents, style) =>
    style === "compact" ? `$${(cents / 100_000_000).toFixed(1)}M` : `$${(cents / 100).toLocaleString("en-US")}`,
  route: (route) => ({ DIRECT: "Direct", PARTNER_LED: "Partner-led", CO_SELL: "Co-sell" })[route as "DIRECT"] ?? route,
  count: (n) => n.toLocaleString("en-US"),
};

describe("unintendedMoves", () => {
  it("warns when a narrowed rule's deals fall to the default, naming the rule, counts, ACV and an example", () => {
    const deals = [
      deal("small", 10_000_000),
      deal("gap-1", 20_000_000),
      deal("gap-2", 16_000_000),
      deal("co", 30_000_000),
    ];
    const [warning, ...rest] = warningsFor(narrowedRule70(), deals);
    expect(rest).toEqual([]);
    expect(warning).toEqual({
      rule: { priority: 70, name: "Under $150K ACV" },
      change: "changed",
      to: null,
      fromRoute: "PARTNER_LED",
      toRoute: "DIRECT",
      deals: 2,
      acv: 36_000_000,
      example: { dealId: "gap-1", acv: 20_000_000 },
    });
    expect(moveWarningText(warning, "Acme Corp · Platform", words)).toBe(
      "2 deals ($0.4M) that Rule 70 · Under $150K ACV used to route (Partner-led) now fall to the Direct default" +
        " — e.g. Acme Corp · Platform, $200,000",
    );
  });

  it("warns when a removed rule's deals fall to a rule the draft left as it was", () => {
    const draft = defaultRuleSet({ id: "draft", version: 2 });
    draft.rules = draft.rules.filter((r) => r.priority !== 40); // specialised verticals gone
    const healthcare = makeHistoricalDeal("hc", 30_000_000, null, { vertical: "HEALTHCARE" });
    const [warning] = warningsFor(draft, [healthcare]);
    expect(warning).toMatchObject({
      rule: { priority: 40, name: "Specialized verticals" },
      change: "removed",
      to: { priority: 80, name: "$250K–$1M ACV" },
      fromRoute: "PARTNER_LED",
      toRoute: "CO_SELL",
      deals: 1,
    });
    expect(moveWarningText(warning, null, words)).toBe(
      "1 deal ($0.3M) that the removed Rule 40 · Specialized verticals used to route (Partner-led) now falls to " +
        "Rule 80 · $250K–$1M ACV, which the draft did not change (Co-sell) — e.g. $300,000",
    );
  });

  it("stays silent when a changed rule chose the deals (they moved on purpose)", () => {
    // rule 80 now starts at $500K and rule 70 was widened to match: both changed, so the move is intended
    const draft = defaultRuleSet({ id: "draft", version: 2 });
    draft.rules.find((r) => r.priority === 70)!.conditions = [{ field: "acv", op: "lt", value: 50_000_000 }];
    draft.rules.find((r) => r.priority === 80)!.conditions = [
      { field: "acv", op: "between", value: [50_000_000, 100_000_000] },
    ];
    expect(warningsFor(draft, [deal("a", 30_000_000), deal("b", 45_000_000)])).toEqual([]);
  });

  it("stays silent when an unchanged rule lost deals to a changed one", () => {
    // rule 70 widened to $500K takes rule 80's smaller deals: rule 80 did not change, rule 70 chose them
    const draft = defaultRuleSet({ id: "draft", version: 2 });
    draft.rules.find((r) => r.priority === 70)!.conditions = [{ field: "acv", op: "lt", value: 50_000_000 }];
    expect(warningsFor(draft, [deal("a", 30_000_000)])).toEqual([]);
  });

  it("ranks warnings by ACV, largest first", () => {
    const draft = narrowedRule70();
    draft.rules = draft.rules.filter((r) => r.priority !== 50); // services deals fall to rule 70 or the bands
    const services = (id: string, acv: number) => makeHistoricalDeal(id, acv, null, { productKind: "SERVICES" });
    const warnings = warningsFor(draft, [deal("gap", 20_000_000), services("big", 40_000_000)]);
    expect(warnings.map((w) => [w.rule.priority, w.to?.priority ?? "default", w.acv])).toEqual([
      [50, 80, 40_000_000],
      [70, "default", 20_000_000],
    ]);
  });
});
