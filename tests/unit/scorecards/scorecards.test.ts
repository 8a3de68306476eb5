import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseQuarter } from "@/lib/dates/quarters";
import {
  DEFAULT_CRITERIA,
  EMPTY_COUNTS,
  conflictOutcome,
  criteriaProgress,
  proposeTier,
  qualifyingTier,
  scorecard,
  scorecardLinks,
  sortScorecards,
  tierProgress,
  type CriteriaTable,
} from "@/lib/scorecards";

const HOUR = 3600;

describe("scorecard figures (docs/domain.md#scorecards-and-tiers)", () => {
  it("computes the rates and the median from hand-counted figures", () => {
    const card = scorecard({
      ...EMPTY_COUNTS,
      approved: 3,
      rejected: 1,
      // 2 h, 10 h, 4 h, 30 h → median of 4 and 10 = 7 h
      decisionSeconds: [2 * HOUR, 10 * HOUR, 4 * HOUR, 30 * HOUR],
      won: 2,
      lost: 3,
      sourcedRevenueCents: 1_500_000n,
      conflicts: 4,
      conflictsWon: 1,
      conflictsLost: 2,
      handoffsAnswered: 5,
      handoffsAccepted: 4,
    });
    expect(card.decided).toBe(4);
    expect(card.approvalRate).toBe(0.75);
    expect(card.medianDecisionHours).toBe(7);
    expect(card.winRate).toBe(0.4);
    expect(card.handoffAcceptance).toBe(0.8);
    expect(card.sourcedRevenueCents).toBe(1_500_000n);
    expect(card.conflicts).toBe(4);
  });

  it("leaves a rate of nothing empty, not 0%, and shows no MDF without a paid fund", () => {
    const card = scorecard(EMPTY_COUNTS);
    expect(card.approvalRate).toBeNull();
    expect(card.medianDecisionHours).toBeNull();
    expect(card.winRate).toBeNull();
    expect(card.handoffAcceptance).toBeNull();
    expect(card.mdf).toEqual({ romi: null, paidCents: 0n });
  });

  it("takes the middle value of an odd count", () => {
    expect(
      scorecard({ ...EMPTY_COUNTS, approved: 3, decisionSeconds: [HOUR, 5 * HOUR, 3 * HOUR] }).medianDecisionHours,
    ).toBe(3);
  });

  it("passes the MDF return through", () => {
    expect(scorecard(EMPTY_COUNTS, { romi: 4.5, paidCents: 200_000n }).mdf.romi).toBe(4.5);
  });

  it.each([
    [100, "won"],
    [0, "lost"],
    [60, null],
    [null, null],
  ] as const)("a case that gave the partner %s%% credit counts as %s", (credit, outcome) => {
    expect(conflictOutcome(credit)).toBe(outcome);
  });
});

describe("tiers", () => {
  const table: CriteriaTable = {
    PLATINUM: { minSourcedRevenueCents: 1_000n, minWinRate: 0.5, minApprovedRegistrations: 10, minCertifications: 4 },
    GOLD: { minSourcedRevenueCents: 500n, minWinRate: 0.3, minApprovedRegistrations: 5, minCertifications: 2 },
    SILVER: { minSourcedRevenueCents: 100n, minWinRate: 0.1, minApprovedRegistrations: 1, minCertifications: 0 },
  };
  const gold = { sourcedRevenueCents: 600n, winRate: 0.35, approved: 6, certifications: 2 };

  it("qualifies for the highest tier whose every criterion is met", () => {
    expect(qualifyingTier(table, gold)).toBe("GOLD");
    // PLATINUM's revenue met, its win rate not: still GOLD
    expect(qualifyingTier(table, { ...gold, sourcedRevenueCents: 5_000n })).toBe("GOLD");
    expect(qualifyingTier(table, { sourcedRevenueCents: 0n, winRate: null, approved: 0, certifications: 9 })).toBe(
      "REGISTERED",
    );
  });

  it("asks for the tier's certifications too: the figures of GOLD without its certifications are SILVER", () => {
    expect(qualifyingTier(table, { ...gold, certifications: 1 })).toBe("SILVER");
    expect(proposeTier("GOLD", table, { ...gold, certifications: 1 })).toEqual({
      kind: "DEMOTE",
      from: "GOLD",
      to: "SILVER",
    });
    expect(qualifyingTier(table, { ...gold, certifications: 2 })).toBe("GOLD");
  });

  it("proposes promotions and demotions, nothing when the tier fits", () => {
    expect(proposeTier("SILVER", table, gold)).toEqual({ kind: "PROMOTE", from: "SILVER", to: "GOLD" });
    expect(proposeTier("PLATINUM", table, gold)).toEqual({ kind: "DEMOTE", from: "PLATINUM", to: "GOLD" });
    expect(proposeTier("GOLD", table, gold)).toBeNull();
  });

  it("shows progress toward the next tier, criterion by criterion", () => {
    const p = tierProgress("GOLD", table, gold);
    expect(p.next).toBe("PLATINUM");
    expect(p.criteria.map((c) => [c.key, c.actual, c.target, c.met])).toEqual([
      ["minSourcedRevenueCents", 600, 1_000, false],
      ["minWinRate", 0.35, 0.5, false],
      ["minApprovedRegistrations", 6, 10, false],
      ["minCertifications", 2, 4, false],
    ]);
    // at the top: the tier's own criteria, to keep it
    expect(tierProgress("PLATINUM", table, gold).criteria.every((c) => c.target > 0)).toBe(true);
    expect(tierProgress("REGISTERED", table, gold).next).toBe("SILVER");
  });

  it("counts a win rate of nothing as 0 against a criterion", () => {
    expect(
      criteriaProgress(DEFAULT_CRITERIA.SILVER, {
        sourcedRevenueCents: 0n,
        winRate: null,
        approved: 0,
        certifications: 0,
      })[1],
    ).toMatchObject({
      actual: 0,
      met: false,
    });
  });
});

describe("scorecard links", () => {
  const q4 = parseQuarter("2026-Q4")!;
  it("filter the staff lists to the partner and the quarter", () => {
    const l = scorecardLinks("p1", q4);
    expect(l.won).toBe("/opportunities?partnerId=p1&outcome=won&closedFrom=2026-10-01&closedTo=2026-12-31");
    expect(l.sourcedPipeline).toBe(
      "/opportunities?partnerId=p1&category=PARTNER_SOURCED&createdFrom=2026-10-01&createdTo=2026-12-31",
    );
    expect(l.approved).toBe(
      "/registrations?partnerId=p1&decidedFrom=2026-10-01&decidedTo=2026-12-31&decision=approved",
    );
  });
  it("link conflicts won and lost, and the quarter's answered and accepted offers", () => {
    const l = scorecardLinks("p1", q4);
    expect(l.conflictsWon).toBe(
      "/conflicts?partnerId=p1&slice=all&status=ALL&openedFrom=2026-10-01&openedTo=2026-12-31&partnerOutcome=won",
    );
    expect(l.conflictsLost).toMatch(/&partnerOutcome=lost$/);
    expect(l.handoffs).toBe(
      "/handoffs/offers?partnerId=p1&offeredFrom=2026-10-01&offeredTo=2026-12-31&outcome=answered",
    );
    expect(l.handoffsAccepted).toMatch(/&outcome=accepted$/);
  });
  it("send a partner to its own portal lists, never naming its id", () => {
    const l = scorecardLinks("p1", q4, true);
    expect(l.approved).toBe("/portal/registrations?decidedFrom=2026-10-01&decidedTo=2026-12-31&decision=approved");
    expect(l.won).toBe("/portal/deals?outcome=won&closedFrom=2026-10-01&closedTo=2026-12-31");
    expect(l.conflicts.startsWith("/portal/conflicts?")).toBe(true);
    expect(l.conflictsWon).toBe(
      "/portal/conflicts?status=ALL&openedFrom=2026-10-01&openedTo=2026-12-31&partnerOutcome=won",
    );
    expect(l.handoffs).toBe("/portal/offers?offeredFrom=2026-10-01&offeredTo=2026-12-31&outcome=answered");
    expect(Object.values(l).some((href) => href.includes("p1"))).toBe(false);
  });
});

describe("lib/scorecards is pure", () => {
  it("imports nothing from next, react, Prisma or lib/db", () => {
    const dir = join(process.cwd(), "lib/scorecards");
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), "utf8");
      expect(src, f).not.toMatch(/from ["'](next|react|@prisma|@\/lib\/db)/);
    }
  });
});

describe("sorting the scorecard table", () => {
  const row = (name: string, winRate: number | null, revenue: bigint) => ({
    name,
    card: { ...scorecard(EMPTY_COUNTS), winRate, sourcedRevenueCents: revenue },
  });
  const rows = [row("Beta", 0.5, 10n), row("Alpha", null, 30n), row("Gamma", 0.2, 20n), row("Delta", 0.5, 0n)];
  it("sorts by a figure either way, ties by name, a rate of nothing last", () => {
    expect(sortScorecards(rows, "winRate", "desc").map((r) => r.name)).toEqual(["Beta", "Delta", "Gamma", "Alpha"]);
    expect(sortScorecards(rows, "winRate", "asc").map((r) => r.name)).toEqual(["Gamma", "Beta", "Delta", "Alpha"]);
    expect(sortScorecards(rows, "sourcedRevenue", "desc").map((r) => r.name)).toEqual([
      "Alpha",
      "Gamma",
      "Beta",
      "Delta",
    ]);
    expect(sortScorecards(rows, "name", "asc").map((r) => r.name)).toEqual(["Alpha", "Beta", "Delta", "Gamma"]);
  });
});
