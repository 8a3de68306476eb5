// Moving a deal along (docs/domain.md#opportunities): stage changes, close won or lost (a reason when
// lost), accepting the route the rules flagged for review, and partner touches. Each in one
// transaction with its timeline and audit events and the hooks of lib/db/opportunity-write-support.ts.
// Closing lost also ends the protection of the registration the deal was converted from
// (lib/db/registration-deal-loss.ts), in the same transaction.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden } from "@/lib/errors";
import { isOpenStage } from "@/lib/opportunities/stages";
import type { Stage } from "@/lib/rules/values";
import { stageChangeInput, touchInput, type StageChangeInput, type TouchInput } from "@/lib/validation/opportunities";
import { applyAttribution } from "./attribution-writes";
import { audit } from "./audit";
import { db } from "./client";
import { releaseOnDealLost } from "./registration-deal-loss";
import { transaction } from "./transaction";
import {
  type OpportunityWriteResult,
  changedMeanwhile,
  closedRefusal,
  event,
  hooks,
  invalid,
  loadForWrite,
  noticeToAe,
  parse,
  result,
} from "./opportunity-write-support";

export async function moveStage(
  ctx: Ctx,
  id: string,
  input: StageChangeInput,
  now = new Date(),
): Promise<OpportunityWriteResult> {
  const data = parse(stageChangeInput, input, "UNPROCESSABLE");
  const closing = !isOpenStage(data.stage);
  if (!can(ctx, closing ? "opportunity:close" : "opportunity:update"))
    throw forbidden("Account executives and channel operations move deals");
  return transaction(db, async (tx) => {
    const before = await loadForWrite(tx, ctx, id);
    if (!isOpenStage(before.stage)) throw closedRefusal(before.stage);
    if (before.stage !== data.expectedStage) throw changedMeanwhile();
    if (before.stage === data.stage) return result(tx, id);
    const lostReason = data.stage === "CLOSED_LOST" ? (data.lostReason ?? null) : null;
    const { count } = await tx.opportunity.updateMany({
      where: { id, stage: before.stage },
      data: { stage: data.stage, closedAt: closing ? now : null, lostReason },
    });
    if (count !== 1) throw changedMeanwhile();
    const kind =
      data.stage === "CLOSED_WON" ? "CLOSED_WON" : data.stage === "CLOSED_LOST" ? "CLOSED_LOST" : "STAGE_CHANGED";
    await event(tx, ctx, id, kind, { from: before.stage, to: data.stage, body: lostReason ?? "" }, now);
    await audit(
      tx,
      ctx,
      {
        action: closing ? "opportunity.close" : "opportunity.stage",
        entityType: "Opportunity",
        entityId: id,
        before: { stage: before.stage },
        after: { stage: data.stage, ...(lostReason ? { lostReason } : {}) },
      },
      now,
    );
    if (data.stage === "CLOSED_LOST") await releaseOnDealLost(tx, ctx, id, now);
    await hooks(tx, ctx, id, now);
    return result(tx, id);
  });
}

/** Closes won or lost: moveStage to CLOSED_WON / CLOSED_LOST. */
export async function closeOpportunity(
  ctx: Ctx,
  id: string,
  input: { outcome: "CLOSED_WON" | "CLOSED_LOST"; expectedStage: Stage; lostReason?: string | null },
  now = new Date(),
): Promise<OpportunityWriteResult> {
  return moveStage(
    ctx,
    id,
    { stage: input.outcome, expectedStage: input.expectedStage, lostReason: input.lostReason },
    now,
  );
}

/**
 * Channel operations accept the route a re-run flagged: the deal moves to it, with its decision
 * (an explicit, audited re-route of one deal, docs/domain.md#rules-of-engagement).
 */
export async function acceptFlaggedRoute(ctx: Ctx, id: string, now = new Date()): Promise<OpportunityWriteResult> {
  if (!can(ctx, "opportunity:accept-route")) throw forbidden("Only channel operations re-route a deal");
  return transaction(db, async (tx) => {
    const before = await loadForWrite(tx, ctx, id);
    if (!before.flaggedRoute || !before.flaggedDecisionId)
      throw new AppError("CONFLICT", "This deal has no route waiting for review (accepted or cleared meanwhile).");
    const { count } = await tx.opportunity.updateMany({
      where: { id, flaggedDecisionId: before.flaggedDecisionId },
      data: {
        route: before.flaggedRoute,
        routeDecisionId: before.flaggedDecisionId,
        flaggedRoute: null,
        flaggedDecisionId: null,
        flaggedReason: null,
        flaggedAt: null,
      },
    });
    if (count !== 1) throw changedMeanwhile();
    await tx.routeDecision.update({ where: { id: before.flaggedDecisionId }, data: { flaggedForReview: false } });
    await event(
      tx,
      ctx,
      id,
      "ROUTE_ACCEPTED",
      { from: before.route, to: before.flaggedRoute, body: "New route accepted by channel operations" },
      now,
    );
    await audit(
      tx,
      ctx,
      {
        action: "opportunity.accept-route",
        entityType: "Opportunity",
        entityId: id,
        before: { route: before.route },
        after: { route: before.flaggedRoute, routeDecisionId: before.flaggedDecisionId },
      },
      now,
    );
    if (before.aeId)
      await noticeToAe(
        tx,
        before.aeId,
        `${before.name} is now routed ${before.flaggedRoute}`,
        `Channel operations accepted the new route (was ${before.route}).`,
        id,
      );
    await hooks(tx, ctx, id, now);
    return result(tx, id);
  });
}

/** Records a partner touch on the deal (AE on its own deal, channel operations on any). */
export async function addPartnerTouch(
  ctx: Ctx,
  id: string,
  input: TouchInput,
  now = new Date(),
): Promise<{ id: string }> {
  if (!can(ctx, "opportunity:touch")) throw forbidden("Account executives and channel operations record touches");
  const data = parse(touchInput, input);
  return transaction(db, async (tx) => {
    const deal = await loadForWrite(tx, ctx, id);
    // attribution is final at close (lib/db/attribution-writes.ts): a touch after it would not count
    if (!isOpenStage(deal.stage)) throw closedRefusal(deal.stage);
    const partner = await tx.partner.findFirst({
      where: { id: data.partnerId, status: "ACTIVE" },
      select: { id: true, name: true },
    });
    if (!partner) throw invalid("partnerId", "Pick an active partner");
    const touch = await tx.partnerTouch.create({
      data: {
        opportunityId: deal.id,
        partnerId: partner.id,
        kind: data.kind,
        note: data.note,
        at: now,
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    await event(
      tx,
      ctx,
      id,
      "TOUCH_ADDED",
      { to: partner.name, body: `${data.kind}${data.note ? `: ${data.note}` : ""}` },
      now,
    );
    await audit(
      tx,
      ctx,
      { action: "opportunity.touch", entityType: "Opportunity", entityId: id, after: { touchId: touch.id, ...data } },
      now,
    );
    await applyAttribution(tx, id, now);
    return touch;
  });
}
