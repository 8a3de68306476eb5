import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  accuracy,
  band,
  computeForecast,
  historyWindow,
  parseQuarter,
  weekStart,
  winRate,
  type ForecastInput,
} from "@/lib/forecast";

// The joint forecast's maths (docs/domain.md#joint-forecast). Every expected figure below is worked out by
// hand in the comment above it; z = 1.2816 (80 % band).
const MIN = 20;

describe("winRate", () => {
  it("uses the stage default below the minimum of closed deals (fallback)", () => {
    // 5 won + 5 lost = 10 closed < 20: the default for negotiation (0.6), not 5/10 lifted
    expect(winRate({ won: 5, lost: 5 }, "NEGOTIATION", MIN)).toEqual({ p: 0.6, basis: "default", won: 5, closed: 10 });
    expect(winRate({ won: 19, lost: 0 }, "PROSPECT", MIN).p).toBe(0.1);
  });

  it("lifts the category's win rate by the stage from the minimum on", () => {
    // r = 15 / 30 = 0.5; negotiation lifts 45 % of the way to 1: 0.5 + 0.5 × 0.45 = 0.725
    expect(winRate({ won: 15, lost: 15 }, "NEGOTIATION", MIN)).toEqual({
      p: 0.725,
      basis: "history",
      won: 15,
      closed: 30,
    });
    // prospect: no lift, the rate itself; exactly 20 closed is enough
    expect(winRate({ won: 5, lost: 15 }, "PROSPECT", MIN).p).toBe(0.25);
    // qualified: 0.25 + 0.75 × 0.1 = 0.325
    expect(winRate({ won: 5, lost: 15 }, "QUALIFIED", MIN).p).toBeCloseTo(0.325, 12);
  });

  it("never divides by zero when the minimum is 0", () => {
    expect(winRate({ won: 0, lost: 0 }, "PROPOSAL", 0)).toMatchObject({ p: 0.4, basis: "default" });
  });
});

describe("band", () => {
  it("is expected ± 1.2816 σ, rounded to cents", () => {
    // σ = 1,000,000 → spread 1,281,600
    expect(band(0n, 0n, 5_000_000n, 1_000_000)).toEqual({
      closedWon: 0n,
      commit: 0n,
      expected: 5_000_000n,
      low: 3_718_400n,
      high: 6_281_600n,
    });
  });

  it("never puts the low end below what is already won", () => {
    // won 1,000,000 + one prospect of 10,000,000 at the default 0.1: expected 2,000,000,
    // σ² = 0.1 × 0.9 × 10,000,000² = 9e12, σ = 3,000,000, spread 3,844,800: low 2,000,000 − 3,844,800 < won → 1,000,000
    expect(band(1_000_000n, 1_000_000n, 2_000_000n, 3_000_000)).toMatchObject({ low: 1_000_000n, high: 5_844_800n });
  });
});

describe("computeForecast", () => {
  // DIRECT: 10 closed in the history (< 20: stage defaults). Won this quarter: 1 deal of 2,000,000.
  //   open: 1 in negotiation of 10,000,000 (p 0.6), 1 in proposal of 5,000,000 (p 0.4)
  //   expected = 2,000,000 + 0.6 × 10,000,000 + 0.4 × 5,000,000 = 10,000,000
  //   commit   = 2,000,000 + 10,000,000 (negotiation) = 12,000,000
  //   σ² = 0.6·0.4·(10,000,000)² + 0.4·0.6·(5,000,000)² = 2.4e13 + 6e12 = 3e13, σ = 5,477,225.58
  //   band = 10,000,000 ± 7,019,612.3 → low 2,980,388, high 17,019,612
  // PARTNER_SOURCED: 30 closed (15 won): r = 0.5, prospect p = 0.5. Open: 2 prospects of 2,000,000 each.
  //   expected = 0.5 × 4,000,000 = 2,000,000; σ² = 0.25 × (2 × 2,000,000²) = 2e12, σ = 1,414,213.56
  //   band = 2,000,000 ± 1,812,456.1 → low 187,544, high 3,812,456; commit 0 (no negotiation, nothing won)
  // Total: expected 12,000,000, won 2,000,000, commit 12,000,000;
  //   σ = √(3e13 + 2e12) = 5,656,854.25 → ± 7,249,824.3 → low 4,750,176, high 19,249,824
  const input: ForecastInput = {
    minClosedDeals: MIN,
    won: [{ category: "DIRECT", count: 1, acvCents: 2_000_000n }],
    open: [
      { category: "DIRECT", stage: "NEGOTIATION", count: 1, acvCents: 10_000_000n, acvSquared: 1e14 },
      { category: "DIRECT", stage: "PROPOSAL", count: 1, acvCents: 5_000_000n, acvSquared: 25e12 },
      { category: "PARTNER_SOURCED", stage: "PROSPECT", count: 2, acvCents: 4_000_000n, acvSquared: 8e12 },
    ],
    history: [
      { category: "DIRECT", won: 5, lost: 5 },
      { category: "PARTNER_SOURCED", won: 15, lost: 15 },
    ],
  };
  const f = computeForecast(input);

  it("falls back to the stage defaults below 20 closed deals", () => {
    expect(f.winRates.DIRECT.NEGOTIATION).toMatchObject({ p: 0.6, basis: "default" });
    expect(f.categories.DIRECT).toEqual({
      closedWon: 2_000_000n,
      commit: 12_000_000n,
      expected: 10_000_000n,
      low: 2_980_388n,
      high: 17_019_612n,
    });
    expect(f.deals.DIRECT).toEqual({ closedWon: 1, commit: 1, open: 2 });
  });

  it("uses the history at or above 20 closed deals", () => {
    expect(f.winRates.PARTNER_SOURCED.PROSPECT).toMatchObject({ p: 0.5, basis: "history" });
    expect(f.categories.PARTNER_SOURCED).toEqual({
      closedWon: 0n,
      commit: 0n,
      expected: 2_000_000n,
      low: 187_544n,
      high: 3_812_456n,
    });
  });

  it("gives an empty category zeros and stage defaults", () => {
    expect(f.categories.MARKETPLACE).toEqual({ closedWon: 0n, commit: 0n, expected: 0n, low: 0n, high: 0n });
    expect(f.deals.MARKETPLACE).toEqual({ closedWon: 0, commit: 0, open: 0 });
    expect(f.winRates.MARKETPLACE.PROSPECT).toMatchObject({ p: 0.1, basis: "default", closed: 0 });
  });

  it("sums the categories into one total whose σ comes from the summed variances", () => {
    expect(f.total).toEqual({
      closedWon: 2_000_000n,
      commit: 12_000_000n,
      expected: 12_000_000n,
      low: 4_750_176n,
      high: 19_249_824n,
    });
    expect(f.sigma.TOTAL).toBeCloseTo(5_656_854.25, 1);
    expect(f.deals.TOTAL).toEqual({ closedWon: 1, commit: 1, open: 4 });
  });

  it("collapses the band onto closed-won when nothing is open", () => {
    const done = computeForecast({ ...input, open: [] });
    expect(done.total).toEqual({
      closedWon: 2_000_000n,
      commit: 2_000_000n,
      expected: 2_000_000n,
      low: 2_000_000n,
      high: 2_000_000n,
    });
  });
});

describe("periods", () => {
  it("reads win rates from the four quarters before the forecast quarter, never from later ones", () => {
    const q4 = parseQuarter("2026-Q4")!;
    // now in Q4: the four quarters before Q4
    expect(historyWindow(q4, new Date("2026-11-15T00:00:00Z"))).toEqual({
      from: new Date("2025-10-01T00:00:00Z"),
      to: new Date("2026-10-01T00:00:00Z"),
    });
    // a future quarter (2027-Q2) seen from Q4: the four quarters before the current one
    expect(historyWindow(parseQuarter("2027-Q2")!, new Date("2026-11-15T00:00:00Z")).to).toEqual(
      new Date("2026-10-01T00:00:00Z"),
    );
  });

  it("keys weekly snapshots by Monday 00:00 UTC", () => {
    expect(weekStart(new Date("2026-12-05T17:00:00Z"))).toEqual(new Date("2026-11-30T00:00:00Z")); // a Saturday
    expect(weekStart(new Date("2026-11-30T00:00:00Z"))).toEqual(new Date("2026-11-30T00:00:00Z")); // a Monday
    expect(weekStart(new Date("2026-12-06T23:59:59Z"))).toEqual(new Date("2026-11-30T00:00:00Z")); // a Sunday
  });

  it("rejects anything but YYYY-Qn", () => {
    expect(parseQuarter("2026-Q5")).toBeNull();
    expect(parseQuarter("2026Q4")).toBeNull();
  });
});

describe("accuracy", () => {
  it("is |actual − forecast| / actual and says whether the actual fell in the band", () => {
    // forecast 900, actual 1,000: off by 10 %; band 800–1,100 holds it
    expect(accuracy({ expected: 900n, low: 800n, high: 1_100n }, 1_000n)).toEqual({ error: 0.1, withinBand: true });
    expect(accuracy({ expected: 900n, low: 800n, high: 950n }, 1_000n).withinBand).toBe(false);
    expect(accuracy({ expected: 900n, low: 800n, high: 950n }, 0n).error).toBeNull();
  });
});

describe("lib/forecast purity", () => {
  const dir = path.resolve(__dirname, "../../../lib/forecast");
  const FORBIDDEN = /^(next|react|@prisma\/.*|server-only|node:.*)(\/|$)|^@\/lib\/db(\/|$)/;
  it.each(readdirSync(dir))("%s imports nothing impure", (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    const specifiers = [...text.matchAll(/from\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => FORBIDDEN.test(s))).toEqual([]);
  });
});
