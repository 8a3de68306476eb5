// The in-app notification list: the caller's own outbox messages, newest first.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { db } from "./client";

export async function listNotifications(ctx: Ctx, take = 50) {
  if (!ctx.userId) return [];
  return db.outbox.findMany({
    where: { recipientUserId: ctx.userId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      subject: true,
      body: true,
      payload: true,
      createdAt: true,
      readAt: true,
      status: true,
    },
  });
}

export async function countUnread(ctx: Ctx): Promise<number> {
  if (!ctx.userId) return 0;
  return db.outbox.count({ where: { recipientUserId: ctx.userId, readAt: null } });
}

export async function markAllRead(ctx: Ctx, now = new Date()) {
  if (!ctx.userId) return 0;
  const { count } = await db.outbox.updateMany({
    where: { recipientUserId: ctx.userId, readAt: null },
    data: { readAt: now },
  });
  return count;
}
