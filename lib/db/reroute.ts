// The explicit, audited re-route of docs/domain.md#rules-of-engagement: a new rule set never moves existing deals by
// itself; an admin may re-evaluate the open deals under the rule set in force now. Sticky
// ownership holds (a partner driving a deal keeps it, the deal is flagged for review), every
// re-evaluation is recorded as a RouteDecision, and every moved deal gets an audit event.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";
import { isPartnerDriving, reevaluate, type Facts, type Route } from "@/lib/rules";
import { audit } from "./audit";
import { db } from "./client";
import { openOpportunity } from "./opportunities";
import { ruleSetInForceAt } from "./rule-sets";
import { transaction } from "./transaction";
import type { Prisma } from "./generated/sqlite/client";

// open deals that were routed (a deal without a decision has no facts to re-evaluate)
const ROUTED_OPEN = { ...openOpportunity, routeDecisionId: { not: null } } satisfies Prisma.OpportunityWhereInput;
const BATCH = 500;

export type RerouteSummary = {
  ruleSetVersion: number;
  evaluated: number;
  moved: number;
  keptSticky: number;
  unchanged: number;
  changes: Record<string, number>;
};

type OpenDeal = { id: string; route: Route | null; routeDecision: { facts: unknown } | null };

async function* openDeals(): AsyncGenerator<OpenDeal[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.opportunity.findMany({
      where: ROUTED_OPEN,
      select: { id: true, route: true, routeDecision: { select: { facts: true } } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/** Re-evaluates every open deal; with `apply: false` nothing is written (a preview of the counts). */
export async function rerouteOpenDeals(ctx: Ctx, opts: { apply: boolean; now?: Date }): Promise<RerouteSummary> {
  if (!can(ctx, "route:reroute")) throw forbidden("Only channel operations re-route deals");
  const now = opts.now ?? new Date();
  const inForce = await ruleSetInForceAt(now);
  if (!inForce) throw new AppError("UNPROCESSABLE", "No rule set is in force");
  const summary: RerouteSummary = {
    ruleSetVersion: inForce.version,
    evaluated: 0,
    moved: 0,
    keptSticky: 0,
    unchanged: 0,
    changes: {},
  };
  for await (const batch of openDeals()) {
    const outcomes = batch.map((deal) => {
      const facts: Facts = {
        ...((deal.routeDecision?.facts ?? {}) as Facts),
        priorRoute: deal.route,
        at: now.toISOString(),
      };
      return {
        deal,
        facts,
        outcome: reevaluate(inForce.engine, facts, { route: deal.route, partnerDriving: isPartnerDriving(facts) }),
      };
    });
    for (const { deal, outcome } of outcomes) {
      summary.evaluated++;
      if (outcome.keptPriorRoute) summary.keptSticky++;
      else if (outcome.route !== deal.route) {
        summary.moved++;
        const key = `${deal.route ?? "NONE"}→${outcome.route}`;
        summary.changes[key] = (summary.changes[key] ?? 0) + 1;
      } else summary.unchanged++;
    }
    if (!opts.apply) continue;
    const touched = outcomes.filter(({ deal, outcome }) => outcome.keptPriorRoute || outcome.route !== deal.route);
    if (touched.length === 0) continue;
    await transaction(db, async (tx) => {
      for (const { deal, facts, outcome } of touched) {
        const decision = await tx.routeDecision.create({
          data: {
            subjectType: "OPPORTUNITY",
            subjectId: deal.id,
            ruleSetId: inForce.id,
            ruleSetVersion: inForce.version,
            ruleId: outcome.decision.ruleId,
            route: outcome.route,
            protectionDays: outcome.decision.protectionDays,
            facts: facts as object,
            trace: outcome.decision.trace as unknown as object,
            flaggedForReview: outcome.flaggedForReview,
            decidedAt: now,
          },
          select: { id: true },
        });
        await tx.opportunity.update({
          where: { id: deal.id },
          data: { route: outcome.route, routeDecisionId: decision.id },
        });
        await audit(
          tx,
          ctx,
          {
            action: "opportunity.reroute",
            entityType: "Opportunity",
            entityId: deal.id,
            before: { route: deal.route },
            after: {
              route: outcome.route,
              ruleSetVersion: inForce.version,
              flaggedForReview: outcome.flaggedForReview,
              note: outcome.note,
            },
          },
          now,
        );
      }
    });
  }
  if (opts.apply) {
    await transaction(db, (tx) =>
      audit(tx, ctx, { action: "ruleset.reroute", entityType: "RuleSet", entityId: inForce.id, after: summary }, now),
    );
  }
  return summary;
}
