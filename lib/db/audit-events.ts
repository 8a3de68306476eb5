// Reading the append-only audit log (writes go through lib/db/audit.ts only). Channel operations
// reads it; for everyone else the whole table is out of scope, so the check sits here, in the
// data layer, and not only in the page.
import "server-only";
import { currentAuditAction, storedAuditActions } from "@/lib/audit/actions";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import type { AuditEventListQuery } from "@/lib/validation/lists";
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

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof listSelect }>;

// Rows keep the code they were written with (the log is append-only); readers see the current one.
const withCurrentAction = (row: AuditEventRow): AuditEventRow => ({ ...row, action: currentAuditAction(row.action) });

function requireAuditRead(ctx: Ctx) {
  if (!can(ctx, "audit:read")) throw forbidden("Only channel operations can read the audit log");
}

export async function listAuditEvents(ctx: Ctx, q: AuditEventListQuery) {
  requireAuditRead(ctx);
  const where: Prisma.AuditEventWhereInput = {
    ...(q.action ? { action: { in: storedAuditActions(q.action) } } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.q ? { OR: [{ entityId: q.q }, { actorLabel: containsText(q.q) }] } : {}),
  };
  return paginate<AuditEventRow, Prisma.AuditEventWhereInput, Prisma.AuditEventOrderByWithRelationInput>(
    async (args) =>
      (
        await db.auditEvent.findMany({
          where: { AND: [where, args.where] },
          orderBy: args.orderBy,
          take: args.take,
          select: listSelect,
        })
      ).map(withCurrentAction),
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
}

/** Distinct actions and entity types, for the filter pickers. GROUP BY runs in the database on the
 *  indexed columns; Prisma's `distinct` would fetch every row and dedupe in memory. */
export async function listAuditFacets(ctx: Ctx): Promise<{ actions: string[]; entityTypes: string[] }> {
  requireAuditRead(ctx);
  const [actions, entityTypes] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" }, take: 200 }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" }, take: 200 }),
  ]);
  return {
    actions: [...new Set(actions.map((a) => currentAuditAction(a.action)))].sort(),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}

/** The newest events, for the operations overview. */
export async function listRecentAuditEvents(ctx: Ctx, take = 8): Promise<AuditEventRow[]> {
  requireAuditRead(ctx);
  return (await db.auditEvent.findMany({ select: listSelect, orderBy: [{ at: "desc" }, { id: "desc" }], take })).map(
    withCurrentAction,
  );
}
