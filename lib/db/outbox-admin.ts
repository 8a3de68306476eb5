// Channel operations' view of outgoing e-mail (/outbox): the backlog, failures with their last
// error, and "retry now". The outbox holds every user's mail, so for anyone but ADMIN the whole
// table is out of scope: the check sits here, in the data layer, as for the audit log.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import type { OutboxListQuery } from "@/lib/validation/lists";
import { audit } from "./audit";
import { db } from "./client";
import { paginate, scalar } from "./pagination";
import { transaction } from "./transaction";
import { containsText } from "./text";
import type { Prisma } from "./generated/sqlite/client";

const listSelect = {
  id: true,
  kind: true,
  recipientEmail: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  failingSince: true,
  createdAt: true,
  sentAt: true,
} satisfies Prisma.OutboxSelect;

export type OutboxRow = Prisma.OutboxGetPayload<{ select: typeof listSelect }>;
export type OutboxSummary = { backlog: number; oldestPendingAt: Date | null; retrying: number; failed: number };

function requireOutbox(ctx: Ctx) {
  if (!can(ctx, "outbox:manage")) throw forbidden("Only channel operations can see the e-mail outbox");
}

export async function getOutboxSummary(ctx: Ctx): Promise<OutboxSummary> {
  requireOutbox(ctx);
  const waiting = { status: { in: ["PENDING", "SENDING"] } } satisfies Prisma.OutboxWhereInput;
  const [backlog, oldest, retrying, failed] = await Promise.all([
    db.outbox.count({ where: waiting }),
    db.outbox.findFirst({ where: waiting, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.outbox.count({ where: { status: "PENDING", attempts: { gt: 0 } } }),
    db.outbox.count({ where: { status: "FAILED" } }),
  ]);
  return { backlog, oldestPendingAt: oldest?.createdAt ?? null, retrying, failed };
}

export async function listOutboxMessages(ctx: Ctx, q: OutboxListQuery) {
  requireOutbox(ctx);
  const where: Prisma.OutboxWhereInput = {
    ...(q.status ? { status: q.status } : { status: { not: "SENT" } }),
    ...(q.q ? { OR: [{ id: q.q }, { recipientEmail: containsText(q.q) }, { subject: containsText(q.q) }] } : {}),
  };
  return paginate<OutboxRow, Prisma.OutboxWhereInput, Prisma.OutboxOrderByWithRelationInput>(
    (args) =>
      db.outbox.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: listSelect,
      }),
    (take) => db.outbox.count({ where, take }),
    {
      list: "outbox",
      ctx,
      sort: q.sort,
      column: scalar(),
      dir: q.dir ?? "desc",
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
}

// FAILED rows, and PENDING rows waiting out a backoff; a message being sent right now is left alone.
const retryable = (now: Date): Prisma.OutboxWhereInput => ({
  OR: [{ status: "FAILED" }, { status: "PENDING", nextAttemptAt: { gt: now } }],
});
const retryData = (now: Date) => ({
  status: "PENDING" as const,
  nextAttemptAt: now,
  failingSince: null,
  leaseToken: null,
  leaseUntil: null,
});

/** "Retry now" for one message: due at the next delivery run, with a fresh retry window. */
export async function retryOutboxMessage(ctx: Ctx, id: string, now = new Date()): Promise<{ id: string }> {
  requireOutbox(ctx);
  return transaction(db, async (tx) => {
    const before = await tx.outbox.findFirst({
      where: { id, ...retryable(now) },
      select: { id: true, status: true, attempts: true, lastError: true, nextAttemptAt: true },
    });
    if (!before) throw notFound("Message waiting for a retry");
    const { count } = await tx.outbox.updateMany({ where: { id, ...retryable(now) }, data: retryData(now) });
    if (count !== 1) throw notFound("Message waiting for a retry");
    await audit(
      tx,
      ctx,
      {
        action: "outbox.retry",
        entityType: "outbox",
        entityId: id,
        before,
        after: { status: "PENDING", nextAttemptAt: now },
      },
      now,
    );
    return { id };
  });
}

/** "Retry all now": every failed or backing-off message, one audit event with the count. */
export async function retryAllOutbox(ctx: Ctx, now = new Date()): Promise<{ count: number }> {
  requireOutbox(ctx);
  return transaction(db, async (tx) => {
    const failed = await tx.outbox.count({ where: { status: "FAILED" } });
    const { count } = await tx.outbox.updateMany({ where: retryable(now), data: retryData(now) });
    if (count > 0)
      await audit(
        tx,
        ctx,
        {
          action: "outbox.retry_all",
          entityType: "outbox",
          entityId: "*",
          before: { failed, backingOff: count - failed },
          after: { status: "PENDING", count, nextAttemptAt: now },
        },
        now,
      );
    return { count };
  });
}
