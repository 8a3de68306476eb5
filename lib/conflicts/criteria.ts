// Objective criteria shown beside a decision (docs/domain.md#objective-criteria): win probability,
// customer lifetime value, strategic fit and who claimed first, each with its explanation in
// words. Pure: lib/db/conflict-criteria.ts reads the counts and the deal; time is an argument.
import { startOfQuarter, subQuarters } from "date-fns";

type Stage = "PROSPECT" | "QUALIFIED" | "PROPOSAL" | "NEGOTIATION" | "CLOSED_WON" | "CLOSED_LOST";
type AccountTier = "STRATEGIC" | "ENTERPRISE" | "MIDMARKET" | "SMB";

/** Below this many similar closed deals the stage's default win rate is used. */
const MIN_SIMILAR_CLOSED = 20;

/** Win rate by stage when history is too thin; a registration with no opportunity counts as a prospect. */
export const STAGE_DEFAULT_WIN_RATE: Record<Stage, number> = {
  PROSPECT: 0.1,
  QUALIFIED: 0.2,
  PROPOSAL: 0.4,
  NEGOTIATION: 0.6,
  CLOSED_WON: 1,
  CLOSED_LOST: 0,
};

/** How far a stage lifts the similar deals' win rate toward certainty. */
export const STAGE_PROGRESS: Record<Stage, number> = {
  PROSPECT: 0,
  QUALIFIED: 0.1,
  PROPOSAL: 0.25,
  NEGOTIATION: 0.45,
  CLOSED_WON: 1,
  CLOSED_LOST: 0,
};

/** ACV size bands (lower bounds in cents): under $25K, $25K–100K, $100K–250K, $250K–1M, $1M and above. */
const SIZE_BANDS = [0, 2_500_000, 10_000_000, 25_000_000, 100_000_000] as const;

/** The band an ACV falls in, as [min, max) in cents (max null: no upper bound). */
export function sizeBand(acvCents: number): { min: number; max: number | null } {
  let i = SIZE_BANDS.length - 1;
  while (i > 0 && acvCents < SIZE_BANDS[i]) i--;
  return { min: SIZE_BANDS[i], max: SIZE_BANDS[i + 1] ?? null };
}

/** The trailing four quarters: the current quarter and the three before it. */
export function trailingFourQuarters(now: Date): { from: Date; to: Date } {
  return { from: startOfQuarter(subQuarters(now, 3)), to: now };
}

/** Expected customer lifetime in years by account tier. */
const LIFETIME_YEARS: Record<AccountTier, number> = { STRATEGIC: 7, ENTERPRISE: 5, MIDMARKET: 4, SMB: 3 };

export type Criterion = {
  key: "winProbability" | "lifetimeValue" | "strategicFit" | "firstClaim";
  label: string;
  /** A number for sorting and charts: a probability 0..1, cents, a 0..100 score, or epoch ms of the first claim. */
  value: number;
  display: string;
  explanation: string;
};

export type Claim = { partyId: string; label: string; at: Date; what: string };

export type CriteriaInput = {
  stage: Stage | null;
  acvCents: number;
  productLine: string;
  accountTier: AccountTier | null;
  namedAccount: boolean;
  /** The segments ("who leads where") the deal falls in, by name. */
  segments: string[];
  /** Similar deals (same product line, account tier and size band) closed in the trailing four quarters. */
  similar: { won: number; closed: number };
  /** Every claim on the deal (registrations, the direct opportunity), labelled as the viewer may read them. */
  claims: Claim[];
};

const pct = (p: number) => `${Math.round(p * 100)} %`;
const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(cents / 100);
const day = (d: Date) => d.toISOString().slice(0, 10);

export function winProbability(i: Pick<CriteriaInput, "stage" | "similar" | "productLine" | "accountTier">): Criterion {
  const stage = i.stage ?? "PROSPECT";
  const stageWords = i.stage
    ? `the ${stage.toLowerCase().replace("_", " ")} stage`
    : "a registration not yet an opportunity";
  if (stage === "CLOSED_WON" || stage === "CLOSED_LOST") {
    const p = STAGE_DEFAULT_WIN_RATE[stage];
    return {
      key: "winProbability",
      label: "Win probability",
      value: p,
      display: pct(p),
      explanation: `The deal is already ${stage === "CLOSED_WON" ? "won" : "lost"}.`,
    };
  }
  const { won, closed } = i.similar;
  if (closed < MIN_SIMILAR_CLOSED) {
    const p = STAGE_DEFAULT_WIN_RATE[stage];
    return {
      key: "winProbability",
      label: "Win probability",
      value: p,
      display: pct(p),
      explanation:
        `Only ${closed} similar deal${closed === 1 ? "" : "s"} closed in the last four quarters ` +
        `(fewer than ${MIN_SIMILAR_CLOSED}), so the default for ${stageWords} is used: ${pct(p)}.`,
    };
  }
  const rate = won / closed;
  const p = rate + (1 - rate) * STAGE_PROGRESS[stage];
  const tier = i.accountTier ? `${i.accountTier.toLowerCase()} ` : "";
  return {
    key: "winProbability",
    label: "Win probability",
    value: p,
    display: pct(p),
    explanation:
      `${won} of ${closed} similar ${i.productLine} deals (${tier}accounts, same size band) closed in the last four quarters were won (${pct(rate)})` +
      (STAGE_PROGRESS[stage] > 0 ? `; at ${stageWords} that rises to ${pct(p)}.` : "."),
  };
}

export function lifetimeValue(i: Pick<CriteriaInput, "acvCents" | "accountTier">): Criterion {
  const years = i.accountTier ? LIFETIME_YEARS[i.accountTier] : LIFETIME_YEARS.SMB;
  const value = i.acvCents * years;
  const tier = i.accountTier ? `${i.accountTier.toLowerCase()} accounts` : "accounts not yet matched to a tier";
  return {
    key: "lifetimeValue",
    label: "Customer lifetime value",
    value,
    display: usd(value),
    explanation: `${usd(i.acvCents)} a year for the ${years} years ${tier} stay on average.`,
  };
}

export function strategicFit(i: Pick<CriteriaInput, "accountTier" | "namedAccount" | "segments">): Criterion {
  const tierScore = { STRATEGIC: 40, ENTERPRISE: 30, MIDMARKET: 20, SMB: 10 }[i.accountTier ?? "SMB"];
  const score = Math.min(100, tierScore + (i.namedAccount ? 40 : 0) + Math.min(20, i.segments.length * 10));
  const level = score >= 70 ? "High" : score >= 40 ? "Medium" : "Low";
  const parts = [
    i.accountTier ? `a ${i.accountTier.toLowerCase()} account` : "an account not yet matched",
    i.namedAccount ? "a named account the direct team reserves" : "not a named account",
    i.segments.length ? `in the segment${i.segments.length > 1 ? "s" : ""} ${i.segments.join(", ")}` : "in no segment",
  ];
  return {
    key: "strategicFit",
    label: "Strategic fit",
    value: score,
    display: `${level} (${score}/100)`,
    explanation: `${parts.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()),
  };
}

export function firstClaim(claims: Claim[]): Criterion {
  const sorted = [...claims].sort((a, b) => a.at.getTime() - b.at.getTime() || a.partyId.localeCompare(b.partyId));
  if (sorted.length === 0)
    return { key: "firstClaim", label: "Claimed first", value: 0, display: "—", explanation: "No claim is recorded." };
  const [first, ...rest] = sorted;
  const next = rest.find((c) => c.partyId !== first.partyId);
  const lead = next ? Math.round((next.at.getTime() - first.at.getTime()) / 86_400_000) : null;
  return {
    key: "firstClaim",
    label: "Claimed first",
    value: first.at.getTime(),
    display: first.label,
    explanation:
      `${first.label} claimed first (${first.what}, ${day(first.at)})` +
      (next
        ? lead === 0
          ? `, the same day as ${next.label}.`
          : `, ${lead} day${lead === 1 ? "" : "s"} before ${next.label} (${next.what}, ${day(next.at)}).`
        : "."),
  };
}

export function criteria(i: CriteriaInput): Criterion[] {
  return [winProbability(i), lifetimeValue(i), strategicFit(i), firstClaim(i.claims)];
}

export type SegmentCriteria = {
  acvMinCents?: number;
  acvMaxCents?: number;
  verticals?: string[];
  regions?: string[];
  productKinds?: string[];
  accountTiers?: string[];
};

/** Whether a deal falls in a segment (Segment.criteria): every stated bound holds (max exclusive). */
export function inSegment(
  c: SegmentCriteria,
  d: {
    acvCents: number;
    vertical: string | null;
    region: string | null;
    productKind: string;
    accountTier: string | null;
  },
): boolean {
  if (c.acvMinCents !== undefined && d.acvCents < c.acvMinCents) return false;
  if (c.acvMaxCents !== undefined && d.acvCents >= c.acvMaxCents) return false;
  if (c.verticals?.length && !(d.vertical && c.verticals.includes(d.vertical))) return false;
  if (c.regions?.length && !(d.region && c.regions.includes(d.region))) return false;
  if (c.productKinds?.length && !c.productKinds.includes(d.productKind)) return false;
  if (c.accountTiers?.length && !(d.accountTier && c.accountTiers.includes(d.accountTier))) return false;
  return true;
}
