// A GET form: filters become URL parameters, so every filtered view is a shareable link.
import Link from "next/link";
import { humanize } from "@/lib/format";

export type Filter =
  | { kind: "search"; name: string; label: string; placeholder?: string }
  | { kind: "date"; name: string; label: string }
  | { kind: "select"; name: string; label: string; options: readonly (string | { value: string; label: string })[] };

export function FilterBar({
  path,
  filters,
  values,
  keep,
}: {
  path: string;
  filters: Filter[];
  values: Record<string, string | undefined>;
  keep?: Record<string, string | undefined>;
}) {
  return (
    // keyed by the current values: after a sort or quick-filter link the selects show the new state
    <form
      key={JSON.stringify(values)}
      method="get"
      action={path}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      role="search"
    >
      {Object.entries(keep ?? {}).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {filters.map((f) => (
        <label key={f.name} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {f.label}
          {f.kind === "date" ? (
            <input
              type="date"
              name={f.name}
              defaultValue={values[f.name] ?? ""}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
            />
          ) : f.kind === "search" ? (
            <input
              type="search"
              name={f.name}
              defaultValue={values[f.name] ?? ""}
              placeholder={f.placeholder}
              maxLength={100}
              className="w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900"
            />
          ) : (
            <select
              name={f.name}
              defaultValue={values[f.name] ?? ""}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
            >
              <option value="">All</option>
              {f.options.map((o) => {
                const opt = typeof o === "string" ? { value: o, label: humanize(o) } : o;
                return (
                  <option key={opt.value} value={opt.value}>
                    {opt.label}
                  </option>
                );
              })}
            </select>
          )}
        </label>
      ))}
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900"
      >
        Apply
      </button>
      <Link href={path} className="px-2 py-1.5 text-sm text-slate-600 hover:text-slate-900">
        Reset
      </Link>
    </form>
  );
}
