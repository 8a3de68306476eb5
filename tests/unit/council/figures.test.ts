// lib/council/figures.ts: the council's figures built from hand-made grouped counts, worked by hand:
// totals and the split by who leads over the period's months only, the trend month by month, rates
// with no denominator as null, the escalations' top rules, and each figure's counts and lists.
import { describe, expect, it } from "vitest";
import { parseCouncilPeriod, trailingMonths } from "@/lib/council";
import { councilFigures } from "@/lib/council/figures";
import type { CouncilRows } from "@/lib/council/types";

const period = parseCouncilPeriod("2026-11")!;
const trendMonths = trailingMonths(period, 12).map((t) => t.label);

function rows(over: Partial<CouncilRows> = {}): CouncilRows {
  return {
    created: [],
    byCategory: [],
    currencies: [],
    closed: [],
    opened: [],
    resolved: [],
    decided: [],
    handoffs: [],
    mdf: new Map(),
    cycle: { byMonth: new Map(), byLead: new Map(), total: null },
    leakage: [],
    rules: [],
    ...over,
  };
}

const byKey = (r: CouncilRows) => new Map(councilFigures(r, period, trendMonths).map((m) => [m.key, m]));

describe("councilFigures", () => {
  it("sums the period's months only, by lead, and keeps the other months for the trend", () => {
    const figures = byKey(
      rows({
        created: [
          { month: "2026-11", lead: "AE", deals: 2, acv: 300_00, sourcedAcv: 0 },
          { month: "2026-11", lead: "PARTNER", deals: 1, acv: 100_00, sourcedAcv: 100_00 },
          { month: "2026-10", lead: "AE", deals: 5, acv: 999_00, sourcedAcv: 0 },
        ],
        byCategory: [{ category: "PARTNER_SOURCED", deals: 1, acv: 100_00 }],
      }),
    );
    const pipeline = figures.get("pipelineCreated")!;
    expect(pipeline.total).toBe(400_00);
    expect(pipeline.byRoute).toEqual({ AE: 300_00, JOINT: 0, PARTNER: 100_00 });
    expect(pipeline.counts[0].count).toBe(3);
    expect(pipeline.trend.at(-1)).toEqual({ month: "2026-11", value: 400_00 });
    expect(pipeline.trend.at(-2)).toEqual({ month: "2026-10", value: 999_00 });
    expect(pipeline.trend).toHaveLength(12);
    expect(pipeline.breakdown?.slices.find((s) => s.key === "PARTNER_SOURCED")).toMatchObject({
      value: 100_00,
      count: 1,
    });
    expect(figures.get("partnerSourcedPct")!.total).toBe(0.25);
  });

  it("answers null for a rate with nothing to divide by, and 0 of something for a count", () => {
    const figures = byKey(rows());
    expect(figures.get("winRate")!.total).toBeNull();
    expect(figures.get("medianCycleDays")!.total).toBeNull();
    expect(figures.get("escalations")!.total).toBe(0);
    expect(figures.get("mdfRomi")!.total).toBeNull();
  });

  it("computes the win rate from won and lost, and the median cycle in days", () => {
    const figures = byKey(
      rows({
        closed: [
          { month: "2026-11", lead: "JOINT", won: 3, lost: 1, adjusted: 1 },
          { month: "2026-11", lead: null, won: 0, lost: 4, adjusted: 0 },
        ],
        cycle: { byMonth: new Map([["2026-11", 86_400 * 10]]), byLead: new Map(), total: 86_400 * 10 },
      }),
    );
    const win = figures.get("winRate")!;
    expect(win.total).toBe(3 / 8);
    expect(win.byRoute.JOINT).toBe(3 / 4);
    expect(win.counts.map((c) => c.count)).toEqual([3, 8]);
    expect(figures.get("payoutAccuracy")!.total).toBe(2 / 3);
    expect(figures.get("medianCycleDays")!.total).toBe(10);
  });

  it("ranks the rules behind the escalations by count, then priority, and links each to its cases", () => {
    const rule = (ruleId: string | null, count: number, priority: number | null) => ({
      ruleId,
      ruleName: ruleId && `Rule ${ruleId}`,
      priority,
      count,
    });
    const figures = byKey(rows({ rules: [rule("a", 2, 5), rule("b", 4, 9), rule(null, 7, null), rule("c", 2, 1)] }));
    const escalations = figures.get("escalations")!;
    expect(escalations.total).toBe(15);
    const slices = escalations.breakdown!.slices;
    expect(slices.map((s) => s.key)).toEqual(["b", "c", "a"]);
    expect(slices[0].href).toContain("rule=b");
  });
});
