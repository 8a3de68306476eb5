// A partner's scorecard for one quarter (docs/domain.md#scorecards-and-tiers): the figures from the
// counts lib/db/scorecards.ts groups in the database. Pure: no clock, no database.

/** What the database counts per partner and quarter; every count is one list the figure links to. */
export type ScorecardCounts = {
  /** registrations approved / rejected with decidedAt in the quarter (decidedAt is set by those two only) */
  approved: number;
  rejected: number;
  /** seconds from submission to decision of each of those, for the median */
  decisionSeconds: readonly number[];
  /** the partner's deals (Opportunity.partnerId) closed won / lost in the quarter */
  won: number;
  lost: number;
  /** deals created in the quarter with a PARTNER_SOURCED / PARTNER_COSELL attribution line (ACV, cents) */
  sourcedPipelineCents: bigint;
  cosoldPipelineCents: bigint;
  /** those closed won in the quarter (ACV, cents) */
  sourcedRevenueCents: bigint;
  cosoldRevenueCents: bigint;
  /** conflict cases with the partner as a party opened in the quarter, and how the resolved ones went */
  conflicts: number;
  conflictsWon: number;
  conflictsLost: number;
  /** hand-off offers made to the partner in the quarter and answered (accepted, declined, expired) */
  handoffsAnswered: number;
  handoffsAccepted: number;
};

/** MDF return on investment: attributed won revenue per paid dollar; null when nothing was paid. */
export type MdfRomi = { romi: number | null; paidCents: bigint };

export type Scorecard = {
  decided: number;
  approved: number;
  rejected: number;
  /** 0..1; null when nothing was decided (a share of nothing is not 0%) */
  approvalRate: number | null;
  /** hours; null when nothing was decided */
  medianDecisionHours: number | null;
  won: number;
  lost: number;
  winRate: number | null;
  sourcedPipelineCents: bigint;
  cosoldPipelineCents: bigint;
  sourcedRevenueCents: bigint;
  cosoldRevenueCents: bigint;
  conflicts: number;
  conflictsWon: number;
  conflictsLost: number;
  handoffsAnswered: number;
  handoffsAccepted: number;
  handoffAcceptance: number | null;
  mdf: MdfRomi;
};

export const NO_MDF: MdfRomi = { romi: null, paidCents: 0n };

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export const EMPTY_COUNTS: ScorecardCounts = {
  approved: 0,
  rejected: 0,
  decisionSeconds: [],
  won: 0,
  lost: 0,
  sourcedPipelineCents: 0n,
  cosoldPipelineCents: 0n,
  sourcedRevenueCents: 0n,
  cosoldRevenueCents: 0n,
  conflicts: 0,
  conflictsWon: 0,
  conflictsLost: 0,
  handoffsAnswered: 0,
  handoffsAccepted: 0,
};

export function scorecard(c: ScorecardCounts, mdf: MdfRomi = NO_MDF): Scorecard {
  const decided = c.approved + c.rejected;
  const hours = median(c.decisionSeconds);
  return {
    decided,
    approved: c.approved,
    rejected: c.rejected,
    approvalRate: share(c.approved, decided),
    medianDecisionHours: hours === null ? null : hours / 3600,
    won: c.won,
    lost: c.lost,
    winRate: share(c.won, c.won + c.lost),
    sourcedPipelineCents: c.sourcedPipelineCents,
    cosoldPipelineCents: c.cosoldPipelineCents,
    sourcedRevenueCents: c.sourcedRevenueCents,
    cosoldRevenueCents: c.cosoldRevenueCents,
    conflicts: c.conflicts,
    conflictsWon: c.conflictsWon,
    conflictsLost: c.conflictsLost,
    handoffsAnswered: c.handoffsAnswered,
    handoffsAccepted: c.handoffsAccepted,
    handoffAcceptance: share(c.handoffsAccepted, c.handoffsAnswered),
    mdf,
  };
}

/**
 * How a resolved case went for one partner party, from the credit its resolution gave the party
 * (docs/domain.md#resolutions-and-their-effects): all of it is won, none of it lost; a split, a
 * co-sell or a dismissal (credit partial or unset) is neither.
 */
export function conflictOutcome(creditPct: number | null): "won" | "lost" | null {
  if (creditPct === null) return null;
  if (creditPct >= 100) return "won";
  if (creditPct <= 0) return "lost";
  return null;
}
