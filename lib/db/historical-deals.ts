// Historical deals for simulation (docs/domain.md#rules-of-engagement): opportunities created in a period, with the facts
// their route decision was made on. Read in keyset batches so progress can be reported.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import type { Facts, HistoricalDeal } from "@/lib/rules";
import { db } from "./client";

export async function countHistoricalDeals(ctx: Ctx, from: Date, to: Date): Promise<number> {
  if (!can(ctx, "ruleset:edit")) throw forbidden();
  return db.opportunity.count({ where: { createdAt: { gte: from, lt: to }, routeDecisionId: { not: null } } });
}

export async function* historicalDeals(
  ctx: Ctx,
  from: Date,
  to: Date,
  batchSize = 2_000,
): AsyncGenerator<HistoricalDeal[]> {
  if (!can(ctx, "ruleset:edit")) throw forbidden();
  let after: string | undefined;
  for (;;) {
    const rows = await db.opportunity.findMany({
      where: { createdAt: { gte: from, lt: to }, routeDecisionId: { not: null } },
      select: { id: true, route: true, acvCents: true, routeDecision: { select: { facts: true } } },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id,
      facts: (r.routeDecision?.facts ?? {}) as Facts,
      currentRoute: r.route,
      acv: Number(r.acvCents),
    }));
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}
