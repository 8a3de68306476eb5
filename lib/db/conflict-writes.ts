// The conflict case writes (docs/domain.md#conflicts-and-escalation): raise, comment, escalate,
// resolve. Each loads the case through conflictScope (a case the caller is not party to answers
// 404), checks can() for the case's level, and writes the change, its ConflictEvent, its audit
// event and its notices in one transaction. Escalation and resolution update the case only while
// it is OPEN at the level the decider saw, so two deciders at once end with one effect and a 409.
// Opening: openCase (lib/db/conflict-open.ts), the one function every source uses.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { escalationRefusal, isLevel, nextLevel, slaDueAt } from "@/lib/conflicts/escalation";
import { checkLevel, loadCase, moveUp, partiesOf } from "./conflict-case";
import { aeRaisedCase, partnerRaisedCase, type CaseSpec } from "@/lib/conflicts/opening";
import type { Level } from "@/lib/conflicts/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { SETTING_KEYS } from "@/lib/settings";
import type { CommentInput, EscalateInput, RaiseConflictInput } from "@/lib/validation/conflicts";
import { audit } from "./audit";
import { db } from "./client";
import { openCase } from "./conflict-open";
import { deciders, noticesFor } from "./conflict-people";
import type { Tx } from "./connect";
import { openOpportunity } from "./opportunities";
import { notify } from "./outbox";
import { opportunityScope, registrationScope } from "./scope";
import { getSetting } from "./settings";
import { transaction } from "./transaction";
import { holdsClaim } from "@/lib/registrations/lifecycle";
import { holdingClaim } from "./claims";

export { resolveConflict } from "./conflict-resolve";

const alreadyOpen = (conflictId: string) =>
  new AppError("CONFLICT", "This deal is already in an open conflict case: add to that case instead.", {
    conflictId: [conflictId],
  });

export type RaiseResult = { id: string; type: string; level: 1; slaDueAt: string };

/**
 * An AE on its own opportunity ("a partner claims my deal" / "I want to co-sell"), or a partner on
 * its own registration ("I was here first"). One open case per subject: an open case already on it
 * answers 409 naming it, and two raises at once are settled by Conflict.openSubjectKey.
 */
export async function raiseConflict(ctx: Ctx, input: RaiseConflictInput, now = new Date()): Promise<RaiseResult> {
  if (!can(ctx, "conflict:raise")) throw forbidden("You cannot raise conflict cases");
  const subjectKey =
    "opportunityId" in input ? `opportunity:${input.opportunityId}` : `registration:${input.registrationId}`;
  const slaDays = await getSetting<unknown[]>(SETTING_KEYS.conflictSlaBusinessDays, db);
  try {
    return await transaction(db, async (tx) => {
      const spec = "opportunityId" in input ? await aeCase(tx, ctx, input) : await partnerCase(tx, ctx, input);
      const existing = await openCaseOnSubject(tx, spec);
      if (existing) throw alreadyOpen(existing);
      const opened = await openCase(tx, { ...spec, actor: ctx, slaDays }, now);
      return { id: opened.id, type: spec.type, level: 1 as const, slaDueAt: opened.slaDueAt.toISOString() };
    });
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") {
      // lost the race to another raise on the same subject: name the case that won
      const winner = await db.conflict.findUnique({ where: { openSubjectKey: subjectKey }, select: { id: true } });
      if (winner) throw alreadyOpen(winner.id);
    }
    throw error;
  }
}

async function aeCase(
  tx: Tx,
  ctx: Ctx,
  input: Extract<RaiseConflictInput, { opportunityId: string }>,
): Promise<CaseSpec> {
  if (!can(ctx, "opportunity:manage")) throw forbidden("A case on an opportunity is raised by its account executive");
  const opp = await tx.opportunity.findFirst({
    where: { id: input.opportunityId, ...opportunityScope(ctx) },
    select: { id: true, accountId: true, productLineId: true, aeId: true, partnerId: true, stage: true },
  });
  if (!opp) throw notFound("Opportunity");
  if (!(await tx.opportunity.count({ where: { id: opp.id, ...openOpportunity } })))
    throw new AppError("UNPROCESSABLE", "This opportunity is closed: dispute its attribution instead.");
  const registrations = await tx.dealRegistration.findMany({
    where: {
      AND: [
        holdingClaim,
        { OR: [{ opportunityId: opp.id }, { accountId: opp.accountId, productLineId: opp.productLineId }] },
      ],
    },
    select: { id: true, partnerId: true },
    orderBy: { submittedAt: "asc" },
  });
  let partnerId = input.partnerId ?? opp.partnerId ?? registrations[0]?.partnerId ?? null;
  if (input.partnerId) {
    const partner = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } });
    if (!partner) throw new AppError("UNPROCESSABLE", "Unknown partner", { partnerId: ["Pick a partner"] });
    partnerId = partner.id;
  }
  if (!partnerId)
    throw new AppError("UNPROCESSABLE", "Name the partner concerned", {
      partnerId: ["No partner is on this deal or claims its account: pick the partner"],
    });
  return aeRaisedCase({
    reason: input.reason,
    aeId: opp.aeId ?? ctx.userId,
    opportunity: { id: opp.id, accountId: opp.accountId },
    partnerId,
    registrationIds: registrations.filter((r) => r.partnerId === partnerId).map((r) => r.id),
    note: input.note,
  });
}

async function partnerCase(
  tx: Tx,
  ctx: Ctx,
  input: Extract<RaiseConflictInput, { registrationId: string }>,
): Promise<CaseSpec> {
  if (!ctx.partnerId) throw forbidden("A partner raises a case on its own registration");
  const reg = await tx.dealRegistration.findFirst({
    where: { id: input.registrationId, partnerId: ctx.partnerId, ...registrationScope(ctx) },
    select: {
      id: true,
      status: true,
      partnerClaimKey: true,
      accountId: true,
      accountNameKey: true,
      accountDomainKey: true,
      productLineId: true,
    },
  });
  if (!reg) throw notFound("Registration");
  if (!holdsClaim(reg))
    throw new AppError(
      "UNPROCESSABLE",
      reg.status === "CONVERTED"
        ? "This registration's protection has ended: it holds no claim to contest."
        : `A ${reg.status.toLowerCase()} registration cannot be contested.`,
    );
  const sameCompany = [
    { accountNameKey: reg.accountNameKey },
    ...(reg.accountId ? [{ accountId: reg.accountId }] : []),
    ...(reg.accountDomainKey ? [{ accountDomainKey: reg.accountDomainKey }] : []),
  ];
  const others = await tx.dealRegistration.findMany({
    where: {
      AND: [holdingClaim, { OR: sameCompany }],
      partnerId: { not: ctx.partnerId },
      productLineId: reg.productLineId,
    },
    select: { id: true, partnerId: true },
    orderBy: { submittedAt: "asc" },
  });
  const direct = reg.accountId
    ? await tx.opportunity.findFirst({
        where: { accountId: reg.accountId, partnerId: null, ...openOpportunity },
        select: { id: true, aeId: true },
        orderBy: { createdAt: "asc" },
      })
    : null;
  if (others.length === 0 && !direct)
    throw new AppError("UNPROCESSABLE", "No other claim on this company and product line is recorded.");
  return partnerRaisedCase({
    partnerId: ctx.partnerId,
    registration: { id: reg.id, accountId: reg.accountId },
    others,
    directOpportunity: direct,
    note: input.note,
  });
}

/** An open case already on the raise's subject (its opportunity, or its registration). */
async function openCaseOnSubject(tx: Tx, spec: CaseSpec): Promise<string | null> {
  const row = await tx.conflict.findFirst({
    where: {
      status: "OPEN",
      ...(spec.source === "AE"
        ? { opportunityId: spec.opportunityId }
        : { registrations: { some: { registrationId: spec.registrationIds[0] } } }),
    },
    select: { id: true },
    orderBy: { openedAt: "asc" },
  });
  return row?.id ?? null;
}

/** Anyone who reads a case may comment on it (open or resolved); the current level's deciders hear of it. */
export async function commentOnConflict(ctx: Ctx, id: string, input: CommentInput, now = new Date()) {
  if (!can(ctx, "conflict:comment")) throw forbidden("You cannot comment on conflict cases");
  return transaction(db, async (tx) => {
    const c = await loadCase(tx, ctx, id);
    const event = await tx.conflictEvent.create({
      data: { conflictId: c.id, kind: "COMMENTED", actorId: ctx.userId, body: input.body, at: now },
      select: { id: true },
    });
    await tx.conflict.update({ where: { id: c.id }, data: { updatedAt: now }, select: { id: true } });
    await audit(
      tx,
      ctx,
      {
        action: "conflict.comment",
        entityType: "Conflict",
        entityId: c.id,
        after: { eventId: event.id, body: input.body },
      },
      now,
    );
    if (c.status === "OPEN" && isLevel(c.level)) {
      const people = await deciders(tx, c.level, partiesOf(c));
      await notify(
        tx,
        noticesFor(people, ctx.userId, {
          kind: "conflict.commented",
          subject: "New comment on a conflict case",
          body: input.body.slice(0, 500),
          payload: { conflictId: c.id },
        }),
      );
    }
    return { id: event.id, conflictId: c.id, at: now.toISOString() };
  });
}

export type EscalateResult = { id: string; fromLevel: Level; toLevel: Level; slaDueAt: string };

/** A decider of the current level moves the case one level up with a reason; the new level's SLA starts now. */
export async function escalateConflict(
  ctx: Ctx,
  id: string,
  input: EscalateInput,
  now = new Date(),
): Promise<EscalateResult> {
  if (!can(ctx, "conflict:escalate")) throw forbidden("You cannot escalate conflict cases");
  const slaDays = await getSetting<unknown[]>(SETTING_KEYS.conflictSlaBusinessDays, db);
  return transaction(db, async (tx) => {
    const c = await loadCase(tx, ctx, id);
    checkLevel(ctx, c, "conflict:escalate", input.expectedLevel);
    const refusal = escalationRefusal({ status: c.status, level: c.level });
    if (refusal) throw new AppError("UNPROCESSABLE", refusal);
    const from = c.level as Level;
    const to = nextLevel(from)!;
    const due = slaDueAt(to, now, slaDays);
    await moveUp(tx, ctx, c, { from, to, due, reason: input.reason }, now);
    return { id: c.id, fromLevel: from, toLevel: to, slaDueAt: due.toISOString() };
  });
}
