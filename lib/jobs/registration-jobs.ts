// Time-driven registration work (DESIGN §4.1): protection that ran out, dormant registrations
// (no activity for N days) released, and decisions overdue past their SLA reminded once.
// Each item is its own transaction with its timeline event, audit event and notification.
import { subDays } from "date-fns";
import { REGISTRATION_TRANSITION_ACTION } from "@/lib/audit/actions";
import type { Db, Tx } from "@/lib/db/connect";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { audit } from "@/lib/db/audit";
import { notify } from "@/lib/db/outbox";
import { getSetting } from "@/lib/db/settings";
import { transaction } from "@/lib/db/transaction";
import { NO_CLAIM, NO_PARTNER_CLAIM } from "@/lib/registrations/claim-key";
import { SETTING_KEYS } from "@/lib/settings";

const BATCH = 200;

type Due = { id: string; where?: Prisma.DealRegistrationWhereInput };

async function release(tx: Tx, { id, where }: Due, reason: string, now: Date) {
  // The guards make the job safe against a partner acting at the same moment: the status, and for
  // dormancy the absence of activity, are checked again by the update itself.
  const { count } = await tx.dealRegistration.updateMany({ where: { id, status: "APPROVED", ...where }, data: { status: "EXPIRED", ...NO_CLAIM, ...NO_PARTNER_CLAIM, lastActivityAt: now } });
  if (count !== 1) return false;
  const reg = await tx.dealRegistration.findUniqueOrThrow({ where: { id }, select: { accountName: true, submittedById: true, submittedBy: { select: { email: true } } } });
  await tx.registrationEvent.create({ data: { registrationId: id, fromStatus: "APPROVED", toStatus: "EXPIRED", actorId: null, actorLabel: "Accord (scheduled job)", reason, at: now } });
  await audit(tx, null, { action: REGISTRATION_TRANSITION_ACTION.EXPIRED, entityType: "DealRegistration", entityId: id, before: { status: "APPROVED" }, after: { status: "EXPIRED", reason } }, now);
  if (reg.submittedBy) {
    await notify(tx, [{ kind: "registration.expired", recipientUserId: reg.submittedById, recipientEmail: reg.submittedBy.email, subject: `Protection ended for ${reg.accountName}`, body: reason, payload: { registrationId: id } }]);
  }
  return true;
}

export async function expireProtection(db: Db, now: Date): Promise<number> {
  let done = 0;
  for (;;) {
    const due = await db.dealRegistration.findMany({ where: { status: "APPROVED", protectedUntil: { lte: now } }, select: { id: true }, take: BATCH });
    for (const { id } of due) if (await transaction(db, (tx) => release(tx, { id }, "Protection period ended", now))) done++;
    if (due.length < BATCH) return done;
  }
}

/** Protected registrations with no activity (lib/registrations/dormancy) for the configured days. */
export function dormantWhere(now: Date, dormantDays: number): Prisma.DealRegistrationWhereInput {
  const cutoff = subDays(now, dormantDays);
  return {
    status: "APPROVED",
    protectedUntil: { gt: now },
    lastActivityAt: { lt: cutoff },
    OR: [{ opportunityId: null }, { opportunity: { is: { updatedAt: { lt: cutoff } } } }],
  };
}

export async function releaseDormant(db: Db, now: Date): Promise<number> {
  const days = await getSetting<number>(SETTING_KEYS.dormantDays, db);
  const where = dormantWhere(now, days);
  let done = 0;
  // a registration found but kept (activity in between) stays APPROVED: skip past it, not round again
  let after: string | undefined;
  for (;;) {
    const due = await db.dealRegistration.findMany({ where: { ...where, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, select: { id: true }, take: BATCH });
    for (const { id } of due) if (await transaction(db, (tx) => release(tx, { id, where }, `No activity for ${days} days: the account is released`, now))) done++;
    if (due.length < BATCH) return done;
    after = due[due.length - 1].id;
  }
}

export async function remindOverdue(db: Db, now: Date): Promise<number> {
  const due = await db.dealRegistration.findMany({
    where: { status: "SUBMITTED", slaDueAt: { lt: now }, slaReminderSentAt: null },
    select: { id: true, accountName: true, slaDueAt: true, partner: { select: { name: true, manager: { select: { id: true, email: true, active: true } } } } },
    take: 1_000,
  });
  // a partner without an active manager: channel operations decide its registrations
  let ops: { id: string; email: string }[] | null = null;
  const opsUsers = async () => (ops ??= await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true, email: true } }));
  let done = 0;
  for (const reg of due) {
    const manager = reg.partner.manager?.active ? reg.partner.manager : null;
    const recipients = manager ? [manager] : await opsUsers();
    // counted once committed: a retried transaction (lib/db/transaction.ts) runs its callback again
    const reminded = await transaction(db, async (tx) => {
      const { count } = await tx.dealRegistration.updateMany({ where: { id: reg.id, slaReminderSentAt: null }, data: { slaReminderSentAt: now } });
      if (count !== 1) return false;
      await notify(tx, recipients.map((r) => ({
        kind: "registration.sla_overdue",
        recipientUserId: r.id,
        recipientEmail: r.email,
        subject: `Overdue: decide ${reg.partner.name}'s registration for ${reg.accountName}`,
        body: `The decision was due ${reg.slaDueAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
        payload: { registrationId: reg.id },
      })));
      return true;
    });
    if (reminded) done++;
  }
  return done;
}
