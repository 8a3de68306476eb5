// The audit event as GET /api/v1/audit-events returns it: the entity by kind, name and page.
import type { AuditEventRow } from "@/lib/db/audit-events";

export function auditEventDto(e: AuditEventRow) {
  return {
    id: e.id,
    at: e.at,
    actor: { id: e.actorId, label: e.actorLabel },
    action: e.action,
    entity: { type: e.entityType, id: e.entityId, label: e.entity.label, name: e.entity.name, href: e.entity.href },
    before: e.before ?? null,
    after: e.after ?? null,
  };
}
