// What an audit event's entity is called on screen and where its page is. Pure: the names
// themselves are read by lib/db/audit-entities.ts. Entity types are stored as written by each
// writer (lib/db/audit.ts callers: "DealRegistration", "RuleSet", "outbox", …), so lookups ignore case.

export type AuditEntityKind = {
  /** The stored entityType this kind is written with. */
  type: string;
  label: string;
  /** The staff page of one row (`${path}/${id}`), if there is one. */
  path: string | null;
};

const AUDIT_ENTITY_KINDS: readonly AuditEntityKind[] = [
  { type: "Account", label: "Account", path: "/accounts" },
  { type: "ApiKey", label: "API key", path: null },
  { type: "Conflict", label: "Conflict", path: "/conflicts" },
  { type: "DealRegistration", label: "Registration", path: "/registrations" },
  { type: "Opportunity", label: "Opportunity", path: "/opportunities" },
  { type: "outbox", label: "E-mail", path: null },
  { type: "Partner", label: "Partner", path: "/partners" },
  { type: "PricingCorridor", label: "Pricing corridor", path: null },
  { type: "PayoutAdjustment", label: "Payout adjustment", path: null },
  { type: "ProductLine", label: "Product line", path: null },
  { type: "Region", label: "Region", path: null },
  { type: "Segment", label: "Segment", path: null },
  { type: "RuleSet", label: "Rule set", path: "/rules" },
  { type: "User", label: "User", path: null },
];

const BY_TYPE = new Map(AUDIT_ENTITY_KINDS.map((k) => [k.type.toLowerCase(), k]));
// earlier writers used a short name for registrations
BY_TYPE.set("registration", BY_TYPE.get("dealregistration")!);

export function auditEntityKind(type: string): AuditEntityKind | undefined {
  return BY_TYPE.get(type.toLowerCase());
}

/** "DealRegistration" → "Registration"; an unknown type is shown as stored. */
export function auditEntityLabel(type: string): string {
  return auditEntityKind(type)?.label ?? type;
}

/** The page of this entity, or null when it has none (or the event names no single row, like "*"). */
export function auditEntityHref(type: string, id: string): string | null {
  const path = auditEntityKind(type)?.path;
  return path && id !== "*" ? `${path}/${encodeURIComponent(id)}` : null;
}

/** The key a name is looked up by: type (canonical) and id. */
export function auditEntityKey(type: string, id: string): string {
  return `${auditEntityKind(type)?.type ?? type}|${id}`;
}

const humanize = (value: string) => {
  const s = value.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** How each kind's row is named, from the fields lib/db/audit-entities.ts reads. */
export const auditEntityName = {
  registration: (accountName: string, partnerName: string) => `${accountName} · ${partnerName}`,
  ruleSet: (version: number) => `Rule set v${version}`,
  conflict: (type: string, accountName: string | null) => `${humanize(type)}${accountName ? ` · ${accountName}` : ""}`,
  outbox: (id: string, subject: string | null) => (id === "*" ? "Every failed e-mail" : (subject ?? "E-mail")),
};

/** Snapshot fields that hold the id of a row the log can name (before/after of an event). */
const ID_FIELDS: Readonly<Record<string, string>> = {
  accountId: "Account",
  aeId: "User",
  conflictId: "Conflict",
  corridorId: "PricingCorridor",
  managerId: "User",
  opportunityId: "Opportunity",
  ownerId: "User",
  partnerId: "Partner",
  productLineId: "ProductLine",
  recipientUserId: "User",
  regionId: "Region",
  registrationId: "DealRegistration",
  ruleSetId: "RuleSet",
  segmentId: "Segment",
  userId: "User",
};

/** The entity type a snapshot field's id points at ("partnerId" → "Partner"), if the log can name it. */
export function auditFieldEntityType(field: string): string | undefined {
  return ID_FIELDS[field];
}

/** The rows a before/after snapshot points at by id, top-level fields only. */
export function auditSnapshotRefs(snapshot: unknown): { entityType: string; entityId: string }[] {
  if (!snapshot || typeof snapshot !== "object" || Array.isArray(snapshot)) return [];
  return Object.entries(snapshot).flatMap(([field, value]) => {
    const entityType = ID_FIELDS[field];
    return entityType && typeof value === "string" && value ? [{ entityType, entityId: value }] : [];
  });
}
