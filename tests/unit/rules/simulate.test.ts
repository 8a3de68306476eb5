import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET, defaultRuleSet } from "@/lib/rules/default-rule-set";
import { interpret } from "@/lib/rules/interpret";
import { plainTrace } from "@/lib/rules/plain-trace";
import { createSimulation, type HistoricalDeal, type SimulationInput } from "@/lib/rules/simulate";
import { ROUTES, type Route, type RuleSet } from "@/lib/rules/types";
import { makeHistoricalDeal } from "@/tests/factories/facts";
import { factsArb, ruleSetArb } from "./arbitraries";

/** All deals in one batch. */
function simulate(input: SimulationInput & { deals: readonly HistoricalDeal[] }) {
  const simulation = createSimulation(input);
  simulation.add(input.deals);
  return simulation.result();
}

// Candidate: the co-sell band starts at 500,000.00 instead of 250,000.00.
function raisedCoSellBand(): RuleSet {
  const set = defaultRuleSet({ id: "draft", version: 2 });
  const under = set.rules.find((r) => r.priority === 70)!;
  const band = set.rules.find((r) => r.priority === 80)!;
  under.conditions = [{ field: "acv", op: "lt", value: 50_000_000 }];
  band.conditions = [{ field: "acv", op: "between", value: [50_000_000, 100_000_000] }];
  return set;
}

const deal = makeHistoricalDeal;

const deals: HistoricalDeal[] = [
  deal("d1", 10_000_000, "PARTNER_LED"), // unchanged: under both bands
  deal("d2", 30_000_000, "CO_SELL"), // moves CO_SELL → PARTNER_LED
  deal("d3", 45_000_000, "CO_SELL"), // moves CO_SELL → PARTNER_LED
  deal("d4", 60_000_000, "CO_SELL"), // unchanged
  deal("d5", 200_000_000, "DIRECT_PARTNER_ATTACHED"), // unchanged
  deal("d6", 30_000_000, "PARTNER_LED", { namedAccount: true }), // recorded route differs from the rules
  deal("d7", 40_000_000, null), // never routed; CO_SELL today, PARTNER_LED under the draft
];

describe("createSimulation: hand-computed cases", () => {
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

describe("createSimulation: moves by winning rule", () => {
  it("groups route changes by the winning rule before and after, with the largest deal as the example", () => {
    const result = simulate({ candidate: raisedCoSellBand(), current: DEFAULT_RULE_SET, deals });
    expect(result.moves).toEqual([
      {
        from: { priority: 80, name: "$250K–$1M ACV" },
        to: { priority: 70, name: "Under $250K ACV" },
        fromRoute: "CO_SELL",
        toRoute: "PARTNER_LED",
        deals: 3,
        acv: 115_000_000,
        example: { dealId: "d3", acv: 45_000_000 },
      },
    ]);
  });

  it("has no moves against the recorded routes (no winning rule to compare with)", () => {
    expect(simulate({ candidate: raisedCoSellBand(), deals }).moves).toEqual([]);
  });
});

// The streaming aggregator against a reference written the plain way (every deal kept, decided by
// the interpreter, sorted at the end), on generated rule sets and deals split into random batches.
function reference(candidate: RuleSet, current: RuleSet | undefined, all: HistoricalDeal[], sampleSize: number) {
  const matrix: Record<string, Record<string, { deals: number; acv: number }>> = {};
  for (const from of [...ROUTES, "NONE"]) {
    matrix[from] = {};
    for (const to of ROUTES) matrix[from][to] = { deals: 0, acv: 0 };
  }
  const changed: { deal: HistoricalDeal; from: Route | null; to: Route; fromRule: string; toRule: string }[] = [];
  for (const deal of all) {
    const next = interpret(candidate, deal.facts);
    const now = current ? interpret(current, deal.facts) : null;
    const from = now ? now.route : deal.currentRoute;
    matrix[from ?? "NONE"][next.route].deals++;
    matrix[from ?? "NONE"][next.route].acv += deal.acv;
    if (from !== next.route)
      changed.push({
        deal,
        from,
        to: next.route,
        fromRule: String(now?.rulePriority),
        toRule: String(next.rulePriority),
      });
  }
  const order = (a: HistoricalDeal, b: HistoricalDeal) => b.acv - a.acv || (a.id < b.id ? -1 : 1);
  const groups = new Map<string, { deals: number; acv: number; example: HistoricalDeal }>();
  for (const c of changed) {
    const key = `${c.fromRule}→${c.toRule}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { deals: 1, acv: c.deal.acv, example: c.deal });
    else {
      g.deals++;
      g.acv += c.deal.acv;
      if (order(c.deal, g.example) < 0) g.example = c.deal;
    }
  }
  return {
    totalDeals: all.length,
    totalAcv: all.reduce((sum, d) => sum + d.acv, 0),
    changedDeals: changed.length,
    changedAcv: changed.reduce((sum, c) => sum + c.deal.acv, 0),
    matrix,
    sample: [...changed]
      .sort((a, b) => order(a.deal, b.deal))
      .slice(0, sampleSize)
      .map((c) => {
        const fromDecision = current ? interpret(current, c.deal.facts) : null;
        const toDecision = interpret(candidate, c.deal.facts);
        return {
          dealId: c.deal.id,
          from: c.from,
          to: c.to,
          fromDecision,
          toDecision,
          fromTrace: fromDecision && current ? plainTrace(current, c.deal.facts, fromDecision.trace) : null,
          toTrace: plainTrace(candidate, c.deal.facts, toDecision.trace),
        };
      }),
    groups: current ? groups : new Map(),
  };
}

const ROUTE_OR_NULL = fc.constantFrom<Route | null>(null, ...ROUTES);

describe("createSimulation ≡ the plain reference on generated deals", () => {
  it("in any batch split: matrix, totals, sample with traces, moves", () => {
    fc.assert(
      fc.property(
        ruleSetArb({ maxRules: 12 }),
        ruleSetArb({ maxRules: 12 }),
        fc.boolean(),
        fc.array(fc.record({ facts: factsArb, acv: fc.nat({ max: 5_000 }), route: ROUTE_OR_NULL }), {
          maxLength: 60,
        }),
        fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 8 }),
        fc.nat({ max: 6 }),
        (candidate, current, withCurrent, rows, cuts, sampleSize) => {
          const all: HistoricalDeal[] = rows.map((r, i) => ({
            id: `d${String(i).padStart(3, "0")}`,
            facts: r.facts,
            acv: r.acv, // small: ties on ACV are common, so the id tie-break is exercised
            currentRoute: r.route,
          }));
          const now = withCurrent ? current : undefined;
          const simulation = createSimulation({ candidate, current: now, sampleSize });
          let at = 0;
          for (const cut of cuts) {
            simulation.add(all.slice(at, at + cut));
            at += cut;
          }
          simulation.add(all.slice(at));
          expect(simulation.deals).toBe(all.length);
          const got = simulation.result();
          const want = reference(candidate, now, all, sampleSize);
          expect(got).toMatchObject({
            baseline: now ? "CURRENT_RULE_SET" : "RECORDED_ROUTE",
            totalDeals: want.totalDeals,
            totalAcv: want.totalAcv,
            changedDeals: want.changedDeals,
            changedAcv: want.changedAcv,
            matrix: want.matrix,
          });
          expect(got.sample.map(({ acv: _acv, ...c }) => c)).toEqual(want.sample);
          const moves = new Map(
            got.moves.map((m) => [
              `${m.from?.priority ?? null}→${m.to?.priority ?? null}`,
              { deals: m.deals, acv: m.acv, example: m.example.dealId },
            ]),
          );
          expect(moves).toEqual(
            new Map([...want.groups].map(([k, g]) => [k, { deals: g.deals, acv: g.acv, example: g.example.id }])),
          );
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
