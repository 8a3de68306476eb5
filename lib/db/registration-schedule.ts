// The queries and writes behind the time-driven registration jobs (lib/jobs/registration-jobs.ts):
// protection that ran out and dormant registrations expire (lib/registrations/lifecycle.ts,
// recorded by lib/db/registration-transition.ts), and decisions overdue past their SLA are
// reminded once. Each registration is its own transaction; the jobs take the database as an
// argument because the scheduler runs them on the connection it was given.
import { noticeTime } from "@/lib/dates/human";
import type { Db, Tx } from "./connect";
import type { Prisma } from "./generated/sqlite/client";
import { dormancyCutoff } from "@/lib/registrations/dormancy";
import { protectionEnd, release } from "@/lib/registrations/lifecycle";
import { notify } from "./outbox";
import { recordTransition } from "./registration-transition";
import { transaction } from "./transaction";

// Approved registrations, and converted ones still holding their keys (lib/registrations/lifecycle.ts):
// the ones whose protection the jobs end.
const protecting = {
  OR: [{ status: "APPROVED" }, { status: "CONVERTED", partnerClaimKey: { not: null } }],
} satisfies Prisma.DealRegistrationWhereInput;

/** Protecting registrations (approved, or converted) whose protection ended by `now`, oldest ids unspecified. */
export async function protectionEnded(db: Db, now: Date, take: number): Promise<string[]> {
  const rows = await db.dealRegistration.findMany({
    where: { AND: [protecting, { protectedUntil: { lte: now } }] },
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

/** Protected registrations with no activity (lib/registrations/dormancy.ts) for `dormantDays`. */
function dormantWhere(now: Date, dormantDays: number): Prisma.DealRegistrationWhereInput {
  const cutoff = dormancyCutoff(now, dormantDays);
  return {
    AND: [protecting, { OR: [{ opportunityId: null }, { opportunity: { is: { updatedAt: { lt: cutoff } } } }] }],
    protectedUntil: { gt: now },
    lastActivityAt: { lt: cutoff },
  };
}

/** Dormant registrations in id order, after the given id (a page of the job's walk). */
export async function dormantRegistrations(
  db: Db,
  now: Date,
  dormantDays: number,
  take: number,
  after?: string,
): Promise<string[]> {
  const rows = await db.dealRegistration.findMany({
    where: { ...dormantWhere(now, dormantDays), ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

/**
 * Protection ran out: APPROVED → EXPIRED; a CONVERTED registration keeps its status and releases its
 * keys. False when the registration changed meanwhile.
 */
export function expireProtectionOf(db: Db, id: string, now: Date): Promise<boolean> {
  return transaction(db, (tx) => expire(tx, id, "Protection period ended", now, undefined, false));
}

/**
 * No activity for `dormantDays`: APPROVED → EXPIRED (CONVERTED: protection ends now), releasing the account. The update checks the
 * dormancy again, so a partner's activity in between keeps the registration (false).
 */
export function releaseDormantRegistration(db: Db, id: string, dormantDays: number, now: Date): Promise<boolean> {
  return transaction(db, (tx) =>
    expire(
      tx,
      id,
      `No activity for ${dormantDays} days: the account is released`,
      now,
      dormantWhere(now, dormantDays),
      true,
    ),
  );
}

async function expire(
  tx: Tx,
  id: string,
  reason: string,
  now: Date,
  guard: Prisma.DealRegistrationWhereInput | undefined,
  early: boolean,
): Promise<boolean> {
  // The guards make the job safe against a partner acting at the same moment: the status, and for
  // dormancy the absence of activity, are checked again by the update itself.
  const current = await tx.dealRegistration.findUnique({ where: { id }, select: { status: true } });
  const converted = current?.status === "CONVERTED";
  if (!current || (current.status !== "APPROVED" && !converted)) return false;
  const recorded = await recordTransition(
    tx,
    null,
    converted
      ? {
          // the deal it became lives on: only the claim on the account ends
          id,
          from: "CONVERTED",
          to: "CONVERTED",
          set: protectionEnd(now, early),
          guard: { AND: [guard ?? {}, { partnerClaimKey: { not: null } }] },
          reason: `${reason}; the deal continues`,
          audit: { action: "registration.expire", after: { status: "CONVERTED", protection: "ended", reason } },
        }
      : {
          id,
          from: "APPROVED",
          to: "EXPIRED",
          set: release(),
          guard,
          reason,
          audit: { after: { status: "EXPIRED", reason } },
        },
    now,
  );
  if (!recorded) return false;
  const reg = await tx.dealRegistration.findUniqueOrThrow({
    where: { id },
    select: { accountName: true, submittedById: true, submittedBy: { select: { email: true } } },
  });
  if (reg.submittedBy) {
    await notify(tx, [
      {
        kind: "registration.expired",
        recipientUserId: reg.submittedById,
        recipientEmail: reg.submittedBy.email,
        subject: `Protection ended for ${reg.accountName}`,
        body: reason,
        payload: { registrationId: id },
      },
    ]);
  }
  return true;
}

type Recipient = { id: string; email: string };
export type OverdueDecision = {
  id: string;
  accountName: string;
  slaDueAt: Date;
  partnerName: string;
  manager: Recipient | null;
};

/** Submitted registrations past their decision SLA, not reminded yet; `manager` only when active. */
export async function overdueDecisions(db: Db, now: Date, take: number): Promise<OverdueDecision[]> {
  const rows = await db.dealRegistration.findMany({
    where: { status: "SUBMITTED", slaDueAt: { lt: now }, slaReminderSentAt: null },
    select: {
      id: true,
      accountName: true,
      slaDueAt: true,
      partner: { select: { name: true, manager: { select: { id: true, email: true, active: true } } } },
    },
    take,
  });
  return rows.map((r) => ({
    id: r.id,
    accountName: r.accountName,
    slaDueAt: r.slaDueAt,
    partnerName: r.partner.name,
    manager: r.partner.manager?.active ? { id: r.partner.manager.id, email: r.partner.manager.email } : null,
  }));
}

/** Channel operations: they decide the registrations of a partner without an active manager. */
export function activeAdmins(db: Db): Promise<Recipient[]> {
  return db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true, email: true } });
}

/** Marks the reminder sent and queues it, once: false when another run reminded first. */
export function remindOverdueDecision(
  db: Db,
  reg: OverdueDecision,
  recipients: Recipient[],
  now: Date,
): Promise<boolean> {
  return transaction(db, async (tx) => {
    const { count } = await tx.dealRegistration.updateMany({
      where: { id: reg.id, slaReminderSentAt: null },
      data: { slaReminderSentAt: now },
    });
    if (count !== 1) return false;
    await notify(
      tx,
      recipients.map((r) => ({
        kind: "registration.sla_overdue",
        recipientUserId: r.id,
        recipientEmail: r.email,
        subject: `Overdue: decide ${reg.partnerName}'s registration for ${reg.accountName}`,
        body: `The decision was due ${noticeTime(reg.slaDueAt)}.`,
        payload: { registrationId: reg.id },
      })),
    );
    return true;
  });
}
