// The one way to write an audit event: inside the caller's transaction, so the change and its
// record commit or roll back together. The table refuses UPDATE and DELETE (database triggers).
import type { AuditAction } from "@/lib/audit/actions";
import type { Ctx } from "@/lib/auth/types";
import { toJson } from "@/lib/json";
import type { Tx } from "./connect";
import { isSql, json, newId, type Sql } from "./sql";

export type AuditInput = {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

function actorLabel(ctx: Ctx | null): string {
  if (!ctx) return "system";
  if (ctx.via === "api-key") return ctx.name;
  return ctx.email ? `${ctx.name} <${ctx.email}>` : ctx.name;
}

/** Takes the caller's Prisma transaction or plain-SQL transaction (lib/db/sql.ts). */
export async function audit(
  tx: Tx | Sql,
  ctx: Ctx | null,
  event: AuditInput,
  at: Date = new Date(),
): Promise<{ id: string }> {
  const data = {
    id: newId(),
    actorId: ctx?.userId ?? null,
    actorLabel: actorLabel(ctx),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before === undefined ? undefined : (toJson(event.before) as object),
    after: event.after === undefined ? undefined : (toJson(event.after) as object),
    at,
  };
  if (isSql(tx)) await tx.insert("AuditEvent", { ...data, before: json(data.before), after: json(data.after) });
  else await tx.auditEvent.create({ data, select: { id: true } });
  return { id: data.id };
}
