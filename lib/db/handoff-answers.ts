// A partner's answers to a hand-off offer (docs/domain.md#hand-offs): accept (the deal gets the
// partner and the partner a protected claim) or decline (the deal goes to the next partner, or back to
// ops). Each answer is one transaction with its audit event and notices. The offer moves only from
// OFFERED and before its due time (a conditional update), so accept against expire ends with one
// outcome and a 409 for the other. Ops' side of the queue is lib/db/handoff-writes.ts.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { noticeDay } from "@/lib/dates/human";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { claimKeys, partnerClaimKeys } from "@/lib/registrations/claim-key";
import { audit } from "./audit";
import type { Tx } from "./connect";
import { changedMeanwhile, copyDecisionFor, offerNext } from "./handoff-offers";
import { handoffTransaction } from "./handoff-writes";
import { notify } from "./outbox";
import { handoffScope } from "./scope";
import { newId } from "./sql";

/** Protection an accepted hand-off gives when the deal's route decision names none (e.g. direct with a partner attached). */
const HANDOFF_PROTECTION_DAYS = 90;

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
  return handoffTransaction(async (tx) => {
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
  return handoffTransaction(async (tx) => {
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
