// The core of the hand-off queue (docs/domain.md#hand-offs), on the caller's transaction: rank the
// candidates of a queued deal (lib/handoffs/ranking.ts) and make the next offer, or return the deal
// to ops (lib/handoffs/next-step.ts). Used by the coverage-gap hook and the ops and partner writes
// (lib/db/handoff-writes.ts, lib/db/handoff-answers.ts) and by the expiry job (lib/db/handoff-schedule.ts), so it takes no
// client of its own.
import type { Ctx } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { nextStep, offerDueAt } from "@/lib/handoffs/next-step";
import { rankCandidates, type HandoffCandidate, type HandoffDeal } from "@/lib/handoffs/ranking";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import { formatMoney } from "@/lib/format";
import { SETTING_KEYS } from "@/lib/settings";
import { audit } from "./audit";
import type { Tx } from "./connect";
import { notify, type Notice } from "./outbox";
import { getSetting } from "./settings";

/** Offers a partner answered or let expire: the base of its acceptance rate (withdrawn ones do not count). */
export const ANSWERED = ["ACCEPTED", "DECLINED", "EXPIRED"] as const;

export type StepOutcome =
  { kind: "OFFERED"; handoffId: string; partnerId: string } | { kind: "RETURNED"; note: string };

/** 409 for a lost race: the other writer's outcome stands. */
export const changedMeanwhile = (what = "This hand-off changed meanwhile: reload and try again") =>
  new AppError("CONFLICT", what);

/** The deal's ranking facts and the candidates (active, non-marketplace partners serving its region). */
async function candidatesFor(tx: Tx, opportunityId: string) {
  const opp = await tx.opportunity.findUniqueOrThrow({
    where: { id: opportunityId },
    select: {
      name: true,
      acvCents: true,
      currency: true,
      account: { select: { name: true, vertical: true, region: { select: { id: true, name: true } } } },
    },
  });
  const deal: HandoffDeal = {
    regionId: opp.account.region.id,
    regionName: opp.account.region.name,
    vertical: opp.account.vertical,
  };
  const offered = await tx.handoff.findMany({ where: { opportunityId }, select: { partnerId: true } });
  const partners = await tx.partner.findMany({
    where: {
      status: "ACTIVE",
      type: { not: "MARKETPLACE" },
      regions: { some: { regionId: deal.regionId } },
      id: { notIn: offered.map((o) => o.partnerId) },
    },
    select: { id: true, name: true, tier: true, type: true, verticals: { select: { vertical: true } } },
  });
  const ids = partners.map((p) => p.id);
  const [answered, load, last] = ids.length
    ? await Promise.all([
        tx.handoff.groupBy({
          by: ["partnerId", "status"],
          where: { partnerId: { in: ids }, status: { in: [...ANSWERED] } },
          _count: { _all: true },
        }),
        tx.opportunity.groupBy({
          by: ["partnerId"],
          where: { partnerId: { in: ids }, stage: { in: [...OPEN_STAGES] } },
          _count: { _all: true },
        }),
        tx.handoff.groupBy({ by: ["partnerId"], where: { partnerId: { in: ids } }, _max: { offeredAt: true } }),
      ])
    : [[], [], []];
  const candidates: HandoffCandidate[] = partners.map((p) => {
    const mine = answered.filter((a) => a.partnerId === p.id);
    return {
      id: p.id,
      name: p.name,
      tier: p.tier,
      type: p.type,
      active: true,
      regionIds: [deal.regionId],
      verticals: p.verticals.map((v) => v.vertical),
      accepted: mine.filter((a) => a.status === "ACCEPTED").reduce((n, a) => n + a._count._all, 0),
      answered: mine.reduce((n, a) => n + a._count._all, 0),
      openLoad: load.find((l) => l.partnerId === p.id)?._count._all ?? 0,
      lastOfferedAt: last.find((l) => l.partnerId === p.id)?._max.offeredAt ?? null,
    };
  });
  return { opp, deal, candidates };
}

/** The partner's active users: who is told of an offer. */
async function partnerUsers(tx: Tx, partnerId: string) {
  return tx.user.findMany({ where: { partnerId, role: "PARTNER", active: true }, select: { id: true, email: true } });
}

async function channelOps(tx: Tx) {
  return tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true, email: true } });
}

/**
 * The next move for a queued deal whose previous offer (if any) is settled: offer it to the
 * top-ranked partner not yet offered it, or return it to ops after 3 offers in the round or when no
 * partner is left. The queue row moves only from the state the caller saw (`from`); a lost race is 409.
 */
export async function offerNext(
  tx: Tx,
  ctx: Ctx | null,
  queueId: string,
  from: { state: "WAITING_FOR_OPS" | "OFFERED"; round: number },
  now: Date,
): Promise<StepOutcome> {
  const queue = await tx.handoffQueue.findUniqueOrThrow({
    where: { id: queueId },
    select: { opportunityId: true, round: true },
  });
  const offersInRound = await tx.handoff.count({ where: { queueId, round: queue.round } });
  const { opp, deal, candidates } = await candidatesFor(tx, queue.opportunityId);
  const step = nextStep(offersInRound, rankCandidates(deal, candidates));
  const entity = { entityType: "Opportunity", entityId: queue.opportunityId };

  if (step.kind === "RETURN_TO_OPS") {
    const moved = await tx.handoffQueue.updateMany({
      where: { id: queueId, state: from.state, round: from.round },
      data: { state: "RETURNED_TO_OPS", note: step.note },
    });
    if (moved.count !== 1) throw changedMeanwhile();
    await audit(tx, ctx, { action: "handoff.return", ...entity, after: { note: step.note } }, now);
    await notify(
      tx,
      (await channelOps(tx)).map((u): Notice => ({
        kind: "handoff.returned",
        recipientUserId: u.id,
        recipientEmail: u.email,
        subject: `Hand-off back with ops: ${opp.account.name}`,
        body: `${opp.name} (${formatMoney(opp.acvCents, opp.currency)}) needs a partner: ${step.note}.`,
        payload: { opportunityId: queue.opportunityId },
      })),
    );
    return { kind: "RETURNED", note: step.note };
  }

  const slaDays = await getSetting<number>(SETTING_KEYS.handoffAcceptanceSlaBusinessDays, tx);
  const dueAt = offerDueAt(now, slaDays);
  const moved = await tx.handoffQueue.updateMany({
    where: { id: queueId, state: from.state, round: from.round },
    data: { state: "OFFERED", note: "" },
  });
  if (moved.count !== 1) throw changedMeanwhile();
  // openKey: at most one open offer per deal, settled by its unique index (lib/db/handoff-writes.ts handoffTransaction maps P2002 to 409)
  const handoff = await tx.handoff.create({
    data: {
      queueId,
      opportunityId: queue.opportunityId,
      partnerId: step.candidate.partnerId,
      round: queue.round,
      offerNumber: step.offerNumber,
      rank: step.candidate.rank,
      reasons: step.candidate.reasons,
      status: "OFFERED",
      offeredAt: now,
      dueAt,
      openKey: queue.opportunityId,
    },
    select: { id: true },
  });
  await audit(
    tx,
    ctx,
    {
      action: "handoff.offer",
      ...entity,
      after: {
        handoffId: handoff.id,
        partner: step.candidate.name,
        offerNumber: step.offerNumber,
        rank: step.candidate.rank,
        reasons: step.candidate.reasons,
        dueAt,
      },
    },
    now,
  );
  // the partner reads the account and deal, never who was offered it before
  const due = `${dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  await notify(
    tx,
    (await partnerUsers(tx, step.candidate.partnerId)).map((u): Notice => ({
      kind: "handoff.offered",
      recipientUserId: u.id,
      recipientEmail: u.email,
      subject: `New deal offered to you: ${opp.account.name}`,
      body: `${opp.name} (${formatMoney(opp.acvCents, opp.currency)}). Accept or decline in the portal under Offers by ${due}.`,
      payload: { handoffId: handoff.id },
    })),
  );
  return { kind: "OFFERED", handoffId: handoff.id, partnerId: step.candidate.partnerId };
}

/**
 * The claim an acceptance creates is routed by the deal's own decision: a copy of it with the
 * registration as its subject (every registration has its decision, lib/db/route-decisions.ts),
 * so the claim's trace is the deal's. Null when the deal has no decision.
 */
export async function copyDecisionFor(
  tx: Tx,
  decisionId: string | null,
  registrationId: string,
  id?: string,
): Promise<string | null> {
  if (!decisionId) return null;
  const d = await tx.routeDecision.findUnique({ where: { id: decisionId } });
  if (!d) return null;
  const copy = await tx.routeDecision.create({
    data: {
      ...(id ? { id } : {}),
      subjectType: "REGISTRATION",
      subjectId: registrationId,
      ruleSetId: d.ruleSetId,
      ruleSetVersion: d.ruleSetVersion,
      ruleId: d.ruleId,
      route: d.route,
      protectionDays: d.protectionDays,
      facts: d.facts as object,
      trace: d.trace as object,
      decidedAt: d.decidedAt,
    },
    select: { id: true },
  });
  return copy.id;
}
