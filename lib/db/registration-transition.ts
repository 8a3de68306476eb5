// The one way a registration changes status (or, for an extension or a progress update, records a
// step without changing it): the guarded update, its RegistrationEvent on the timeline and its
// audit event, on the caller's transaction (`transaction(db, …)`, lib/db/transaction.ts), so the
// three commit or roll back together. What a move may do and what it sets comes from
// lib/registrations/lifecycle.ts; notifications stay with the caller, on the same transaction.
import type { Ctx } from "@/lib/auth/types";
import type { RegistrationStatus } from "@/lib/registrations/lifecycle";
import { REGISTRATION_TRANSITION_ACTION, type AuditAction } from "@/lib/audit/actions";
import { AppError } from "@/lib/errors";
import { audit, type AuditInput } from "./audit";
import type { Tx } from "./connect";
import type { Prisma } from "./generated/sqlite/client";

/** The timeline's actor for moves nobody clicked (expiry, dormant release). */
const SCHEDULED_JOB = "Accord (scheduled job)";

export type Transition = {
  id: string;
  from: RegistrationStatus;
  to: RegistrationStatus;
  /** Columns the move sets besides status and lastActivityAt (lib/registrations/lifecycle.ts). */
  set?: Prisma.DealRegistrationUpdateManyMutationInput;
  /** Conditions the update checks again besides id and status, so a concurrent change wins cleanly. */
  guard?: Prisma.DealRegistrationWhereInput;
  /** The timeline entry's text. */
  reason: string;
  /** Defaults: the move's action (lib/audit/actions.ts REGISTRATION_TRANSITION_ACTION), before `{ status: from }`, after `{ status: to, reason, ...set }`. */
  audit?: Partial<Pick<AuditInput, "action" | "before" | "after">>;
};

function transitionAction(to: RegistrationStatus): AuditAction {
  const action = (REGISTRATION_TRANSITION_ACTION as Partial<Record<RegistrationStatus, AuditAction>>)[to];
  if (!action) throw new AppError("INTERNAL", `No audit action for a move to ${to}`);
  return action;
}

/**
 * Records the move; false when the guarded update matched nothing (someone changed the registration
 * first: its status, or a guarded column), and then nothing is written. `actor` null: a scheduled job.
 */
export async function recordTransition(tx: Tx, actor: Ctx | null, t: Transition, now: Date): Promise<boolean> {
  // the status in the where clause settles two deciders clicking at once: only one update matches
  const { count } = await tx.dealRegistration.updateMany({
    where: { ...t.guard, id: t.id, status: t.from },
    data: { status: t.to, lastActivityAt: now, ...t.set },
  });
  if (count !== 1) return false;
  await tx.registrationEvent.create({
    data: {
      registrationId: t.id,
      fromStatus: t.from,
      toStatus: t.to,
      actorId: actor?.userId ?? null,
      actorLabel: actor?.name ?? SCHEDULED_JOB,
      reason: t.reason,
      at: now,
    },
  });
  await audit(
    tx,
    actor,
    {
      action: t.audit?.action ?? transitionAction(t.to),
      entityType: "DealRegistration",
      entityId: t.id,
      before: t.audit && "before" in t.audit ? t.audit.before : { status: t.from },
      after: t.audit && "after" in t.audit ? t.audit.after : { status: t.to, reason: t.reason, ...t.set },
    },
    now,
  );
  return true;
}
