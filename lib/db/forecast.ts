// The joint forecast of a quarter (docs/domain.md#joint-forecast): the deals summed in SQL per
// category × stage (three grouped queries over Opportunity alone, never a row per deal in JS), the
// maths in lib/forecast.
// The forecast is a whole-company figure: only readers with forecast:read (channel operations and
// executives, whose opportunity scope is every deal) get it; anyone else is refused.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden } from "@/lib/errors";
import {
  computeForecast,
  FORECAST_CATEGORIES,
  FORECAST_OPEN_STAGES,
  historyWindow,
  parseQuarter,
  type Band,
  type ForecastCategory,
  type ForecastOpenStage,
  type ForecastResult,
  type HistoryBucket,
  type OpenBucket,
  type Quarter,
  type WonBucket,
} from "@/lib/forecast";
import { SETTING_KEYS } from "@/lib/settings";
import { db, sql } from "./client";
import { getSetting } from "./settings";
import type { Sql } from "./sql";

export type { Band };

export type Forecast = {
  period: string;
  currency: string;
  total: Band;
  categories: Record<ForecastCategory, Band>;
  deals: ForecastResult["deals"];
  sigma: ForecastResult["sigma"];
  winRates: ForecastResult["winRates"];
  /** first and last calendar day of the quarter (the drill-down links' inclusive date filters) */
  firstDay: string;
  lastDay: string;
};

/**
 * The category of each deal over an "Opportunity" aliased o: the stored column, which
 * lib/db/attribution-writes.ts keeps equal to the category every attribution row of the deal carries
 * (DIRECT while it has none). The list filter `category` (lib/db/forecast-filters.ts) reads it too.
 */
export const CATEGORY_SQL = `CAST(o."category" AS TEXT)`;
const OPEN_IN = FORECAST_OPEN_STAGES.map((s) => `'${s}'`).join(", ");

type Agg = { category: string; stage: string; n: unknown; acv: unknown; acv2?: unknown; currency: unknown };
const big = (v: unknown): bigint => BigInt(v === null || v === undefined ? 0 : String(v).split(".")[0]);
const num = (v: unknown): number => Number(v ?? 0);
const isCategory = (c: string): c is ForecastCategory => (FORECAST_CATEGORIES as readonly string[]).includes(c);

/** The three aggregates the forecast of `quarter` needs, read in one session. */
async function forecastAggregates(s: Sql, quarter: Quarter, now: Date) {
  const float = s.provider === "postgresql" ? "DOUBLE PRECISION" : "REAL";
  const grouped = (where: string, params: unknown[]) =>
    s.all<Agg>(
      `SELECT t."category" AS "category", t."stage" AS "stage", COUNT(*) AS "n", SUM(t."acvCents") AS "acv",
         SUM(CAST(t."acvCents" AS ${float}) * t."acvCents") AS "acv2", MIN(t."currency") AS "currency"
       FROM (SELECT ${CATEGORY_SQL} AS "category", CAST(o."stage" AS TEXT) AS "stage", o."acvCents", o."currency"
             FROM "Opportunity" o WHERE ${where}) t
       GROUP BY t."category", t."stage"`,
      params,
    );
  const window = historyWindow(quarter, now);
  const [won, open, history] = await Promise.all([
    grouped(`o."stage" = 'CLOSED_WON' AND o."closedAt" >= ? AND o."closedAt" < ?`, [quarter.start, quarter.end]),
    grouped(`o."stage" IN (${OPEN_IN}) AND o."closeDate" >= ? AND o."closeDate" < ?`, [quarter.start, quarter.end]),
    grouped(`o."stage" IN ('CLOSED_WON', 'CLOSED_LOST') AND o."closedAt" >= ? AND o."closedAt" < ?`, [
      window.from,
      window.to,
    ]),
  ]);
  const wonBuckets: WonBucket[] = won
    .filter((r) => isCategory(r.category))
    .map((r) => ({ category: r.category as ForecastCategory, count: num(r.n), acvCents: big(r.acv) }));
  const openBuckets: OpenBucket[] = open
    .filter((r) => isCategory(r.category))
    .map((r) => ({
      category: r.category as ForecastCategory,
      stage: r.stage as ForecastOpenStage,
      count: num(r.n),
      acvCents: big(r.acv),
      acvSquared: num(r.acv2),
    }));
  const historyBuckets = new Map<ForecastCategory, HistoryBucket>();
  for (const r of history) {
    if (!isCategory(r.category)) continue;
    const h = historyBuckets.get(r.category) ?? { category: r.category, won: 0, lost: 0 };
    if (r.stage === "CLOSED_WON") h.won += num(r.n);
    else h.lost += num(r.n);
    historyBuckets.set(r.category, h);
  }
  const currency = [...won, ...open, ...history].map((r) => r.currency).find((c) => typeof c === "string") as
    string | undefined;
  return { won: wonBuckets, open: openBuckets, history: [...historyBuckets.values()], currency: currency ?? "USD" };
}

/** The quarter "2026-Q4", or a 400 with a field message. */
export function forecastQuarter(period: string): Quarter {
  const quarter = parseQuarter(period);
  if (!quarter) throw new AppError("VALIDATION", "Invalid period", { period: ["Use a quarter like 2026-Q4"] });
  return quarter;
}

/** The forecast of `period` ("2026-Q4") as of `now`. Channel operations and executives only. */
export async function getForecast(ctx: Ctx, period: string, now: Date): Promise<Forecast> {
  if (!can(ctx, "forecast:read")) throw forbidden("The forecast is for executives and channel operations");
  return quarterForecast(forecastQuarter(period), now);
}

/** The whole company's forecast of a quarter, unchecked: for getForecast and the weekly snapshot job. */
export async function quarterForecast(quarter: Quarter, now: Date): Promise<Forecast> {
  const [agg, minClosedDeals] = await Promise.all([
    sql.session((s) => forecastAggregates(s, quarter, now)),
    getSetting<number>(SETTING_KEYS.forecastMinClosedDeals, db),
  ]);
  const result = computeForecast({ ...agg, minClosedDeals });
  return {
    period: quarter.label,
    currency: agg.currency,
    total: result.total,
    categories: result.categories,
    deals: result.deals,
    sigma: result.sigma,
    winRates: result.winRates,
    firstDay: quarter.firstDay,
    lastDay: quarter.lastDay,
  };
}
