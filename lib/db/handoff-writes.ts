// Hand-off writes (docs/domain.md#hand-offs): a coverage gap enters the queue (the hook called by
// lib/db/opportunity-writes.ts inside the opportunity's write transaction), ops pass on a direct
// lead, re-offer a deal that came back, or withdraw; a partner accepts or declines an offer made to
// it. Every change is one transaction with its audit event and notices. The offer and the queue row
// move only from the state the writer read (conditional updates), so accept against expire, or two
// ops at once, end with one outcome and a 409 for the other.
import { noticeDay } from "@/lib/dates/human";
import type { HandoffQueueState } from "./generated/sqlite/enums";
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { needsPartner } from "@/lib/opportunities/coverage";
import { isOpenStage } from "@/lib/opportunities/stages";
import { claimKeys, partnerClaimKeys } from "@/lib/registrations/claim-key";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { changedMeanwhile, copyDecisionFor, offerNext } from "./handoff-offers";
import { newId } from "./sql";
import { notify } from "./outbox";
import { handoffScope } from "./scope";
import { transaction } from "./transaction";

/** Protection an accepted hand-off gives when the deal's route decision names none (e.g. direct with a partner attached). */
const HANDOFF_PROTECTION_DAYS = 90;

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/**
 * The hook (lib/db/opportunity-write-support.ts, every write to a deal): a deal whose route needs a
 * partner and has none (lib/opportunities/coverage.ts) enters the queue and is offered to the
 * top-ranked partner at once. A deal already in the queue keeps its place: on offer it stays, back
 * with ops it waits for them. A queued deal that no longer needs a partner leaves the queue.
 */
export async function queueCoverageGap(tx: Tx, ctx: Ctx, opportunityId: string, now: Date): Promise<void> {
  const opp = await tx.opportunity.findUnique({
    where: { id: opportunityId },
    select: { route: true, partnerId: true, stage: true },
  });
  if (!opp) return;
  const existing = await tx.handoffQueue.findUnique({
    where: { opportunityId },
    select: { id: true, state: true, round: true },
  });
  if (!needsPartner(opp.route, opp.partnerId) || !isOpenStage(opp.stage)) {
    // The deal got a partner, another route or closed while in the queue: an offer left open would only
    // end in a 409 for the partner who accepts it, so the hand-off is withdrawn now, its partner told.
    if (existing && existing.state !== "ACCEPTED" && existing.state !== "WITHDRAWN") {
      const why = !isOpenStage(opp.stage)
        ? "The deal was closed"
        : opp.partnerId
          ? "The deal got a partner"
          : "The deal's route no longer needs a partner";
      await closeQueue(tx, ctx, opportunityId, existing, why, now);
    }
    return;
  }
  if (existing) return;
  // native upsert (INSERT … ON CONFLICT): a concurrent enqueue of the same deal neither fails nor doubles
  const queue = await tx.handoffQueue.upsert({
    where: { opportunityId },
    create: { opportunityId, state: "WAITING_FOR_OPS", origin: "COVERAGE_GAP", round: 1 },
    update: {},
    select: { id: true, state: true, round: true },
  });
  if (queue.state !== "WAITING_FOR_OPS") return;
  await audit(
    tx,
    ctx,
    { action: "handoff.queue", entityType: "Opportunity", entityId: opportunityId, after: { origin: "COVERAGE_GAP" } },
    now,
  );
  await offerNext(tx, ctx, queue.id, { state: "WAITING_FOR_OPS", round: queue.round }, now);
}

async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await transaction(db, fn);
  } catch (error) {
    // another writer made the open offer (Handoff.openKey) or took the claim first
    if (isUniqueViolation(error))
      throw changedMeanwhile("Someone else acted on this deal at the same moment: reload it");
    throw error;
  }
}

export type QueueResult = { opportunityId: string; state: string; handoffId: string | null };

/**
 * Ops: offer an open deal without a partner to partners, a direct lead or a deal that came back
 * (a new round of up to 3 offers; partners offered it before are not asked again).
 */
export async function offerToPartners(ctx: Ctx, opportunityId: string, now = new Date()): Promise<QueueResult> {
  if (!can(ctx, "handoff:manage")) throw forbidden("Only channel operations hand deals to partners");
  return inTransaction(async (tx) => {
    const opp = await tx.opportunity.findUnique({
      where: { id: opportunityId },
      select: {
        id: true,
        partnerId: true,
        stage: true,
        handoffQueue: { select: { id: true, state: true, round: true } },
      },
    });
    if (!opp) throw notFound("Opportunity");
    if (!isOpenStage(opp.stage)) throw new AppError("CONFLICT", "This deal is closed.");
    if (opp.partnerId) throw new AppError("CONFLICT", "This deal has a partner already.");
    let queue = opp.handoffQueue;
    if (queue?.state === "OFFERED") throw new AppError("CONFLICT", "This deal is on offer to a partner already.");
    if (!queue) {
      queue = await tx.handoffQueue.upsert({
        where: { opportunityId },
        create: { opportunityId, state: "WAITING_FOR_OPS", origin: "OPS", round: 1 },
        update: {},
        select: { id: true, state: true, round: true },
      });
      if (queue.state !== "WAITING_FOR_OPS") throw changedMeanwhile();
    } else {
      const offered = await tx.handoff.count({ where: { queueId: queue.id, round: queue.round } });
      const round = offered > 0 ? queue.round + 1 : queue.round;
      const moved = await tx.handoffQueue.updateMany({
        where: { id: queue.id, state: queue.state, round: queue.round },
        data: { state: "WAITING_FOR_OPS", round, note: "" },
      });
      if (moved.count !== 1) throw changedMeanwhile();
      queue = { ...queue, state: "WAITING_FOR_OPS", round };
    }
    await audit(
      tx,
      ctx,
      {
        action: "handoff.queue",
        entityType: "Opportunity",
        entityId: opportunityId,
        after: { origin: "OPS", round: queue.round },
      },
      now,
    );
    const step = await offerNext(tx, ctx, queue.id, { state: "WAITING_FOR_OPS", round: queue.round }, now);
    return {
      opportunityId,
      state: step.kind === "OFFERED" ? "OFFERED" : "RETURNED_TO_OPS",
      handoffId: step.kind === "OFFERED" ? step.handoffId : null,
    };
  });
}

/** Ops: take the deal off the queue; an open offer is withdrawn (its partner is told). */
export async function withdrawHandoff(ctx: Ctx, opportunityId: string, now = new Date()): Promise<QueueResult> {
  if (!can(ctx, "handoff:manage")) throw forbidden("Only channel operations manage hand-offs");
  return inTransaction(async (tx) => {
    const queue = await tx.handoffQueue.findUnique({
      where: { opportunityId },
      select: { id: true, state: true, round: true },
    });
    if (!queue) throw notFound("Hand-off");
    if (queue.state === "ACCEPTED" || queue.state === "WITHDRAWN")
      throw new AppError(
        "CONFLICT",
        `This hand-off is ${queue.state === "ACCEPTED" ? "accepted" : "withdrawn"} already.`,
      );
    const handoffId = await closeQueue(tx, ctx, opportunityId, queue, "Withdrawn by channel operations", now);
    return { opportunityId, state: "WITHDRAWN", handoffId };
  });
}

type QueueState = { id: string; state: HandoffQueueState; round: number };

/** Takes the deal off the queue and withdraws its open offer (the partner is told); the open offer's id. */
async function closeQueue(
  tx: Tx,
  ctx: Ctx,
  opportunityId: string,
  queue: QueueState,
  note: string,
  now: Date,
): Promise<string | null> {
  const moved = await tx.handoffQueue.updateMany({
    where: { id: queue.id, state: queue.state, round: queue.round },
    data: { state: "WITHDRAWN", note },
  });
  if (moved.count !== 1) throw changedMeanwhile();
  const open = await tx.handoff.findFirst({
    where: { queueId: queue.id, status: "OFFERED" },
    select: { id: true, partnerId: true },
  });
  if (open) {
    const closed = await tx.handoff.updateMany({
      where: { id: open.id, status: "OFFERED" },
      data: { status: "WITHDRAWN", openKey: null, respondedAt: now },
    });
    if (closed.count !== 1) throw changedMeanwhile();
    const users = await tx.user.findMany({
      where: { partnerId: open.partnerId, role: "PARTNER", active: true },
      select: { id: true, email: true },
    });
    await notify(
      tx,
      users.map((u) => ({
        kind: "handoff.withdrawn",
        recipientUserId: u.id,
        recipientEmail: u.email,
        subject: "A deal offered to you was withdrawn",
        body: "A deal offered to you is no longer on offer; there is nothing to do.",
        payload: { handoffId: open.id },
      })),
    );
  }
  await audit(
    tx,
    ctx,
    {
      action: "handoff.withdraw",
      entityType: "Opportunity",
      entityId: opportunityId,
      before: { state: queue.state },
      after: { state: "WITHDRAWN", note },
    },
    now,
  );
  return open?.id ?? null;
}

/** An offer made to the caller's own company, still open and within its SLA; else 404 / 409. */
async function openOffer(tx: Tx, ctx: Ctx, handoffId: string, now: Date) {
  if (!can(ctx, "handoff:respond")) throw forbidden("Only the partner offered a deal answers the offer");
  const offer = await tx.handoff.findFirst({
    where: { AND: [handoffScope(ctx), { id: handoffId }] },
    select: {
      id: true,
      status: true,
      dueAt: true,
      queueId: true,
      round: true,
      opportunityId: true,
      partnerId: true,
      partner: { select: { name: true } },
    },
  });
  if (!offer) throw notFound("Offer");
  if (offer.status !== "OFFERED")
    throw new AppError("CONFLICT", `This offer is ${offer.status.toLowerCase()} already.`);
  if (offer.dueAt <= now) throw new AppError("CONFLICT", "This offer has expired.");
  return offer;
}

/** The offer moves only from OFFERED and before its due time: the expiry job's update is the mirror image. */
async function settle(
  tx: Tx,
  id: string,
  now: Date,
  data: { status: "ACCEPTED" | "DECLINED"; respondedById: string | null; declineReason?: string },
) {
  const { count } = await tx.handoff.updateMany({
    where: { id, status: "OFFERED", dueAt: { gt: now } },
    data: { ...data, respondedAt: now, openKey: null },
  });
  if (count !== 1) throw new AppError("CONFLICT", "This offer was answered or expired meanwhile.");
}

export type AcceptResult = { id: string; opportunityId: string; protectedUntil: string };

/**
 * The partner accepts: the deal gets the partner, a partner touch, a timeline event, and the partner
 * becomes the protected holder through a registration-equivalent claim (an APPROVED registration
 * holding the claim keys of lib/registrations/claim-key.ts, linked to the deal), so duplicate
 * detection, expiry and dormancy treat it like any protected registration (docs/domain.md#hand-offs).
 */
export async function acceptHandoff(ctx: Ctx, handoffId: string, now = new Date()): Promise<AcceptResult> {
  return inTransaction(async (tx) => {
    const offer = await openOffer(tx, ctx, handoffId, now);
    await settle(tx, offer.id, now, { status: "ACCEPTED", respondedById: ctx.userId });
    const attached = await tx.opportunity.updateMany({
      where: { id: offer.opportunityId, partnerId: null },
      data: { partnerId: offer.partnerId },
    });
    if (attached.count !== 1) throw new AppError("CONFLICT", "This deal has a partner already.");
    const opp = await tx.opportunity.findUniqueOrThrow({
      where: { id: offer.opportunityId },
      select: {
        name: true,
        acvCents: true,
        currency: true,
        closeDate: true,
        route: true,
        routeDecisionId: true,
        productLineId: true,
        aeId: true,
        ae: { select: { email: true, active: true } },
        routeDecision: { select: { protectionDays: true } },
        account: {
          select: { id: true, name: true, domain: true, country: true, vertical: true, nameKey: true, domainKey: true },
        },
      },
    });
    const days = opp.routeDecision?.protectionDays ?? HANDOFF_PROTECTION_DAYS;
    const protectedUntil = new Date(now.getTime() + days * 86_400_000);
    const keys = claimKeys(opp.account.id, opp.account.nameKey, opp.account.domainKey, opp.productLineId);
    // the claim's unique keys refuse a second holder anyway; this names the reason instead of a bare 409
    const own = partnerClaimKeys(offer.partnerId, keys);
    const holder = await tx.dealRegistration.findFirst({
      where: {
        OR: [
          { activeClaimKey: keys.activeClaimKey },
          { activeClaimNameKey: keys.activeClaimNameKey },
          ...(keys.activeClaimDomainKey ? [{ activeClaimDomainKey: keys.activeClaimDomainKey }] : []),
          { partnerClaimKey: own.partnerClaimKey },
          { partnerClaimNameKey: own.partnerClaimNameKey },
        ],
      },
      select: { id: true },
    });
    if (holder)
      throw new AppError(
        "CONFLICT",
        "This company is already protected for this product line by a registration; channel operations will sort it out.",
      );
    const reason = "Accepted a hand-off offer from channel operations";
    const registrationId = newId();
    const registration = await tx.dealRegistration.create({
      data: {
        id: registrationId,
        partnerId: offer.partnerId,
        submittedById: ctx.userId,
        accountName: opp.account.name,
        accountDomain: opp.account.domain,
        accountCountry: opp.account.country,
        accountVertical: opp.account.vertical,
        accountNameKey: opp.account.nameKey,
        accountDomainKey: opp.account.domainKey,
        accountId: opp.account.id,
        productLineId: opp.productLineId,
        estimatedAcvCents: opp.acvCents,
        currency: opp.currency,
        expectedCloseDate: opp.closeDate,
        description: reason,
        status: "APPROVED",
        route: opp.route,
        routeDecisionId: await copyDecisionFor(tx, opp.routeDecisionId, registrationId),
        slaDueAt: now,
        protectedUntil,
        decisionReason: reason,
        decidedAt: now,
        ...keys,
        ...partnerClaimKeys(offer.partnerId, keys),
        opportunityId: offer.opportunityId,
        submittedAt: now,
        lastActivityAt: now,
        events: { create: { toStatus: "APPROVED", actorId: ctx.userId, actorLabel: ctx.name, reason, at: now } },
      },
      select: { id: true },
    });
    await tx.handoff.update({ where: { id: offer.id }, data: { registrationId: registration.id } });
    await tx.partnerTouch.create({
      data: {
        opportunityId: offer.opportunityId,
        partnerId: offer.partnerId,
        kind: "Accepted hand-off",
        note: reason,
        at: now,
        createdById: ctx.userId,
      },
    });
    await tx.opportunityEvent.create({
      data: {
        opportunityId: offer.opportunityId,
        kind: "TOUCH_ADDED",
        actorId: ctx.userId,
        actorLabel: ctx.name,
        toValue: offer.partner.name,
        body: `${offer.partner.name} accepted the hand-off and is protected until ${noticeDay(protectedUntil)}`,
        at: now,
      },
    });
    const moved = await tx.handoffQueue.updateMany({
      where: { id: offer.queueId, state: "OFFERED", round: offer.round },
      data: { state: "ACCEPTED", note: "" },
    });
    if (moved.count !== 1) throw changedMeanwhile();
    await audit(
      tx,
      ctx,
      {
        action: "handoff.accept",
        entityType: "Opportunity",
        entityId: offer.opportunityId,
        before: { partnerId: null },
        after: { handoffId: offer.id, partnerId: offer.partnerId, registrationId: registration.id, protectedUntil },
      },
      now,
    );
    if (opp.aeId && opp.ae?.active)
      await notify(tx, [
        {
          kind: "handoff.accepted",
          recipientUserId: opp.aeId,
          recipientEmail: opp.ae.email,
          subject: `${offer.partner.name} took ${opp.account.name}`,
          body: `${offer.partner.name} accepted ${opp.name} and is now the partner on the deal.`,
          payload: { opportunityId: offer.opportunityId },
        },
      ]);
    return { id: offer.id, opportunityId: offer.opportunityId, protectedUntil: protectedUntil.toISOString() };
  });
}

export type DeclineResult = { id: string };

/** The partner declines with a reason; the deal goes to the next partner, or back to ops. */
export async function declineHandoff(
  ctx: Ctx,
  handoffId: string,
  reason: string,
  now = new Date(),
): Promise<DeclineResult> {
  return inTransaction(async (tx) => {
    const offer = await openOffer(tx, ctx, handoffId, now);
    await settle(tx, offer.id, now, { status: "DECLINED", respondedById: ctx.userId, declineReason: reason });
    await audit(
      tx,
      ctx,
      {
        action: "handoff.decline",
        entityType: "Opportunity",
        entityId: offer.opportunityId,
        after: { handoffId: offer.id, reason },
      },
      now,
    );
    // the caller sees only its own offer: what happens next is not reported back to it
    await offerNext(tx, ctx, offer.queueId, { state: "OFFERED", round: offer.round }, now);
    return { id: offer.id };
  });
}
