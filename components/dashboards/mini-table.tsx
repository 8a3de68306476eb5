// A compact, unsorted table for cards (dashboards and detail pages). Sortable, paginated lists use
// components/ui/table.tsx instead; this one shows a handful of rows and links to the full list.
import { cn } from "@/components/ui/cn";

export type MiniColumn<T> = { header: string; cell: (row: T) => React.ReactNode; align?: "right"; className?: string };

export function MiniTable<T extends { id: string }>({
  rows,
  columns,
  caption,
  rowClassName,
}: {
  rows: T[];
  columns: MiniColumn<T>[];
  caption: string;
  rowClassName?: (row: T) => string | undefined;
}) {
  return (
    <div className="-mx-4 -mb-4 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-100">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={cn("px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", c.align === "right" && "text-right")}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className={cn("hover:bg-slate-50", rowClassName?.(row))}>
              {columns.map((c) => (
                <td key={c.header} className={cn("px-4 py-2 align-top text-slate-800", c.align === "right" && "text-right tabular-nums", c.className)}>
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
