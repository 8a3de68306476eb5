// Cells shared by the audit log page and the operations overview.
import Link from "next/link";
import { auditEntityKey, auditEntityLabel, auditFieldEntityType } from "@/lib/audit/entities";
import type { AuditEntityRef } from "@/lib/db/audit-entities";
import { formatMoney } from "@/lib/format";

/** The entity by its kind and name, linking to its page where it has one; a row that no longer
 *  exists (a deleted draft) shows its id. */
export function AuditEntity({ entity }: { entity: AuditEntityRef }) {
  const text = entity.name ?? entity.id;
  return (
    <span>
      <span className="text-slate-600">{entity.label}</span>{" "}
      {entity.href ? (
        <Link href={entity.href} className="text-brand-700 hover:underline">
          {text}
        </Link>
      ) : (
        <span className={entity.name ? "text-slate-800" : "font-mono text-xs text-slate-500"}>{text}</span>
      )}
    </span>
  );
}

const MAX_CHARS = 2_000;

function pretty(value: unknown): string {
  const s = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2) ?? "";
  return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS)}\n…` : s;
}

type Snapshot = Record<string, unknown>;
const isSnapshot = (v: unknown): v is Snapshot => !!v && typeof v === "object" && !Array.isArray(v);

/** One snapshot value as people read it: a referenced row by name (linked), money in dollars. */
function Value({
  field,
  value,
  mentions,
}: {
  field: string;
  value: unknown;
  mentions: Record<string, AuditEntityRef>;
}) {
  if (value === undefined) return <span className="text-slate-400">—</span>;
  if (value === null) return <span className="text-slate-500">none</span>;
  const type = auditFieldEntityType(field);
  const ref = type && typeof value === "string" ? mentions[auditEntityKey(type, value)] : undefined;
  if (ref?.name)
    return ref.href ? (
      <Link href={ref.href} className="text-brand-700 hover:underline">
        {ref.name}
      </Link>
    ) : (
      <span>{ref.name}</span>
    );
  if (/Cents$/.test(field) && (typeof value === "number" || typeof value === "string") && /^-?\d+$/.test(String(value)))
    return <span className="tabular-nums">{formatMoney(BigInt(value))}</span>;
  if (typeof value === "object")
    return <pre className="max-h-40 overflow-auto whitespace-pre-wrap text-slate-800">{pretty(value)}</pre>;
  return <span className="break-words">{String(value)}</span>;
}

/** What a field is called in the table: a referenced row by its kind ("partnerId" → "Partner"), money without its unit. */
function fieldLabel(field: string): string {
  const type = auditFieldEntityType(field);
  if (type)
    return field === "aeId"
      ? "AE"
      : field === "ownerId"
        ? "Owner"
        : field === "managerId"
          ? "Manager"
          : auditEntityLabel(type);
  const words = field
    .replace(/Cents$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\b(acv|sla|ae|id)\b/g, (w) => w.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Before/after snapshots, folded away (most rows are read by action and entity alone): one line a
 *  field, changed fields marked, ids shown as the names of the rows they point at. */
export function AuditChange({
  before,
  after,
  mentions = {},
}: {
  before: unknown;
  after: unknown;
  mentions?: Record<string, AuditEntityRef>;
}) {
  if (before == null && after == null) return <span className="text-slate-500">—</span>;
  const summary = before != null && after != null ? "Before / after" : after != null ? "New values" : "Removed values";
  if ((before != null && !isSnapshot(before)) || (after != null && !isSnapshot(after)))
    return (
      <details className="text-xs">
        <summary className="cursor-pointer text-brand-700">{summary}</summary>
        <div className="mt-2 grid max-w-xl gap-2 sm:grid-cols-2">
          {before != null && <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2">{pretty(before)}</pre>}
          {after != null && <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2">{pretty(after)}</pre>}
        </div>
      </details>
    );
  const b = (before ?? null) as Snapshot | null;
  const a = (after ?? null) as Snapshot | null;
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-brand-700">{summary}</summary>
      <table className="mt-2 max-w-xl text-left">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="pr-3 font-medium">
              Field
            </th>
            {b && (
              <th scope="col" className="pr-3 font-medium">
                Before
              </th>
            )}
            {a && (
              <th scope="col" className="font-medium">
                After
              </th>
            )}
          </tr>
        </thead>
        <tbody className="align-top text-slate-800">
          {fields.map((f) => {
            const changed = b && a && JSON.stringify(b[f]) !== JSON.stringify(a[f]);
            return (
              <tr key={f} className={changed ? "bg-amber-50" : undefined}>
                <th scope="row" className="pr-3 font-medium text-slate-600">
                  {fieldLabel(f)}
                </th>
                {b && (
                  <td className="pr-3">
                    <Value field={f} value={b[f]} mentions={mentions} />
                  </td>
                )}
                {a && (
                  <td>
                    <Value field={f} value={a[f]} mentions={mentions} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
