// Resolving a case (docs/domain.md#resolutions-and-their-effects): the decision and its effects in
// one transaction with the RESOLVED event and the audit event. The case is updated first, only
// while OPEN at the level read (a concurrent resolve or escalation makes that update match
// nothing: 409 and the transaction rolls back), then the effects lib/conflicts/resolution.ts
// computes: credit per party, losing registrations (REJECTED / EXPIRED through recordTransition),
// the opportunity's route and partner. Notices: the case's staff deciders and its partners' users,
// each partner in its own words (lib/conflicts/resolution.ts partnerOutcome).
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import {
  normalizeTags,
  partnerOutcome,
  resolutionEffects,
  validateResolution,
  type RegistrationEffect,
  type ResolutionEffects,
} from "@/lib/conflicts/resolution";
import { holdsClaim, protectionEnd, rejection, release, type RegistrationStatus } from "@/lib/registrations/lifecycle";
import { AppError, forbidden } from "@/lib/errors";
import type { ResolveInput } from "@/lib/validation/conflicts";
import { applyAttribution } from "./attribution-writes";
import { audit } from "./audit";
import { db } from "./client";
import { levelOneDeciders, noticesFor, partnerUsers } from "./conflict-people";
import { checkLevel, loadCase, partiesOf, type LoadedCase } from "./conflict-case";
import type { Tx } from "./connect";
import { notify } from "./outbox";
import { recordTransition } from "./registration-transition";
import { transaction } from "./transaction";

export type ResolveResult = {
  id: string;
  resolution: ResolveInput["resolution"];
  effects: ResolutionEffects;
};

const RESOLUTION_WORDS: Record<ResolveInput["resolution"], string> = {
  AWARD_PARTNER: "awarded to a partner",
  AWARD_DIRECT: "awarded to the direct team",
  SPLIT: "credit split",
  CO_SELL: "co-sell",
  DISMISSED: "dismissed",
};

export async function resolveConflict(
  ctx: Ctx,
  id: string,
  input: ResolveInput,
  now = new Date(),
): Promise<ResolveResult> {
  if (!can(ctx, "conflict:resolve")) throw forbidden("You cannot resolve conflict cases");
  return transaction(db, async (tx) => {
    const c = await loadCase(tx, ctx, id);
    checkLevel(ctx, c, "conflict:resolve", input.expectedLevel);
    const shape = {
      parties: c.parties.map((p) => ({ id: p.id, kind: p.kind, partnerId: p.partnerId })),
      registrations: c.registrations.map((l) => l.registration),
      opportunity: c.opportunity,
    };
    const decision = { ...input, tags: normalizeTags(input.tags) };
    const valid = validateResolution(decision, shape);
    if (!valid.ok) throw new AppError("UNPROCESSABLE", valid.message, valid.fieldErrors);
    const effects = resolutionEffects(decision, shape);

    const { count } = await tx.conflict.updateMany({
      where: { id: c.id, status: "OPEN", level: c.level },
      data: {
        status: "RESOLVED",
        resolution: decision.resolution,
        rationale: decision.rationale,
        tags: decision.tags,
        resolvedAt: now,
        openSubjectKey: null,
        updatedAt: now,
      },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This case was changed by someone else; reload to see it.");
    for (const credit of effects.credit)
      await tx.conflictParty.update({
        where: { id: credit.partyId },
        data: { creditPct: credit.creditPct },
        select: { id: true },
      });
    for (const loser of effects.losers) await loseClaim(tx, ctx, loser, decision.rationale, now);
    if (effects.opportunity)
      await tx.opportunity.update({
        where: { id: effects.opportunity.id },
        data: { route: effects.opportunity.route, partnerId: effects.opportunity.partnerId, updatedAt: now },
        select: { id: true },
      });
    if (c.opportunity) await applyAttribution(tx, c.opportunity.id, now); // credit splits override at once
    await tx.conflictEvent.create({
      data: {
        conflictId: c.id,
        kind: "RESOLVED",
        actorId: ctx.userId,
        fromLevel: c.level,
        body: decision.rationale,
        at: now,
      },
      select: { id: true },
    });
    await audit(
      tx,
      ctx,
      {
        action: "conflict.resolve",
        entityType: "Conflict",
        entityId: c.id,
        before: { status: "OPEN", level: c.level, opportunity: c.opportunity },
        after: {
          status: "RESOLVED",
          resolution: decision.resolution,
          rationale: decision.rationale,
          tags: decision.tags,
          effects,
        },
      },
      now,
    );
    await notifyResolved(tx, ctx, c, decision.resolution, effects);
    return { id: c.id, resolution: decision.resolution, effects };
  });
}

/** A losing registration releases its claim; one that moved meanwhile is moved from where it is now. */
async function loseClaim(tx: Tx, ctx: Ctx, loser: RegistrationEffect, rationale: string, now: Date) {
  const reason = `Conflict case resolved: ${rationale}`;
  let from: string = loser.from;
  for (let attempt = 0; attempt < 2; attempt++) {
    // a converted registration keeps its status (its deal lives on); its protection ends now
    const to: RegistrationStatus = from === "SUBMITTED" ? "REJECTED" : from === "CONVERTED" ? "CONVERTED" : "EXPIRED";
    const set =
      to === "REJECTED"
        ? rejection({ reviewerId: ctx.userId, reason, now })
        : to === "CONVERTED"
          ? protectionEnd(now, true)
          : release();
    const guard = to === "CONVERTED" ? { partnerClaimKey: { not: null } } : undefined;
    const audit = to === "CONVERTED" ? { action: "registration.expire" as const } : undefined;
    const step = { id: loser.registrationId, from: from as RegistrationStatus, to, set, guard, reason, audit };
    if (await recordTransition(tx, ctx, step, now)) return;
    const current = await tx.dealRegistration.findUnique({
      where: { id: loser.registrationId },
      select: { status: true, partnerClaimKey: true },
    });
    if (!current || !holdsClaim(current)) return; // no longer holds anything
    from = current.status;
  }
}

async function notifyResolved(
  tx: Tx,
  ctx: Ctx,
  c: LoadedCase,
  resolution: ResolveInput["resolution"],
  effects: ResolutionEffects,
) {
  const staff = await levelOneDeciders(tx, partiesOf(c));
  await notify(
    tx,
    noticesFor(staff, ctx.userId, {
      kind: "conflict.resolved",
      subject: `Conflict case resolved: ${RESOLUTION_WORDS[resolution]}`,
      body: `The case was resolved at level ${c.level}.`,
      payload: { conflictId: c.id },
    }),
  );
  const partnerParties = c.parties.filter((p) => p.kind === "PARTNER" && p.partnerId);
  const users = await partnerUsers(
    tx,
    partnerParties.map((p) => p.partnerId),
  );
  for (const party of partnerParties) {
    const words = partnerOutcome(resolution, effects, { partyId: party.id, partnerId: party.partnerId! });
    const own = c.registrations.find((l) => l.registration.partnerId === party.partnerId)?.registration;
    await notify(
      tx,
      noticesFor(
        users.filter((u) => u.partnerId === party.partnerId),
        ctx.userId,
        {
          kind: "conflict.resolved",
          subject: own ? `The conflict case on ${own.accountName} was decided` : "A conflict case was decided",
          body: words,
          payload: { conflictId: c.id },
        },
      ),
    );
  }
}
