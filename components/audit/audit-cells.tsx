// Cells shared by the audit log page and the operations overview.
import Link from "next/link";
import type { AuditEntityRef } from "@/lib/db/audit-entities";

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

/** Before/after snapshots, folded away: most rows are read by action and entity alone. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-slate-500">—</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-brand-700">
        {before != null && after != null ? "Before / after" : after != null ? "New values" : "Removed values"}
      </summary>
      <div className="mt-2 grid max-w-xl gap-2 sm:grid-cols-2">
        {before != null && (
          <div>
            <p className="font-medium text-slate-500">Before</p>
            <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-slate-800">{pretty(before)}</pre>
          </div>
        )}
        {after != null && (
          <div>
            <p className="font-medium text-slate-500">After</p>
            <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-slate-800">{pretty(after)}</pre>
          </div>
        )}
      </div>
    </details>
  );
}
