// A small table of figures (the council's "by who leads" / "by who sourced", the forecast's categories and
// weekly trend): a caption, column headers, a row header per row and right-aligned tabular cells. The
// figures themselves (links, formatting) are the caller's; this only keeps every such table alike.
// It scrolls sideways inside its card on narrow screens instead of spilling out of it.
import { cn } from "./cn";

export type FigureColumn = { key: string; header: string; align?: "left" | "right" };

export type FigureRow = {
  key: string;
  header: React.ReactNode;
  /** one cell per column after the row header */
  cells: React.ReactNode[];
  /** data-* attributes for tests and styling, e.g. { "data-lead": "AE" } */
  data?: Record<`data-${string}`, string>;
  emphasis?: boolean;
};

export function FigureTable({
  caption,
  captionVisible = false,
  rowHeader,
  columns,
  rows,
  dense = false,
}: {
  caption: React.ReactNode;
  /** shown above the table; otherwise for screen readers only */
  captionVisible?: boolean;
  /** the first column's header */
  rowHeader: string;
  columns: FigureColumn[];
  rows: FigureRow[];
  dense?: boolean;
}) {
  const pad = dense ? "py-1" : "py-1.5";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption
          className={
            captionVisible ? "mb-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500" : "sr-only"
          }
        >
          {caption}
        </caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 text-left font-medium">
              {rowHeader}
            </th>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={cn("py-1 pr-3 font-medium last:pr-0", c.align === "left" ? "text-left" : "text-right")}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.key} {...r.data}>
              <th scope="row" className={cn(pad, "pr-3 text-left font-medium text-slate-800")}>
                {r.header}
              </th>
              {r.cells.map((cell, i) => (
                <td
                  key={columns[i]?.key ?? i}
                  className={cn(
                    pad,
                    "pr-3 last:pr-0",
                    columns[i]?.align === "left" ? "text-left" : "text-right",
                    r.emphasis && "font-semibold",
                  )}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
