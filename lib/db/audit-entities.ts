// The names of the entities audit events point at, read in one query per entity type for a page
// (or an export batch) of events. Only callers that hold audit:read reach here
// (lib/db/audit-events.ts, lib/db/audit-export.ts); the audit log is channel operations' view of
// everything, so these reads are not narrowed further.
import "server-only";
import {
  auditEntityHref,
  auditEntityKey,
  auditEntityKind,
  auditEntityLabel,
  auditEntityName,
} from "@/lib/audit/entities";
import { humanize } from "@/lib/format";
import { db } from "./client";

export type AuditEntityRef = {
  type: string;
  id: string;
  /** "Registration", "Rule set", … */
  label: string;
  /** The row's name, or null when the row no longer exists (a deleted draft) or has no name. */
  name: string | null;
  href: string | null;
};

type Named = { id: string; name: string };

const READERS: Record<string, (ids: string[]) => Promise<Named[]>> = {
  Account: (ids) => db.account.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  ApiKey: (ids) => db.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Partner: (ids) => db.partner.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Opportunity: (ids) => db.opportunity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  User: (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Region: (ids) => db.region.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  ProductLine: (ids) => db.productLine.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Segment: (ids) => db.segment.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  DealRegistration: async (ids) =>
    (
      await db.dealRegistration.findMany({
        where: { id: { in: ids } },
        select: { id: true, accountName: true, partner: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: auditEntityName.registration(r.accountName, r.partner.name) })),
  RuleSet: async (ids) =>
    (await db.ruleSet.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } })).map((r) => ({
      id: r.id,
      name: auditEntityName.ruleSet(r.version),
    })),
  Conflict: async (ids) =>
    (
      await db.conflict.findMany({
        where: { id: { in: ids } },
        select: { id: true, type: true, account: { select: { name: true } } },
      })
    ).map((c) => ({ id: c.id, name: auditEntityName.conflict(c.type, c.account?.name ?? null) })),
  PricingCorridor: async (ids) =>
    (
      await db.pricingCorridor.findMany({
        where: { id: { in: ids } },
        select: { id: true, route: true, productLine: { select: { name: true } } },
      })
    ).map((c) => ({ id: c.id, name: `${c.productLine.name} × ${humanize(c.route)}` })),
  outbox: async (ids) => {
    const rows = await db.outbox.findMany({ where: { id: { in: ids } }, select: { id: true, subject: true } });
    const subjects = new Map(rows.map((r) => [r.id, r.subject]));
    return ids.map((id) => ({ id, name: auditEntityName.outbox(id, subjects.get(id) ?? null) }));
  },
};

/** Names and links for the entities of these events, keyed by auditEntityKey(type, id). */
export async function auditEntityRefs(
  events: readonly { entityType: string; entityId: string }[],
): Promise<Map<string, AuditEntityRef>> {
  const idsByType = new Map<string, Set<string>>();
  for (const e of events) {
    const type = auditEntityKind(e.entityType)?.type;
    if (!type || !READERS[type]) continue;
    let ids = idsByType.get(type);
    if (!ids) idsByType.set(type, (ids = new Set()));
    ids.add(e.entityId);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const row of await READERS[type]([...ids])) names.set(auditEntityKey(type, row.id), row.name);
    }),
  );
  const refs = new Map<string, AuditEntityRef>();
  for (const e of events) {
    const key = auditEntityKey(e.entityType, e.entityId);
    if (refs.has(key)) continue;
    const name = names.get(key) ?? null;
    refs.set(key, {
      type: e.entityType,
      id: e.entityId,
      label: auditEntityLabel(e.entityType),
      name,
      // a row that no longer exists has no page to open
      href: name === null ? null : auditEntityHref(e.entityType, e.entityId),
    });
  }
  return refs;
}
