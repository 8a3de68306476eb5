// The outbox rows behind e-mail delivery (lib/jobs/outbox-jobs.ts): claiming a batch with a lease
// token, recording each message's outcome, and failing claims a crashed run left behind. Every
// write is conditional on the claim, so concurrent runs on any number of instances never send or
// record the same message twice.
import { randomUUID } from "node:crypto";
import type { Db } from "./connect";

export const ABANDONED_ERROR =
  "Delivery outcome unknown: the sending run stopped before recording it. Retry only if the recipient did not get the message.";

/** Rows left SENDING past their lease: marked FAILED (outcome unknown). Returns those it marked. */
export async function failAbandonedClaims(db: Db, now: Date): Promise<{ id: string; attempts: number }[]> {
  const stale = await db.outbox.findMany({
    where: { status: "SENDING", leaseUntil: { lt: now } },
    select: { id: true, attempts: true },
    take: 1_000,
  });
  const failed: { id: string; attempts: number }[] = [];
  for (const row of stale) {
    const { count } = await db.outbox.updateMany({
      where: { id: row.id, status: "SENDING", leaseUntil: { lt: now } },
      data: { status: "FAILED", lastError: ABANDONED_ERROR, leaseToken: null, leaseUntil: null },
    });
    if (count) failed.push(row);
  }
  return failed;
}

export type ClaimedMessage = {
  id: string;
  recipientEmail: string;
  subject: string;
  body: string;
  attempts: number;
  failingSince: Date | null;
};

/** Claims up to `take` due messages (PENDING → SENDING under a fresh lease token). */
export async function claimOutboxBatch(
  db: Db,
  now: Date,
  take: number,
  leaseMs: number,
): Promise<{ token: string; rows: ClaimedMessage[] }> {
  const due = await db.outbox.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true },
  });
  if (due.length === 0) return { token: "", rows: [] };
  const token = randomUUID();
  await db.outbox.updateMany({
    where: { id: { in: due.map((d) => d.id) }, status: "PENDING", nextAttemptAt: { lte: now } },
    data: { status: "SENDING", leaseToken: token, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  const rows = await db.outbox.findMany({
    where: { leaseToken: token, status: "SENDING" },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    select: { id: true, recipientEmail: true, subject: true, body: true, attempts: true, failingSince: true },
  });
  return { token, rows };
}

const claimed = (id: string, token: string) => ({ id, leaseToken: token, status: "SENDING" as const });

export async function recordSent(db: Db, id: string, token: string, now: Date): Promise<void> {
  await db.outbox.updateMany({
    where: claimed(id, token),
    data: {
      status: "SENT",
      sentAt: now,
      attempts: { increment: 1 },
      lastError: null,
      failingSince: null,
      leaseToken: null,
      leaseUntil: null,
    },
  });
}

export type FailedAttempt = {
  status: "PENDING" | "FAILED";
  attempts: number;
  lastError: string;
  failingSince: Date;
  nextAttemptAt: Date;
};

export async function recordFailedAttempt(db: Db, id: string, token: string, f: FailedAttempt): Promise<void> {
  await db.outbox.updateMany({ where: claimed(id, token), data: { ...f, leaseToken: null, leaseUntil: null } });
}
