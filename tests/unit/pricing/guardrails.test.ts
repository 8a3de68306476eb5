import { describe, expect, it } from "vitest";
import {
  corridorFor,
  excessPct,
  isBreach,
  leakageCents,
  listPriceOf,
  opensUndercut,
  summarizeLeakage,
  type LeakageDeal,
} from "@/lib/pricing/guardrails";

const corridors = [
  { productLineId: "core", route: "DIRECT" as const, maxDiscountPct: 25 },
  { productLineId: "core", route: "PARTNER_LED" as const, maxDiscountPct: 35 },
  { productLineId: "svc", route: "DIRECT" as const, maxDiscountPct: 10 },
];

describe("corridorFor", () => {
  it.each([
    ["core", "DIRECT", 25],
    ["core", "PARTNER_LED", 35],
    ["svc", "DIRECT", 10],
    ["svc", "PARTNER_LED", null], // no corridor for the cell
    ["core", null, null], // a deal without a route has no corridor
  ] as const)("%s × %s → %s", (pl, route, expected) => {
    expect(corridorFor(corridors, pl, route)).toBe(expected);
  });
});

describe("breach", () => {
  it.each([
    [25, 25, false, 0], // equal to the corridor is inside it
    [25.01, 25, true, 0.01],
    [27.3, 25, true, 2.3], // not 2.3000000000000007
    [10, 25, false, 0],
    [40, null, false, 0], // no corridor: nothing to breach
    [0, 0, false, 0],
    [0.5, 0, true, 0.5],
  ] as const)("discount %s vs corridor %s → breach %s, excess %s", (d, m, breach, excess) => {
    expect(isBreach(d, m)).toBe(breach);
    expect(excessPct(d, m)).toBe(excess);
  });
});

describe("leakageCents = max(0, discount − corridor) × list price", () => {
  it.each([
    // 30 % on a $100,000 list with a 25 % corridor: 5 points of $100,000 = $5,000
    [{ discountPct: 30, corridorMaxPct: 25, listPriceCents: 10_000_000, acvCents: 7_000_000 }, 500_000],
    // inside the corridor: nothing leaks
    [{ discountPct: 20, corridorMaxPct: 25, listPriceCents: 10_000_000, acvCents: 8_000_000 }, 0],
    // 2.3 points of $1,234.57 = $28.39511 → 2,840 cents (rounded once, to the nearest cent)
    [{ discountPct: 27.3, corridorMaxPct: 25, listPriceCents: 123_457, acvCents: 89_751 }, 2_840],
    // a half cent rounds up: 0.01 point of $50.00 = 0.5 cent → 1 cent
    [{ discountPct: 25.01, corridorMaxPct: 25, listPriceCents: 5_000, acvCents: 3_750 }, 1],
    // bigint list prices (Prisma BigInt columns)
    [{ discountPct: 40, corridorMaxPct: 35, listPriceCents: 300_000_000n, acvCents: 180_000_000n }, 15_000_000],
    // no list price: ACV grossed up by the discount ($60,000 at 40 % off → $100,000 list)
    [{ discountPct: 40, corridorMaxPct: 30, listPriceCents: null, acvCents: 6_000_000 }, 1_000_000],
    // no corridor: no leakage
    [{ discountPct: 40, corridorMaxPct: null, listPriceCents: 10_000_000, acvCents: 6_000_000 }, 0],
  ])("%o → %i cents", (deal, expected) => {
    expect(leakageCents(deal)).toBe(expected);
  });

  it("a 100 % discount without a list price has nothing to gross up", () => {
    expect(listPriceOf({ discountPct: 100, listPriceCents: null, acvCents: 0 })).toBe(0);
  });
});

describe("summarizeLeakage", () => {
  const deal = (over: Partial<LeakageDeal>): LeakageDeal => ({
    discountPct: 30,
    corridorMaxPct: 25,
    listPriceCents: 10_000_000,
    acvCents: 7_000_000,
    route: "DIRECT",
    productLineId: "core",
    aeId: "ae1",
    ...over,
  });

  it("totals and groups add up to the per-deal cents, largest first", () => {
    const deals = [
      deal({}), // 500,000
      deal({ discountPct: 35, aeId: "ae2" }), // 1,000,000
      deal({ route: "PARTNER_LED", corridorMaxPct: 35, discountPct: 36, productLineId: "svc" }), // 100,000
    ];
    const s = summarizeLeakage(deals);
    expect(s.total).toEqual({ count: 3, cents: 1_600_000 });
    expect(s.byRoute).toEqual([
      { key: "DIRECT", count: 2, cents: 1_500_000 },
      { key: "PARTNER_LED", count: 1, cents: 100_000 },
    ]);
    expect(s.byProductLine).toEqual([
      { key: "core", count: 2, cents: 1_500_000 },
      { key: "svc", count: 1, cents: 100_000 },
    ]);
    expect(s.byAe).toEqual([
      { key: "ae2", count: 1, cents: 1_000_000 },
      { key: "ae1", count: 2, cents: 600_000 },
    ]);
    for (const groups of [s.byRoute, s.byProductLine, s.byAe]) {
      expect(groups.reduce((n, g) => n + g.count, 0)).toBe(s.total.count);
      expect(groups.reduce((n, g) => n + g.cents, 0)).toBe(s.total.cents);
    }
  });

  it("is empty for no deals", () => {
    expect(summarizeLeakage([])).toEqual({ total: { count: 0, cents: 0 }, byRoute: [], byProductLine: [], byAe: [] });
  });
});

describe("opensUndercut", () => {
  const base = { directSide: true, discountPct: 30, lastUndercutPct: null, protectedByPartner: true, openCase: false };
  it.each([
    [{}, true],
    [{ directSide: false }, false], // a partner-side (or ops) discount is not an undercut
    [{ protectedByPartner: false }, false],
    [{ openCase: true }, false], // once per subject while the case is open
    [{ discountPct: 0 }, false], // no discount, nothing undercut
    [{ lastUndercutPct: 30 }, false], // already opened at this discount (a stage change, a resolved case)
    [{ lastUndercutPct: 35 }, false],
    [{ lastUndercutPct: 25 }, true], // deeper than the last case's discount
  ])("%o → %s", (over, expected) => {
    expect(opensUndercut({ ...base, ...over })).toBe(expected);
  });
});
