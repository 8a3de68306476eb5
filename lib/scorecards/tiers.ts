// Partner tiers and their criteria (docs/domain.md#scorecards-and-tiers): progress toward the next
// tier and the promotion or demotion a quarter's figures call for. Pure.
import type { Scorecard } from "./figures";

/** Highest first. REGISTERED has no criteria: every partner qualifies for it. */
const TIERS = ["PLATINUM", "GOLD", "SILVER", "REGISTERED"] as const;
export type Tier = (typeof TIERS)[number];

export type TierCriteria = {
  /** partner-sourced revenue won in the quarter, cents */
  minSourcedRevenueCents: bigint;
  /** won / (won + lost), 0..1 */
  minWinRate: number;
  /** registrations approved in the quarter */
  minApprovedRegistrations: number;
  /** certified staff (Partner.certifications, edited by channel operations on the partner) */
  minCertifications: number;
};

export type CriteriaTable = Record<Exclude<Tier, "REGISTERED">, TierCriteria>;

/** The programme's starting criteria until channel operations edits them (lib/db/tier-criteria.ts). */
export const DEFAULT_CRITERIA: CriteriaTable = {
  PLATINUM: {
    minSourcedRevenueCents: 100_000_000n,
    minWinRate: 0.4,
    minApprovedRegistrations: 10,
    minCertifications: 5,
  },
  GOLD: { minSourcedRevenueCents: 25_000_000n, minWinRate: 0.3, minApprovedRegistrations: 5, minCertifications: 3 },
  SILVER: { minSourcedRevenueCents: 5_000_000n, minWinRate: 0.2, minApprovedRegistrations: 2, minCertifications: 1 },
};

type CriterionKey = keyof TierCriteria;
export type CriterionProgress = { key: CriterionKey; label: string; target: number; actual: number; met: boolean };

/** The quarter's figures and the partner's certifications (a standing count, not per quarter). */
export type Measures = Pick<Scorecard, "sourcedRevenueCents" | "winRate" | "approved"> & { certifications: number };

const rank = (t: Tier) => TIERS.indexOf(t);

/** Each criterion of a tier against the figures (a win rate of nothing counts as 0). */
export function criteriaProgress(criteria: TierCriteria, m: Measures): CriterionProgress[] {
  const rows: Omit<CriterionProgress, "met">[] = [
    {
      key: "minSourcedRevenueCents",
      label: "Sourced revenue won",
      target: Number(criteria.minSourcedRevenueCents),
      actual: Number(m.sourcedRevenueCents),
    },
    { key: "minWinRate", label: "Win rate", target: criteria.minWinRate, actual: m.winRate ?? 0 },
    {
      key: "minApprovedRegistrations",
      label: "Registrations approved",
      target: criteria.minApprovedRegistrations,
      actual: m.approved,
    },
    { key: "minCertifications", label: "Certifications", target: criteria.minCertifications, actual: m.certifications },
  ];
  return rows.map((r) => ({ ...r, met: r.actual >= r.target }));
}

/** The highest tier whose every criterion the figures meet. */
export function qualifyingTier(table: CriteriaTable, m: Measures): Tier {
  for (const tier of TIERS) {
    if (tier === "REGISTERED") return tier;
    if (criteriaProgress(table[tier], m).every((c) => c.met)) return tier;
  }
  return "REGISTERED";
}

/** The tier one above (null at the top). */
function nextTier(tier: Tier): Tier | null {
  const i = rank(tier);
  return i > 0 ? TIERS[i - 1] : null;
}

export type TierProgress = { tier: Tier; next: Tier | null; criteria: CriterionProgress[] };

/** Progress toward the next tier (at the top: against the tier's own criteria, to keep it). */
export function tierProgress(current: Tier, table: CriteriaTable, m: Measures): TierProgress {
  const next = nextTier(current);
  const target = next ?? current;
  const criteria = target === "REGISTERED" ? [] : criteriaProgress(table[target], m);
  return { tier: current, next, criteria };
}

export type TierChange = { kind: "PROMOTE" | "DEMOTE"; from: Tier; to: Tier };

/** The change a quarter's figures call for, or null when the partner stays. */
export function proposeTier(current: Tier, table: CriteriaTable, m: Measures): TierChange | null {
  const to = qualifyingTier(table, m);
  if (to === current) return null;
  return { kind: rank(to) < rank(current) ? "PROMOTE" : "DEMOTE", from: current, to };
}
