// Hand-off queue writes (docs/domain.md#hand-offs): a coverage gap enters the queue (the hook called by
// lib/db/opportunity-writes.ts inside the opportunity's write transaction), ops pass on a direct
// lead, re-offer a deal that came back, or withdraw. A partner's answers to an offer are
// lib/db/handoff-answers.ts. Every change is one transaction with its audit event and notices. The
// queue row moves only from the state the writer read (conditional updates), so two ops at once end
// with one outcome and a 409 for the other.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { needsPartner } from "@/lib/opportunities/coverage";
import { isOpenStage } from "@/lib/opportunities/stages";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import type { HandoffQueueState } from "./generated/sqlite/enums";
import { changedMeanwhile, offerNext } from "./handoff-offers";
import { notify } from "./outbox";
import { transaction } from "./transaction";

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

/** A hand-off write's transaction: a lost race on a unique key (an open offer, a claim) is a 409. */
export async function handoffTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
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
  return handoffTransaction(async (tx) => {
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
  return handoffTransaction(async (tx) => {
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
