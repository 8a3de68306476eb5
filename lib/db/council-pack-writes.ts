// The council pack's writes (docs/domain.md#council-pack): open a month's meeting, attendees,
// decisions and action items. Each change writes its audit event in the same transaction. A
// RULE_CHANGE decision creates a rule-set draft from the published set through the rules' own
// draft-creation step (insertDraft) and links it, all in one transaction. Action items change under
// optimistic concurrency (lockVersion): a stale edit is 409.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import {
  addActionItemInput,
  assignActionItemInput,
  attendeeInput,
  completeActionItemInput,
  openMeetingInput,
  recordDecisionInput,
} from "@/lib/validation/council-pack";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { insertDraft } from "./rule-set-writes";
import { ruleSetInForceAt } from "./rule-sets";
import { transaction } from "./transaction";

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

const CHANGED_ELSEWHERE = "This action item was changed by someone else since you opened the page. Reload to see it.";

/** The recorder's user id: the council's members, signed in as themselves (not an API key). */
function requireRecorder(ctx: Ctx): string {
  if (!can(ctx, "council-pack:record") || !ctx.userId) throw forbidden("Only the council's members record the meeting");
  return ctx.userId;
}

async function meetingId(tx: Tx, month: string): Promise<string> {
  const m = await tx.councilMeeting.findUnique({ where: { month }, select: { id: true } });
  if (!m) throw notFound("Council meeting");
  return m.id;
}

/** An active staff member, else a field error on `field` (a partner user or a foreign id reads as unknown). */
async function requireStaff(tx: Tx, userId: string, field: string): Promise<{ id: string; name: string }> {
  const u = await tx.user.findFirst({
    where: { id: userId, active: true, role: { not: "PARTNER" } },
    select: { id: true, name: true },
  });
  if (!u) throw new AppError("VALIDATION", "Check the highlighted fields", { [field]: ["Pick someone from the list"] });
  return u;
}

/** This month's (or any month's) meeting, created on first open; opening it twice is harmless. */
export async function openMeeting(ctx: Ctx, raw: unknown): Promise<{ id: string; month: string }> {
  requireRecorder(ctx);
  const { month } = openMeetingInput.parse(raw);
  try {
    return await transaction(db, async (tx) => {
      const found = await tx.councilMeeting.findUnique({ where: { month }, select: { id: true, month: true } });
      if (found) return found;
      const created = await tx.councilMeeting.create({
        data: { month, agenda: [], decisions: [], attendees: [] },
        select: { id: true, month: true },
      });
      await audit(tx, ctx, {
        action: "council.meeting.open",
        entityType: "CouncilMeeting",
        entityId: created.id,
        after: { month },
      });
      return created;
    });
  } catch (error) {
    // two people opened the month at once: the unique month decides, both land on the one meeting
    if (!isUniqueViolation(error)) throw error;
    return db.councilMeeting.findUniqueOrThrow({ where: { month }, select: { id: true, month: true } });
  }
}

export async function addAttendee(ctx: Ctx, raw: unknown): Promise<{ userId: string }> {
  requireRecorder(ctx);
  const input = attendeeInput.parse(raw);
  try {
    return await transaction(db, async (tx) => {
      const id = await meetingId(tx, input.month);
      const user = await requireStaff(tx, input.userId, "userId");
      await tx.councilAttendee.create({ data: { meetingId: id, userId: user.id } });
      await audit(tx, ctx, {
        action: "council.attendee.add",
        entityType: "CouncilMeeting",
        entityId: id,
        after: { userId: user.id, name: user.name },
      });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "That person is already on the attendee list", { userId: ["Already attending"] });
    throw error;
  }
}

export async function removeAttendee(ctx: Ctx, raw: unknown): Promise<void> {
  requireRecorder(ctx);
  const input = attendeeInput.parse(raw);
  await transaction(db, async (tx) => {
    const id = await meetingId(tx, input.month);
    const { count } = await tx.councilAttendee.deleteMany({ where: { meetingId: id, userId: input.userId } });
    if (count === 0) throw notFound("Attendee");
    await audit(tx, ctx, {
      action: "council.attendee.remove",
      entityType: "CouncilMeeting",
      entityId: id,
      before: { userId: input.userId },
    });
  });
}

/**
 * Records a decision. RULE_CHANGE copies the rule set in force at `now` into a new draft (the same
 * step as "New draft" on /rules) and links it; channel operations then edit and publish the draft.
 */
export async function recordDecision(
  ctx: Ctx,
  raw: unknown,
  now = new Date(),
): Promise<{ id: string; ruleSetId: string | null }> {
  const recorder = requireRecorder(ctx);
  const input = recordDecisionInput.parse(raw);
  const source = input.kind === "RULE_CHANGE" ? (await ruleSetInForceAt(now))?.engine : null;
  if (input.kind === "RULE_CHANGE" && !source)
    throw new AppError("VALIDATION", "No rule set is in force to change", { kind: ["No rule set is published yet"] });
  for (let attempt = 0; ; attempt++) {
    try {
      return await transaction(db, async (tx) => {
        const id = await meetingId(tx, input.month);
        const draft = source ? await insertDraft(tx, ctx, source, `Council ${input.month}: ${input.text}`) : null;
        const decision = await tx.councilDecision.create({
          data: {
            meetingId: id,
            kind: input.kind,
            text: input.text,
            decidedById: recorder,
            decidedAt: now,
            ruleSetId: draft?.id,
          },
          select: { id: true, ruleSetId: true },
        });
        await audit(
          tx,
          ctx,
          {
            action: "council.decision.record",
            entityType: "CouncilDecision",
            entityId: decision.id,
            after: { month: input.month, kind: input.kind, text: input.text, ruleSetVersion: draft?.version ?? null },
          },
          now,
        );
        return decision;
      });
    } catch (error) {
      // a draft created at the same moment took the next rule-set version: the unique key decides, try again
      if (isUniqueViolation(error) && source && attempt < 3) continue;
      throw error;
    }
  }
}

export async function addActionItem(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  requireRecorder(ctx);
  const input = addActionItemInput.parse(raw);
  return transaction(db, async (tx) => {
    const id = await meetingId(tx, input.month);
    const owner = await requireStaff(tx, input.ownerId, "ownerId");
    const item = await tx.councilActionItem.create({
      data: { meetingId: id, text: input.text, ownerId: owner.id, dueDate: input.dueDate },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "council.action.add",
      entityType: "CouncilActionItem",
      entityId: item.id,
      after: { month: input.month, text: input.text, owner: owner.name, dueDate: input.dueDate },
    });
    return item;
  });
}

/** The row behind a failed conditional update: 404 when it is not there, 409 when it moved on. */
async function staleOrMissing(tx: Tx, id: string): Promise<never> {
  const row = await tx.councilActionItem.findUnique({ where: { id }, select: { status: true } });
  if (!row) throw notFound("Action item");
  if (row.status === "DONE") throw new AppError("CONFLICT", "This action item is already done.");
  throw new AppError("CONFLICT", CHANGED_ELSEWHERE);
}

export async function assignActionItem(ctx: Ctx, raw: unknown): Promise<{ lockVersion: number }> {
  requireRecorder(ctx);
  const input = assignActionItemInput.parse(raw);
  return transaction(db, async (tx) => {
    const before = await tx.councilActionItem.findUnique({ where: { id: input.id }, select: { ownerId: true } });
    if (!before) throw notFound("Action item");
    const owner = await requireStaff(tx, input.ownerId, "ownerId");
    const { count } = await tx.councilActionItem.updateMany({
      where: { id: input.id, lockVersion: input.lockVersion, status: "OPEN" },
      data: { ownerId: owner.id, lockVersion: { increment: 1 } },
    });
    if (count === 0) await staleOrMissing(tx, input.id);
    await audit(tx, ctx, {
      action: "council.action.assign",
      entityType: "CouncilActionItem",
      entityId: input.id,
      before: { ownerId: before.ownerId },
      after: { ownerId: owner.id, owner: owner.name },
    });
    return { lockVersion: input.lockVersion + 1 };
  });
}

export async function completeActionItem(ctx: Ctx, raw: unknown, now = new Date()): Promise<{ lockVersion: number }> {
  requireRecorder(ctx);
  const input = completeActionItemInput.parse(raw);
  return transaction(db, async (tx) => {
    const { count } = await tx.councilActionItem.updateMany({
      where: { id: input.id, lockVersion: input.lockVersion, status: "OPEN" },
      data: { status: "DONE", completedAt: now, lockVersion: { increment: 1 } },
    });
    if (count === 0) await staleOrMissing(tx, input.id);
    await audit(
      tx,
      ctx,
      {
        action: "council.action.complete",
        entityType: "CouncilActionItem",
        entityId: input.id,
        after: { status: "DONE" },
      },
      now,
    );
    return { lockVersion: input.lockVersion + 1 };
  });
}
