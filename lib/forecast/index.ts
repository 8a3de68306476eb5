// The joint forecast of a quarter (docs/domain.md#joint-forecast): per attribution category,
// closed-won, commit, expected and its 80 % band. Pure: lib/db/forecast.ts aggregates the deals in SQL
// and passes the sums in; time, settings and data are arguments.
import type { AttributionCategory } from "@/lib/attribution/types";
import { STAGE_DEFAULT_WIN_RATE, STAGE_PROGRESS } from "@/lib/conflicts/criteria";
import { parseQuarter, quarterOf, shiftQuarter, type Quarter } from "@/lib/dates/quarters";

export type ForecastCategory = AttributionCategory;
/** The categories in the order the forecast shows them. */
export const FORECAST_CATEGORIES = [
  "DIRECT",
  "PARTNER_SOURCED",
  "PARTNER_COSELL",
  "PARTNER_INFLUENCED",
  "MARKETPLACE",
] as const satisfies readonly ForecastCategory[];

export const FORECAST_OPEN_STAGES = ["PROSPECT", "QUALIFIED", "PROPOSAL", "NEGOTIATION"] as const;
export type ForecastOpenStage = (typeof FORECAST_OPEN_STAGES)[number];
/** The open stage whose deals are in commit (a deal in negotiation is the one a seller commits to). */
export const COMMIT_STAGE: ForecastOpenStage = "NEGOTIATION";

/** z of the two-sided 80 % interval of a normal distribution. */
export const Z80 = 1.2816;

/** One category's (or the total's) figures, in cents. */
export type Band = { closedWon: bigint; commit: bigint; expected: bigint; low: bigint; high: bigint };

/** How many deals each figure counts (each drill-down list shows this count). */
export type DealCounts = { closedWon: number; commit: number; open: number };

/** Open deals expected to close in the quarter, summed per category × stage (lib/db/forecast.ts). */
export type OpenBucket = {
  category: ForecastCategory;
  stage: ForecastOpenStage;
  count: number;
  acvCents: bigint;
  /** Σ ACV² in cents², as a float (it overflows 64-bit integers at scale and only feeds σ). */
  acvSquared: number;
};

/** Won deals closed in the quarter, per category. */
export type WonBucket = { category: ForecastCategory; count: number; acvCents: bigint };

/** Deals closed won / lost in the trailing four quarters, per category (the win-rate history). */
export type HistoryBucket = { category: ForecastCategory; won: number; lost: number };

export type WinRate = { p: number; basis: "history" | "default"; won: number; closed: number };

export type ForecastInput = {
  won: WonBucket[];
  open: OpenBucket[];
  history: HistoryBucket[];
  /** below this many closed deals in a category the stage default applies (setting forecast.minClosedDeals) */
  minClosedDeals: number;
};

export type ForecastResult = {
  total: Band;
  categories: Record<ForecastCategory, Band>;
  deals: Record<ForecastCategory | "TOTAL", DealCounts>;
  /** σ in cents, per category and in total (from the summed variances) */
  sigma: Record<ForecastCategory | "TOTAL", number>;
  winRates: Record<ForecastCategory, Record<ForecastOpenStage, WinRate>>;
};

/**
 * The win probability of an open deal of a category at a stage. The data records each closed deal's
 * category and outcome but not the stages it passed through, so the estimator is the category's win
 * rate r = won / (won + lost) over the trailing four quarters, lifted toward certainty by the stage
 * as the objective criteria do (lib/conflicts/criteria.ts): p = r + (1 − r) × lift(stage). Below
 * `minClosedDeals` closed deals in the category, the stage default rate is used.
 */
export function winRate(
  history: { won: number; lost: number },
  stage: ForecastOpenStage,
  minClosedDeals: number,
): WinRate {
  const closed = history.won + history.lost;
  if (closed < minClosedDeals || closed === 0) {
    return { p: STAGE_DEFAULT_WIN_RATE[stage], basis: "default", won: history.won, closed };
  }
  const r = history.won / closed;
  return { p: r + (1 - r) * STAGE_PROGRESS[stage], basis: "history", won: history.won, closed };
}

const ZERO_COUNTS = (): DealCounts => ({ closedWon: 0, commit: 0, open: 0 });
const round = (x: number) => BigInt(Math.round(x));

/** The band around an expected value: expected ± z·σ, the low end never below what is already won. */
export function band(closedWon: bigint, commit: bigint, expected: bigint, sigma: number): Band {
  const spread = Z80 * sigma;
  const low = round(Number(expected) - spread);
  return {
    closedWon,
    commit,
    expected,
    low: low < closedWon ? closedWon : low,
    high: round(Number(expected) + spread),
  };
}

export function computeForecast(input: ForecastInput): ForecastResult {
  const categories = {} as Record<ForecastCategory, Band>;
  const deals = { TOTAL: ZERO_COUNTS() } as Record<ForecastCategory | "TOTAL", DealCounts>;
  const sigma = {} as Record<ForecastCategory | "TOTAL", number>;
  const winRates = {} as Record<ForecastCategory, Record<ForecastOpenStage, WinRate>>;
  let totalVariance = 0;
  const total = { closedWon: 0n, commit: 0n, expected: 0n };

  for (const category of FORECAST_CATEGORIES) {
    const history = input.history.find((h) => h.category === category) ?? { won: 0, lost: 0 };
    const rates = {} as Record<ForecastOpenStage, WinRate>;
    for (const stage of FORECAST_OPEN_STAGES) rates[stage] = winRate(history, stage, input.minClosedDeals);
    winRates[category] = rates;

    const counts = ZERO_COUNTS();
    let closedWon = 0n;
    for (const w of input.won) {
      if (w.category !== category) continue;
      closedWon += w.acvCents;
      counts.closedWon += w.count;
    }
    let commit = closedWon;
    let weighted = 0;
    let variance = 0;
    for (const o of input.open) {
      if (o.category !== category) continue;
      const { p } = rates[o.stage];
      weighted += p * Number(o.acvCents);
      variance += p * (1 - p) * o.acvSquared;
      counts.open += o.count;
      if (o.stage === COMMIT_STAGE) {
        commit += o.acvCents;
        counts.commit += o.count;
      }
    }
    const expected = closedWon + round(weighted);
    categories[category] = band(closedWon, commit, expected, Math.sqrt(variance));
    sigma[category] = Math.sqrt(variance);
    deals[category] = counts;
    totalVariance += variance;
    total.closedWon += closedWon;
    total.commit += commit;
    total.expected += expected;
    deals.TOTAL.closedWon += counts.closedWon;
    deals.TOTAL.commit += counts.commit;
    deals.TOTAL.open += counts.open;
  }
  sigma.TOTAL = Math.sqrt(totalVariance);
  return {
    total: band(total.closedWon, total.commit, total.expected, sigma.TOTAL),
    categories,
    deals,
    sigma,
    winRates,
  };
}

/**
 * The four complete quarters whose closed deals give the win rates: those before the forecast quarter,
 * or before the current quarter when the forecast is for a later one (its outcomes are not known yet).
 */
export function historyWindow(period: Quarter, now: Date): { from: Date; to: Date } {
  const current = quarterOf(now);
  const anchor = period.start.getTime() < current.start.getTime() ? period : current;
  return { from: shiftQuarter(anchor, -4).start, to: anchor.start };
}

export { parseQuarter, quarterOf, shiftQuarter, type Quarter };

/** "2026-Q4" of a date (UTC). */
export function quarterLabel(at: Date): string {
  return quarterOf(at).label;
}

/** Monday 00:00 UTC of the week containing `at`: the key of a weekly snapshot. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

/**
 * Forecast accuracy of a past quarter: the last snapshot's expected against what was actually won,
 * as |actual − forecast| / actual (null when nothing was won), and whether the actual fell inside the band.
 */
export function accuracy(snapshot: Pick<Band, "expected" | "low" | "high">, actualWon: bigint) {
  const error = actualWon === 0n ? null : Math.abs(Number(actualWon - snapshot.expected)) / Number(actualWon);
  return { error, withinBand: actualWon >= snapshot.low && actualWon <= snapshot.high };
}
