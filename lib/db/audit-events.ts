// Reading the append-only audit log (writes go through lib/db/audit.ts only). Channel operations
// reads it; for everyone else the whole table is out of scope, so the check sits here, in the
// data layer, and not only in the page.
import "server-only";
import { currentAuditAction, storedAuditActions } from "@/lib/audit/actions";
import { auditEntityKey, auditEntityLabel, auditSnapshotRefs } from "@/lib/audit/entities";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import type { AuditEventListQuery } from "@/lib/validation/lists";
import { auditEntityRefs, type AuditEntityRef } from "./audit-entities";
import { db } from "./client";
import { paginate, scalar } from "./pagination";
import { containsText } from "./text";
import type { Prisma } from "./generated/sqlite/client";

const listSelect = {
  id: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
} satisfies Prisma.AuditEventSelect;

type StoredRow = Prisma.AuditEventGetPayload<{ select: typeof listSelect }>;
/** An event as read: the current action code, the entity's name and page, and the rows its
 *  before/after snapshots point at by id (keyed by auditEntityKey), so screens show names. */
export type AuditEventRow = StoredRow & { entity: AuditEntityRef; mentions: Record<string, AuditEntityRef> };

/** The filters of the log, page and export alike. */
export type AuditFilters = Pick<AuditEventListQuery, "action" | "entityType" | "actor" | "from" | "to" | "q">;

export function requireAuditRead(ctx: Ctx) {
  if (!can(ctx, "audit:read")) throw forbidden("Only channel operations can read the audit log");
}

const DAY_MS = 86_400_000;

/** The where clause of the filters; days are UTC calendar days, both ends included. */
export function auditWhere(q: AuditFilters): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {
    ...(q.from ? { gte: new Date(`${q.from}T00:00:00.000Z`) } : {}),
    ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00.000Z`).getTime() + DAY_MS) } : {}),
  };
  return {
    ...(q.action ? { action: { in: storedAuditActions(q.action) } } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.actor ? { actorId: q.actor } : {}),
    ...(q.from || q.to ? { at } : {}),
    ...(q.q ? { OR: [{ entityId: q.q }, { actorLabel: containsText(q.q) }] } : {}),
  };
}

/** Rows keep the code they were written with (the log is append-only); readers see the current one,
 *  and the entity by its name with a link to its page. */
export async function withEntities(rows: StoredRow[]): Promise<AuditEventRow[]> {
  const mentioned = rows.map((row) => [...auditSnapshotRefs(row.before), ...auditSnapshotRefs(row.after)]);
  // one read per entity type for the page, events and the rows their snapshots mention alike
  const refs = await auditEntityRefs([...rows, ...mentioned.flat()]);
  return rows.map((row, i) => ({
    ...row,
    action: currentAuditAction(row.action),
    entity: refs.get(auditEntityKey(row.entityType, row.entityId))!,
    mentions: Object.fromEntries(
      mentioned[i].map((m) => {
        const key = auditEntityKey(m.entityType, m.entityId);
        return [key, refs.get(key)!];
      }),
    ),
  }));
}

export async function listAuditEvents(ctx: Ctx, q: AuditEventListQuery) {
  requireAuditRead(ctx);
  const where = auditWhere(q);
  const page = await paginate<StoredRow, Prisma.AuditEventWhereInput, Prisma.AuditEventOrderByWithRelationInput>(
    (args) =>
      db.auditEvent.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: listSelect,
      }),
    (take) => db.auditEvent.count({ where, take }),
    {
      list: "audit-events",
      ctx,
      sort: q.sort,
      column: scalar(),
      dir: q.dir ?? "desc",
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
  return { ...page, items: await withEntities(page.items) };
}

export type AuditFacets = {
  actions: string[];
  entityTypes: { value: string; label: string }[];
  actors: { value: string; label: string }[];
};

/** Distinct actions, entity types and acting users, for the filter pickers. GROUP BY runs in the
 *  database on the indexed columns; Prisma's `distinct` would fetch every row and dedupe in memory. */
export async function listAuditFacets(ctx: Ctx): Promise<AuditFacets> {
  requireAuditRead(ctx);
  const [actions, entityTypes, actorIds] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" }, take: 200 }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" }, take: 200 }),
    db.auditEvent.groupBy({
      by: ["actorId"],
      where: { actorId: { not: null } },
      orderBy: { actorId: "asc" },
      take: 500,
    }),
  ]);
  const users = await db.user.findMany({
    where: { id: { in: actorIds.map((a) => a.actorId!) } },
    select: { id: true, name: true, email: true },
  });
  return {
    actions: [...new Set(actions.map((a) => currentAuditAction(a.action)))].sort(),
    entityTypes: entityTypes.map((e) => ({ value: e.entityType, label: auditEntityLabel(e.entityType) })),
    actors: users
      .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** The newest events, for the operations overview. */
export async function listRecentAuditEvents(ctx: Ctx, take = 8): Promise<AuditEventRow[]> {
  requireAuditRead(ctx);
  return withEntities(
    await db.auditEvent.findMany({ select: listSelect, orderBy: [{ at: "desc" }, { id: "desc" }], take }),
  );
}

export { listSelect as auditListSelect };
