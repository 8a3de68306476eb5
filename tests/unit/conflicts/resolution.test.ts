import { describe, expect, it } from "vitest";
import {
  normalizeTags,
  partnerOutcome,
  resolutionEffects,
  validateResolution,
  type CaseForResolution,
  type ResolutionInput,
} from "@/lib/conflicts/resolution";

// A duplicate with the direct team on the account: two partners and the AE (docs/domain.md#resolutions-and-their-effects).
const CASE: CaseForResolution = {
  parties: [
    { id: "pa", kind: "PARTNER", partnerId: "p1" },
    { id: "pb", kind: "PARTNER", partnerId: "p2" },
    { id: "d", kind: "DIRECT", partnerId: null },
  ],
  registrations: [
    { id: "r1", partnerId: "p1", status: "APPROVED" },
    { id: "r2", partnerId: "p2", status: "SUBMITTED" },
    { id: "r3", partnerId: "p2", status: "WITHDRAWN" },
  ],
  opportunity: { id: "o1", route: "DIRECT", partnerId: null },
};
const base = { rationale: "Partner B brought the buyer to the event", tags: [] };

describe("validating a resolution", () => {
  it("needs a rationale", () => {
    expect(validateResolution({ ...base, rationale: "  ", resolution: "DISMISSED" }, CASE)).toMatchObject({
      ok: false,
      fieldErrors: { rationale: [expect.any(String)] },
    });
  });

  it("needs the winner when two partners are on the case, and a partner party", () => {
    expect(validateResolution({ ...base, resolution: "AWARD_PARTNER" }, CASE)).toMatchObject({
      ok: false,
      fieldErrors: { winnerPartyId: [expect.any(String)] },
    });
    expect(validateResolution({ ...base, resolution: "AWARD_PARTNER", winnerPartyId: "d" }, CASE).ok).toBe(false);
    expect(validateResolution({ ...base, resolution: "AWARD_PARTNER", winnerPartyId: "pb" }, CASE).ok).toBe(true);
  });

  it.each([
    [
      [
        { partyId: "pa", creditPct: 60 },
        { partyId: "pb", creditPct: 30 },
      ],
      /exactly 100 \(they add up to 90\)/,
    ],
    [
      [
        { partyId: "pa", creditPct: 60 },
        { partyId: "pb", creditPct: 40.01 },
      ],
      /exactly 100/,
    ],
    [[{ partyId: "pa", creditPct: 100 }], /at least two/],
    [
      [
        { partyId: "pa", creditPct: 50 },
        { partyId: "pa", creditPct: 50 },
      ],
      /one credit/,
    ],
    [
      [
        { partyId: "pa", creditPct: 50 },
        { partyId: "zz", creditPct: 50 },
      ],
      /party on this case/,
    ],
    [
      [
        { partyId: "pa", creditPct: 150 },
        { partyId: "pb", creditPct: -50 },
      ],
      /between 0 and 100/,
    ],
  ])("refuses a split %j", (splits, message) => {
    const v = validateResolution({ ...base, resolution: "SPLIT", splits }, CASE);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.fieldErrors.splits[0]).toMatch(message);
  });

  it("accepts thirds written to the hundredth", () => {
    const splits = [
      { partyId: "pa", creditPct: 33.33 },
      { partyId: "pb", creditPct: 33.33 },
      { partyId: "d", creditPct: 33.34 },
    ];
    expect(validateResolution({ ...base, resolution: "SPLIT", splits }, CASE)).toEqual({ ok: true });
  });
});

describe("the effects of a resolution", () => {
  it("AWARD_PARTNER: the winner keeps its claim, the other partner's active registrations lose, the deal goes partner-led", () => {
    expect(resolutionEffects({ ...base, resolution: "AWARD_PARTNER", winnerPartyId: "pa" }, CASE)).toEqual({
      credit: [
        { partyId: "pa", creditPct: 100 },
        { partyId: "pb", creditPct: 0 },
        { partyId: "d", creditPct: 0 },
      ],
      losers: [{ registrationId: "r2", from: "SUBMITTED", to: "REJECTED" }],
      winners: ["r1"],
      opportunity: { id: "o1", route: "PARTNER_LED", partnerId: "p1" },
    });
  });

  it("AWARD_DIRECT: every active partner registration loses (approved ones expire), the deal stays direct", () => {
    expect(resolutionEffects({ ...base, resolution: "AWARD_DIRECT" }, CASE)).toEqual({
      credit: [
        { partyId: "pa", creditPct: 0 },
        { partyId: "pb", creditPct: 0 },
        { partyId: "d", creditPct: 100 },
      ],
      losers: [
        { registrationId: "r1", from: "APPROVED", to: "EXPIRED" },
        { registrationId: "r2", from: "SUBMITTED", to: "REJECTED" },
      ],
      winners: [],
      opportunity: { id: "o1", route: "DIRECT", partnerId: null },
    });
  });

  it("SPLIT: credit as given (0 for a party left out), nothing else changes", () => {
    const splits = [
      { partyId: "pa", creditPct: 70 },
      { partyId: "d", creditPct: 30 },
    ];
    expect(resolutionEffects({ ...base, resolution: "SPLIT", splits }, CASE)).toEqual({
      credit: [
        { partyId: "pa", creditPct: 70 },
        { partyId: "pb", creditPct: 0 },
        { partyId: "d", creditPct: 30 },
      ],
      losers: [],
      winners: [],
      opportunity: null,
    });
  });

  it("CO_SELL: the deal is co-sold with the only partner on the case", () => {
    const one: CaseForResolution = { ...CASE, parties: [CASE.parties[0], CASE.parties[2]] };
    expect(resolutionEffects({ ...base, resolution: "CO_SELL" }, one).opportunity).toEqual({
      id: "o1",
      route: "CO_SELL",
      partnerId: "p1",
    });
  });

  it("DISMISSED changes nothing", () => {
    expect(resolutionEffects({ ...base, resolution: "DISMISSED" }, CASE)).toEqual({
      credit: [],
      losers: [],
      winners: [],
      opportunity: null,
    });
  });

  it("stores tags trimmed, lower-case and once", () => {
    expect(normalizeTags([" Prior Relationship", "prior relationship", "", "Event"])).toEqual([
      "prior relationship",
      "event",
    ]);
  });
});

describe("the outcome in each partner's words (never naming or counting the others)", () => {
  const words = (input: ResolutionInput, party: "pa" | "pb") =>
    partnerOutcome(input.resolution, resolutionEffects(input, CASE), {
      partyId: party,
      partnerId: party === "pa" ? "p1" : "p2",
    });

  it.each([
    [
      { ...base, resolution: "AWARD_PARTNER", winnerPartyId: "pa" },
      "pa",
      "Decided in your favour: your registration keeps the claim.",
    ],
    [
      { ...base, resolution: "AWARD_PARTNER", winnerPartyId: "pa" },
      "pb",
      "Decided for another party: your registration no longer holds the claim.",
    ],
    [
      { ...base, resolution: "AWARD_DIRECT" },
      "pa",
      "Decided for the vendor's direct team: your registration no longer holds the claim.",
    ],
    [
      {
        ...base,
        resolution: "SPLIT",
        splits: [
          { partyId: "pa", creditPct: 70 },
          { partyId: "d", creditPct: 30 },
        ],
      },
      "pa",
      "The credit is split: your company receives 70 %.",
    ],
    [{ ...base, resolution: "DISMISSED" }, "pb", "The case was dismissed: nothing changes."],
  ] as [ResolutionInput, "pa" | "pb", string][])("%j for %s", (input, party, expected) => {
    expect(words(input, party)).toBe(expected);
  });
});
