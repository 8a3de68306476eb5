import { describe, expect, it } from "vitest";
import {
  criteria,
  firstClaim,
  inSegment,
  lifetimeValue,
  sizeBand,
  strategicFit,
  trailingFourQuarters,
  winProbability,
} from "@/lib/conflicts/criteria";

// Worked examples for docs/domain.md#objective-criteria.
describe("win probability", () => {
  const base = { productLine: "Platform", accountTier: "ENTERPRISE" as const };

  it("falls back to the stage default below 20 similar closed deals", () => {
    const c = winProbability({ ...base, stage: "PROPOSAL", similar: { won: 19, closed: 19 } });
    expect(c.value).toBe(0.4);
    expect(c.explanation).toMatch(/Only 19 similar deals .* default for the proposal stage is used: 40 %/);
  });

  it("uses the similar deals' win rate from 20 closed, lifted by the stage", () => {
    // 12 of 40 won = 30 %; negotiation lifts it 45 % of the way to 100 %: 0.3 + 0.7 × 0.45 = 61.5 %
    const c = winProbability({ ...base, stage: "NEGOTIATION", similar: { won: 12, closed: 40 } });
    expect(c.value).toBeCloseTo(0.615, 10);
    expect(c.display).toBe("62 %");
    expect(c.explanation).toMatch(
      /12 of 40 similar Platform deals \(enterprise accounts, same size band\).*\(30 %\); at the negotiation stage that rises to 62 %/,
    );
  });

  it("a prospect takes the similar deals' rate as it is", () => {
    expect(winProbability({ ...base, stage: "PROSPECT", similar: { won: 5, closed: 20 } }).value).toBe(0.25);
  });

  it("a registration without an opportunity counts as a prospect", () => {
    const c = winProbability({ ...base, stage: null, similar: { won: 0, closed: 3 } });
    expect(c.value).toBe(0.1);
    expect(c.explanation).toMatch(/registration not yet an opportunity/);
  });
});

describe("lifetime value, strategic fit, first claim", () => {
  it("lifetime value is the ACV times the tier's years", () => {
    const c = lifetimeValue({ acvCents: 12_000_000, accountTier: "ENTERPRISE" });
    expect(c.value).toBe(60_000_000);
    expect(c.display).toBe("$600,000");
    expect(c.explanation).toBe("$120,000 a year for the 5 years enterprise accounts stay on average.");
  });

  it("strategic fit scores tier, named account and segments", () => {
    expect(
      strategicFit({ accountTier: "STRATEGIC", namedAccount: true, segments: ["Named strategic accounts"] }),
    ).toMatchObject({
      value: 90,
      display: "High (90/100)",
    });
    expect(strategicFit({ accountTier: "SMB", namedAccount: false, segments: [] })).toMatchObject({
      value: 10,
      display: "Low (10/100)",
      explanation: "A smb account; not a named account; in no segment.",
    });
  });

  it("who claimed first, and by how many days", () => {
    const c = firstClaim([
      { partyId: "b", label: "Another partner", at: new Date("2026-11-10T09:00:00Z"), what: "registration" },
      { partyId: "a", label: "Your company", at: new Date("2026-11-03T09:00:00Z"), what: "registration" },
      { partyId: "d", label: "The vendor", at: new Date("2026-11-20T09:00:00Z"), what: "opportunity" },
    ]);
    expect(c.display).toBe("Your company");
    expect(c.explanation).toBe(
      "Your company claimed first (registration, 2026-11-03), 7 days before Another partner (registration, 2026-11-10).",
    );
    expect(firstClaim([]).explanation).toBe("No claim is recorded.");
  });

  it("returns the four criteria in order", () => {
    const all = criteria({
      stage: "QUALIFIED",
      acvCents: 5_000_000,
      productLine: "Platform",
      accountTier: null,
      namedAccount: false,
      segments: [],
      similar: { won: 0, closed: 0 },
      claims: [],
    });
    expect(all.map((c) => c.key)).toEqual(["winProbability", "lifetimeValue", "strategicFit", "firstClaim"]);
  });
});

describe("similar deals and segments", () => {
  it("puts an ACV in its size band", () => {
    expect(sizeBand(0)).toEqual({ min: 0, max: 2_500_000 });
    expect(sizeBand(2_500_000)).toEqual({ min: 2_500_000, max: 10_000_000 });
    expect(sizeBand(99_999_999)).toEqual({ min: 25_000_000, max: 100_000_000 });
    expect(sizeBand(500_000_000)).toEqual({ min: 100_000_000, max: null });
  });

  it("the trailing four quarters are this quarter and the three before", () => {
    expect(trailingFourQuarters(new Date("2026-12-05T10:00:00Z")).from.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(trailingFourQuarters(new Date("2026-02-01T00:00:00Z")).from.toISOString()).toBe("2025-04-01T00:00:00.000Z");
  });

  it("matches segment criteria", () => {
    const deal = {
      acvCents: 30_000_000,
      vertical: "HEALTHCARE",
      region: "NA",
      productKind: "CORE",
      accountTier: "ENTERPRISE",
    };
    expect(inSegment({ productKinds: ["CORE"], acvMinCents: 25_000_000, acvMaxCents: 100_000_000 }, deal)).toBe(true);
    expect(inSegment({ productKinds: ["CORE"], acvMaxCents: 25_000_000 }, deal)).toBe(false);
    expect(inSegment({ regions: ["APAC"] }, deal)).toBe(false);
    expect(inSegment({ accountTiers: ["STRATEGIC"] }, { ...deal, accountTier: null })).toBe(false);
  });
});
