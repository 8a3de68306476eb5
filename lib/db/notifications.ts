// The in-app notification list: the caller's own outbox messages, newest first, a page at a time,
// filtered by kind and unread (app/(app)/notifications/page.tsx).
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { db } from "./client";

const PAGE = 20;

export type NotificationFilter = { kind?: string; unread?: boolean; page?: number };

/** A page of the caller's notifications, newest first, optionally of one kind or unread only. */
export async function listNotifications(ctx: Ctx, filter: NotificationFilter = {}) {
  if (!ctx.userId) return { items: [], total: 0, page: 1, pages: 1 };
  const where = {
    recipientUserId: ctx.userId,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.unread ? { readAt: null } : {}),
  };
  const page = Math.max(1, filter.page ?? 1);
  const [total, items] = await Promise.all([
    db.outbox.count({ where }),
    db.outbox.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: { id: true, kind: true, subject: true, body: true, payload: true, createdAt: true, readAt: true },
    }),
  ]);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE)) };
}

/** The kinds of notification the caller has received (the filter's choices). */
export async function listNotificationKinds(ctx: Ctx): Promise<string[]> {
  if (!ctx.userId) return [];
  const rows = await db.outbox.groupBy({
    by: ["kind"],
    where: { recipientUserId: ctx.userId },
    orderBy: { kind: "asc" },
  });
  return rows.map((r) => r.kind);
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
