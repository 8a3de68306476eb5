// Historical deals for simulation (docs/domain.md#rules-of-engagement): opportunities created in a period, with the facts
// their route decision was made on. Read in keyset batches (by deal id) so progress can be reported
// and the simulation aggregates each batch as it arrives (lib/rules/simulate.ts). Plain SQL through the
// driver (lib/db/sql.ts): a full history is a million rows, where Prisma's per-query cost and row
// mapping would dominate (README "Benchmark: simulation over a million deals"). One statement per
// batch, each on its own, so on SQLite other requests get the connection between batches.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import type { Facts, HistoricalDeal, Route } from "@/lib/rules";
import { sql } from "./client";
import type { Row, Selected } from "./sql";

// The period's deals that the engine routed; simulation reads every deal (ops only), so no scope clause.
const WHERE = `o."createdAt" >= ? AND o."createdAt" < ? AND o."routeDecisionId" IS NOT NULL`;

export async function countHistoricalDeals(ctx: Ctx, from: Date, to: Date): Promise<number> {
  if (!can(ctx, "ruleset:edit")) throw forbidden();
  const row = await sql.session((s) =>
    s.get<{ n: number | string }>(`SELECT count(*) AS "n" FROM "Opportunity" o WHERE ${WHERE}`, [from, to]),
  );
  return Number(row?.n ?? 0);
}

type DealRow = Selected<"Opportunity", "id" | "route"> & { acvCents: number | string | bigint; facts: string };

const BATCH_SQL = `SELECT o."id", o."route", o."acvCents", d."facts"
  FROM "Opportunity" o JOIN "RouteDecision" d ON d."id" = o."routeDecisionId"
  WHERE ${WHERE} AND o."id" > ? ORDER BY o."id" LIMIT ?`;

/**
 * One batch's statement. On PostgreSQL without parallel workers: the planner picks a parallel plan
 * for the id-ordered scan, and starting the workers for every batch cost 85 ms where the serial plan
 * takes 28 ms at a million deals (EXPLAIN ANALYZE on the scale seed), so a full history read 3× slower.
 */
export function readBatch<T extends Row>(text: string, params: unknown[]): Promise<T[]> {
  if (sql.provider !== "postgresql") return sql.session((s) => s.all<T>(text, params));
  return sql.transaction(async (s) => {
    await s.run("SET LOCAL max_parallel_workers_per_gather = 0");
    return s.all<T>(text, params);
  });
}

export async function* historicalDeals(
  ctx: Ctx,
  from: Date,
  to: Date,
  batchSize = 5_000,
): AsyncGenerator<HistoricalDeal[]> {
  if (!can(ctx, "ruleset:edit")) throw forbidden();
  const read = (after: string) => readBatch<DealRow>(BATCH_SQL, [from, to, after, batchSize]);
  // The next batch is asked for as soon as this one's last id is known, before this one is parsed
  // and decided: on PostgreSQL the database reads it while Node works (on SQLite the driver is
  // synchronous, so nothing overlaps and nothing is lost).
  let pending: Promise<DealRow[]> | null = read("");
  try {
    while (pending) {
      const rows: DealRow[] = await pending;
      pending = rows.length === batchSize ? read(rows[rows.length - 1].id) : null;
      if (rows.length === 0) return;
      const deals = new Array<HistoricalDeal>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        deals[i] = {
          id: r.id,
          facts: (JSON.parse(r.facts) ?? {}) as Facts,
          currentRoute: r.route as Route | null,
          acv: Number(r.acvCents),
        };
      }
      yield deals;
    }
  } finally {
    pending?.catch(() => {}); // the caller stopped early: the batch read ahead is not wanted
  }
}
