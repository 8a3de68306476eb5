// The revenue council's metrics (docs/domain.md#revenue-council-metrics) for one month or quarter:
// each figure in total, by who leads (route groups) and, for the pipeline, by who sourced
// (attribution category), with a 12-month trend and the list it counts. The page (/exec), the API
// (GET /api/v1/council) and the council pack read this one function.
//
// The grouped counts are read in lib/db/council-sql.ts (a fixed number of statements, nothing loads a
// table); lib/council/figures.ts assembles the figures from them. Every count uses the same conditions as the list
// filter its link carries, so a figure's count is the list's. Council readers (council:read: ADMIN,
// EXEC) see every row (lib/db/scope.ts); the permission check below is what keeps anyone else out.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { trailingMonths } from "@/lib/council";
import { councilFigures } from "@/lib/council/figures";
import type { CouncilMetrics } from "@/lib/council/types";
import { forbidden } from "@/lib/errors";
import { parsePeriod } from "@/lib/pricing/period";
import { councilQuery } from "@/lib/validation/council";
import { sql } from "./client";
import { councilRows } from "./council-sql";

const TREND_MONTHS = 12;

/**
 * The council's figures for `month` ("2026-11", or a quarter "2026-Q4" rolling up its months), with
 * the 12 months up to its last month as the trend. `now` is accepted for the callers' sake (the
 * default period and "so far" labels); figures depend on the stored data only.
 */
export async function getCouncilMetrics(ctx: Ctx, month: string, now: Date): Promise<CouncilMetrics> {
  void now;
  if (!can(ctx, "council:read")) throw forbidden("The council's figures are for executives and channel operations");
  // a bad month is a ZodError: 400 with the field's message (lib/api/handler.ts)
  const period = parsePeriod(councilQuery.parse({ month }).month)!;
  const trend = trailingMonths(period, TREND_MONTHS);
  const window = { start: trend[0].start, end: trend.at(-1)!.end };
  const trendMonths = trend.map((t) => t.label);
  const rows = await sql.session((s) => councilRows(s, window, period));
  return {
    month: period.label,
    period: { label: period.label, kind: period.kind, firstDay: period.firstDay, lastDay: period.lastDay },
    // the period's own currency; a period without deals has no money to show, USD only labels zeros
    currency: rows.currencies[0] ?? "USD",
    otherCurrencies: rows.currencies.slice(1),
    metrics: councilFigures(rows, period, trendMonths),
  };
}
