// The filtered audit log as CSV, written batch by batch so a large export never holds the whole
// log in memory. Walks (at, id) with a keyset like lib/db/pagination.ts, but with no signed cursor:
// the walk never leaves the server. Cells go through lib/csv/cells.ts (formula-leading cells
// neutralized).
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { csvLines } from "@/lib/csv/cells";
import { toJson } from "@/lib/json";
import {
  auditListSelect,
  auditWhere,
  requireAuditRead,
  withEntities,
  type AuditEventRow,
  type AuditFilters,
} from "./audit-events";
import { db } from "./client";
import type { Prisma } from "./generated/sqlite/client";

const AUDIT_CSV_FIELDS = [
  "at",
  "actor",
  "action",
  "entity_type",
  "entity_name",
  "entity_id",
  "before",
  "after",
] as const;

const BATCH = 500;
/** A ceiling on one export: a wider one is narrowed with the date filters. */
const MAX_EXPORT_ROWS = 100_000;

const snapshot = (value: unknown) => (value == null ? "" : JSON.stringify(toJson(value)));

function auditCsvRow(e: AuditEventRow): string[] {
  return [
    e.at.toISOString(),
    e.actorLabel,
    e.action,
    e.entity.label,
    e.entity.name ?? "",
    e.entityId,
    snapshot(e.before),
    snapshot(e.after),
  ];
}

/**
 * The CSV text of the filtered log, in chunks: the header first, then one chunk per batch of
 * events, newest first unless `dir` is "asc". The permission is checked before the first chunk, so
 * a caller without audit:read gets the error, not an empty file.
 */
export async function auditCsvChunks(
  ctx: Ctx,
  q: AuditFilters & { dir?: "asc" | "desc" },
): Promise<AsyncGenerator<string>> {
  requireAuditRead(ctx);
  const where = auditWhere(q);
  const dir = q.dir ?? "desc";
  const cmp = dir === "asc" ? "gt" : "lt";
  async function* chunks() {
    yield csvLines(AUDIT_CSV_FIELDS, [], true);
    let last: { at: Date; id: string } | null = null;
    for (let written = 0; written < MAX_EXPORT_ROWS;) {
      const after: Prisma.AuditEventWhereInput = last
        ? { OR: [{ at: { [cmp]: last.at } }, { at: last.at, id: { [cmp]: last.id } }] }
        : {};
      const rows = await db.auditEvent.findMany({
        where: { AND: [where, after] },
        orderBy: [{ at: dir }, { id: dir }],
        take: Math.min(BATCH, MAX_EXPORT_ROWS - written),
        select: auditListSelect,
      });
      if (rows.length === 0) return;
      yield csvLines(AUDIT_CSV_FIELDS, (await withEntities(rows)).map(auditCsvRow));
      written += rows.length;
      const end = rows[rows.length - 1];
      last = { at: end.at, id: end.id };
      if (rows.length < BATCH) return;
    }
  }
  return chunks();
}
