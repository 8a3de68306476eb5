import Link from "next/link";
import { cn } from "./cn";
import { hrefWith, type Query } from "./url";

export type Column<T> = {
  key: string;
  header: string;
  sortKey?: string; // when set, the header links to sorting by it
  align?: "right";
  cell: (row: T) => React.ReactNode;
};

export function DataTable<T extends { id: string }>({
  rows,
  columns,
  path,
  query,
  sort,
  dir,
  caption,
}: {
  rows: T[];
  columns: Column<T>[];
  path: string;
  query: Query;
  sort: string;
  dir: "asc" | "desc";
  caption: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => {
              const active = c.sortKey === sort;
              const nextDir = active && dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                  className={cn("px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600", c.align === "right" && "text-right")}
                >
                  {c.sortKey ? (
                    <Link href={hrefWith(path, query, { sort: c.sortKey, dir: nextDir })} className="inline-flex items-center gap-1 hover:text-slate-900">
                      {c.header}
                      <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>{active && dir === "asc" ? "▲" : "▼"}</span>
                    </Link>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.key} className={cn("px-3 py-2 align-top text-slate-800", c.align === "right" && "text-right tabular-nums")}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({ path, query, nextCursor, prevCursor, total, totalCapped, shown }: { path: string; query: Query; nextCursor: string | null; prevCursor: string | null; total: number; totalCapped: boolean; shown: number }) {
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        Showing {shown} of {total.toLocaleString("en-US")}
        {totalCapped ? "+" : ""}
      </p>
      <div className="flex gap-2">
        {prevCursor ? (
          <Link className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-white" href={hrefWith(path, query, { before: prevCursor, after: undefined }, false)}>
            ← Previous
          </Link>
        ) : (
          <span className="rounded-md px-3 py-1.5 text-slate-500 ring-1 ring-slate-200" aria-disabled>← Previous</span>
        )}
        {nextCursor ? (
          <Link className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-white" href={hrefWith(path, query, { after: nextCursor, before: undefined }, false)}>
            Next →
          </Link>
        ) : (
          <span className="rounded-md px-3 py-1.5 text-slate-500 ring-1 ring-slate-200" aria-disabled>Next →</span>
        )}
      </div>
    </nav>
  );
}
