import { describe, expect, it } from "vitest";
import { dueInWords, MAX_OFFERS_PER_ROUND, nextStep, offerDueAt } from "@/lib/handoffs/next-step";
import { exclusion, rankCandidates, smoothedAcceptance, type HandoffCandidate } from "@/lib/handoffs/ranking";
import { durationInWords, handoffStatsOf, median } from "@/lib/handoffs/stats";

const deal = { regionId: "r-emea", regionName: "EMEA West", vertical: "HEALTHCARE" as const };

function partner(over: Partial<HandoffCandidate> & { id: string }): HandoffCandidate {
  return {
    name: over.id,
    tier: "GOLD",
    type: "RESELLER",
    active: true,
    regionIds: ["r-emea"],
    verticals: ["HEALTHCARE"],
    accepted: 0,
    answered: 0,
    openLoad: 0,
    lastOfferedAt: null,
    ...over,
  };
}

const order = (cs: HandoffCandidate[], offered: string[] = []) =>
  rankCandidates(deal, cs, new Set(offered)).map((r) => r.partnerId);

describe("hand-off ranking (lib/handoffs/ranking.ts)", () => {
  it("excludes inactive partners, marketplaces, partners outside the region and those already offered", () => {
    const cs = [
      partner({ id: "ok" }),
      partner({ id: "inactive", active: false }),
      partner({ id: "market", type: "MARKETPLACE" }),
      partner({ id: "apac", regionIds: ["r-apac"] }),
      partner({ id: "asked" }),
    ];
    expect(order(cs, ["asked"])).toEqual(["ok"]);
    expect(exclusion(deal, cs[3]!, new Set())).toBe("does not serve EMEA West");
    expect(exclusion(deal, cs[4]!, new Set(["asked"]))).toBe("already offered this deal");
  });

  it("puts a partner serving the vertical before a higher tier that does not", () => {
    expect(
      order([
        partner({ id: "platinum-retail", tier: "PLATINUM", verticals: ["RETAIL"] }),
        partner({ id: "silver-hc", tier: "SILVER" }),
      ]),
    ).toEqual(["silver-hc", "platinum-retail"]);
  });

  it("then orders by tier", () => {
    expect(
      order([
        partner({ id: "reg", tier: "REGISTERED" }),
        partner({ id: "plat", tier: "PLATINUM" }),
        partner({ id: "gold" }),
      ]),
    ).toEqual(["plat", "gold", "reg"]);
  });

  it("then by smoothed acceptance rate: 9 of 10 beats 1 of 1; no history counts as 50 %", () => {
    // (9+1)/(10+2) = 0.833 > (1+1)/(1+2) = 0.667 > no history (0+1)/(0+2) = 0.5 > 1 of 4 = 0.333
    expect(smoothedAcceptance(9, 10)).toBeCloseTo(0.8333, 4);
    expect(
      order([
        partner({ id: "new" }),
        partner({ id: "one-of-one", accepted: 1, answered: 1 }),
        partner({ id: "nine-of-ten", accepted: 9, answered: 10 }),
        partner({ id: "one-of-four", accepted: 1, answered: 4 }),
      ]),
    ).toEqual(["nine-of-ten", "one-of-one", "new", "one-of-four"]);
  });

  it("then by open load, fewer first", () => {
    expect(order([partner({ id: "busy", openLoad: 7 }), partner({ id: "free", openLoad: 1 })])).toEqual([
      "free",
      "busy",
    ]);
  });

  it("rotates among equals: never offered first, then least recently offered", () => {
    const cs = [
      partner({ id: "yesterday", lastOfferedAt: new Date("2026-12-04T10:00:00Z") }),
      partner({ id: "last-week", lastOfferedAt: new Date("2026-11-27T10:00:00Z") }),
      partner({ id: "never" }),
    ];
    expect(order(cs)).toEqual(["never", "last-week", "yesterday"]);
  });

  it("breaks a full tie by name, then id, whatever the input order", () => {
    const a = partner({ id: "p2", name: "Acme" });
    const b = partner({ id: "p1", name: "Acme" });
    const c = partner({ id: "p0", name: "Zeta" });
    expect(order([c, a, b])).toEqual(["p1", "p2", "p0"]);
    expect(order([b, c, a])).toEqual(["p1", "p2", "p0"]);
  });

  it("gives ranks from 1 and the reasons in the order they decide", () => {
    const [top] = rankCandidates(deal, [
      partner({
        id: "p",
        name: "Northwind",
        accepted: 3,
        answered: 4,
        openLoad: 2,
        lastOfferedAt: new Date("2026-12-01T09:00:00Z"),
      }),
    ]);
    expect(top).toEqual({
      partnerId: "p",
      name: "Northwind",
      rank: 1,
      reasons: [
        "Serves EMEA West",
        "Serves Healthcare",
        "Gold tier",
        "Accepted 3 of 4 offers (75 %)",
        "2 open deals",
        "Last offered a deal on 2026-12-01",
      ],
    });
    const [other] = rankCandidates(deal, [partner({ id: "q", verticals: ["RETAIL"], openLoad: 1 })]);
    expect(other!.reasons).toContain("Does not list Healthcare");
    expect(other!.reasons).toContain("No offers answered yet (counted as 50 %)");
    expect(other!.reasons).toContain("1 open deal");
    expect(other!.reasons).toContain("Never offered a deal before");
  });
});

describe("next step (lib/handoffs/next-step.ts)", () => {
  const ranked = rankCandidates(deal, [partner({ id: "a" }), partner({ id: "b", tier: "SILVER" })]);

  it("offers the top-ranked partner, numbering the offer within the round", () => {
    expect(nextStep(0, ranked)).toMatchObject({ kind: "OFFER", offerNumber: 1, candidate: { partnerId: "a" } });
    expect(nextStep(2, ranked)).toMatchObject({ kind: "OFFER", offerNumber: 3 });
  });

  it("returns to ops after 3 offers, even with candidates left", () => {
    expect(MAX_OFFERS_PER_ROUND).toBe(3);
    expect(nextStep(3, ranked)).toEqual({ kind: "RETURN_TO_OPS", note: "3 offers made without an acceptance" });
  });

  it("returns to ops when nobody is left to offer", () => {
    expect(nextStep(0, [])).toMatchObject({
      kind: "RETURN_TO_OPS",
      note: expect.stringContaining("none active serves"),
    });
    expect(nextStep(1, [])).toMatchObject({ kind: "RETURN_TO_OPS", note: expect.stringContaining("every one") });
  });

  it("gives 2 business days to answer: an offer on Friday 10:00 is due Tuesday 10:00", () => {
    expect(offerDueAt(new Date("2026-12-04T10:00:00Z"), 2).toISOString()).toBe("2026-12-08T10:00:00.000Z");
    expect(offerDueAt(new Date("2026-12-01T10:00:00Z"), 2).toISOString()).toBe("2026-12-03T10:00:00.000Z");
  });

  it("says the due time in words", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(dueInWords(new Date("2026-12-03T10:00:00Z"), now)).toBe("due in 2 days");
    expect(dueInWords(new Date("2026-12-02T12:00:00Z"), now)).toBe("due in 1 day");
    expect(dueInWords(new Date("2026-12-01T15:30:00Z"), now)).toBe("due in 5 hours");
    expect(dueInWords(new Date("2026-12-01T10:20:00Z"), now)).toBe("due in 20 minutes");
    expect(dueInWords(now, now)).toBe("overdue");
  });
});

describe("hand-off stats (lib/handoffs/stats.ts)", () => {
  const t = (h: number) => new Date(Date.UTC(2026, 11, 1) + h * 3_600_000);
  it("counts acceptance rate and the median time to accept per partner", () => {
    const stats = handoffStatsOf([
      { partnerId: "a", status: "ACCEPTED", offeredAt: t(0), respondedAt: t(2) },
      { partnerId: "a", status: "ACCEPTED", offeredAt: t(0), respondedAt: t(10) },
      { partnerId: "a", status: "DECLINED", offeredAt: t(0), respondedAt: t(1) },
      { partnerId: "a", status: "EXPIRED", offeredAt: t(0), respondedAt: t(48) },
      { partnerId: "b", status: "DECLINED", offeredAt: t(0), respondedAt: t(1) },
    ]);
    expect(stats).toEqual([
      {
        partnerId: "a",
        offers: 4,
        accepted: 2,
        declined: 1,
        expired: 1,
        acceptanceRate: 0.5,
        medianTimeToAcceptMs: 6 * 3_600_000,
      },
      {
        partnerId: "b",
        offers: 1,
        accepted: 0,
        declined: 1,
        expired: 0,
        acceptanceRate: 0,
        medianTimeToAcceptMs: null,
      },
    ]);
  });

  it("median of odd, even and empty lists", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("durations in words", () => {
    expect(durationInWords(30 * 60_000)).toBe("30 min");
    expect(durationInWords(5 * 3_600_000)).toBe("5 h");
    expect(durationInWords(60 * 3_600_000)).toBe("2.5 days");
  });
});
