// Weekly snapshots of the joint forecast (docs/domain.md#joint-forecast): written by the forecast.snapshot
// job (lib/jobs/forecast-jobs.ts) and by the demo seed (prisma/seed/forecast-snapshots.ts), read by the
// forecast page's trend and accuracy. A snapshot is derived data (the forecast as it stood that week), not
// a change anyone made, so it has no audit event.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { forbidden } from "@/lib/errors";
import {
  accuracy,
  FORECAST_CATEGORIES,
  quarterOf,
  shiftQuarter,
  weekStart,
  type Band,
  type ForecastCategory,
  type Quarter,
} from "@/lib/forecast";
import type { Db } from "./connect";
import { db } from "./client";
import { forecastQuarter, quarterForecast } from "./forecast";
import type { Prisma } from "./generated/sqlite/client";
import { transaction } from "./transaction";

export const SNAPSHOT_TOTAL = "TOTAL";
export type SnapshotLine = ForecastCategory | typeof SNAPSHOT_TOTAL;

/** The rows of one week's snapshot: one per category and the total. */
export function snapshotRows(
  f: { period: string; currency: string; total: Band; categories: Record<ForecastCategory, Band> },
  week: Date,
  takenAt: Date,
): Prisma.ForecastSnapshotCreateManyInput[] {
  const lines: [SnapshotLine, Band][] = [
    ...FORECAST_CATEGORIES.map((c) => [c, f.categories[c]] as [SnapshotLine, Band]),
    [SNAPSHOT_TOTAL, f.total],
  ];
  return lines.map(([category, b]) => ({
    period: f.period,
    week,
    takenAt,
    category,
    currency: f.currency,
    closedWonCents: b.closedWon,
    commitCents: b.commit,
    expectedCents: b.expected,
    lowCents: b.low,
    highCents: b.high,
  }));
}

/**
 * Takes this week's snapshot of the current quarter's forecast, once: the first run of a week writes its
 * rows, later runs that week find them and write nothing (the unique period × week × line settles a race
 * between instances). Returns the rows written.
 */
export async function takeForecastSnapshot(client: Db, now: Date): Promise<number> {
  const quarter = quarterOf(now);
  const week = weekStart(now);
  const taken = await client.forecastSnapshot.count({ where: { period: quarter.label, week } });
  if (taken > 0) return 0;
  const forecast = await quarterForecast(quarter, now);
  try {
    return await transaction(client, async (tx) => {
      const { count } = await tx.forecastSnapshot.createMany({ data: snapshotRows(forecast, week, now) });
      return count;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return 0; // another instance took it first
    throw error;
  }
}

export type TrendPoint = { week: Date; closedWon: bigint; commit: bigint; expected: bigint; low: bigint; high: bigint };

function ensureReader(ctx: Ctx) {
  if (!can(ctx, "forecast:read")) throw forbidden("The forecast is for executives and channel operations");
}

const bandOf = (r: {
  closedWonCents: bigint;
  commitCents: bigint;
  expectedCents: bigint;
  lowCents: bigint;
  highCents: bigint;
}): Band => ({
  closedWon: r.closedWonCents,
  commit: r.commitCents,
  expected: r.expectedCents,
  low: r.lowCents,
  high: r.highCents,
});

/** The weekly snapshots of the board's total for `period`, oldest first (the trend across the quarter). */
export async function listForecastTrend(ctx: Ctx, period: string): Promise<TrendPoint[]> {
  ensureReader(ctx);
  const quarter = forecastQuarter(period);
  const rows = await db.forecastSnapshot.findMany({
    where: { period: quarter.label, category: SNAPSHOT_TOTAL },
    orderBy: { week: "asc" },
  });
  return rows.map((r) => ({ week: r.week, ...bandOf(r) }));
}

export type AccuracyRow = {
  period: string;
  firstDay: string;
  lastDay: string;
  /** the quarter's last weekly snapshot of the total, or null when none was taken */
  forecast: (Band & { week: Date }) | null;
  actualWon: bigint;
  wonDeals: number;
  /** |actual − forecast| / actual; null without a snapshot or without wins */
  error: number | null;
  withinBand: boolean | null;
};

/** The `count` quarters before `period`: the last snapshot taken in each against what was actually won. */
export async function forecastAccuracy(ctx: Ctx, period: string, now: Date, count = 4): Promise<AccuracyRow[]> {
  ensureReader(ctx);
  const anchor = forecastQuarter(period);
  const quarters: Quarter[] = Array.from({ length: count }, (_, i) => shiftQuarter(anchor, -(i + 1)));
  const lasts = await db.forecastSnapshot.findMany({
    where: { period: { in: quarters.map((q) => q.label) }, category: SNAPSHOT_TOTAL },
    orderBy: { week: "desc" },
  });
  return Promise.all(
    quarters.map(async (q) => {
      const actual = await quarterForecast(q, now);
      const last = lasts.find((r) => r.period === q.label) ?? null;
      const forecast = last ? { ...bandOf(last), week: last.week } : null;
      const measured = forecast ? accuracy(forecast, actual.total.closedWon) : null;
      return {
        period: q.label,
        firstDay: q.firstDay,
        lastDay: q.lastDay,
        forecast,
        actualWon: actual.total.closedWon,
        wonDeals: actual.deals.TOTAL.closedWon,
        error: measured?.error ?? null,
        withinBand: measured?.withinBand ?? null,
      };
    }),
  );
}
