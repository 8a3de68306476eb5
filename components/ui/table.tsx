// The one table. From `md` up it is a table; below, each row is a card of label: value pairs with the
// row's first column (its main link) on top, so a phone shows the key fields without sideways
// scrolling. One DOM for both: the layout changes in CSS only and each cell carries its column's
// label (data-label), shown before the value on small screens.
import Link from "next/link";
import { cn } from "./cn";
import { hrefWith, type Query } from "./url";

export type Column<T> = {
  key?: string; // the header by default

  header: string;
  sortKey?: string; // when set, the header links to sorting by it
  align?: "right";
  className?: string;
  /** Hides the header: for a column of row actions. */
  hideHeader?: boolean;
  cell: (row: T) => React.ReactNode;
};

type Layout = "panel" | "flush";

const FRAME: Record<Layout, string> = {
  // a list page's table: its own bordered panel from md up
  panel: "md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white md:shadow-sm",
  // inside a Card: edge to edge on md up, cards inside the card's padding below
  flush: "md:-mx-4 md:-mb-4 md:overflow-x-auto",
};

const ROW =
  "block rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:table-row md:rounded-none md:border-0 md:p-0 md:shadow-none md:hover:bg-slate-50";
const CELL =
  "flex items-baseline justify-between gap-4 py-0.5 text-right text-slate-800 md:table-cell md:py-2 md:align-top md:text-left " +
  "before:shrink-0 before:text-left before:text-xs before:font-medium before:text-slate-500 before:content-[attr(data-label)] md:before:content-none";
// the first column is the card's title: no label, full width
const TITLE_CELL = "block pb-1 text-left text-base md:table-cell md:pb-2 md:text-sm before:content-none";

export function Table<T extends { id: string }>({
  rows,
  columns,
  caption,
  layout = "panel",
  header,
  sort,
  rowClassName,
}: {
  rows: T[];
  columns: Column<T>[];
  caption: string;
  layout?: Layout;
  /** The content of a header cell (a sort link); its text by default. */
  header?: (column: Column<T>) => React.ReactNode;
  /** The column sorted by (its sortKey) and the direction, announced on its header. */
  sort?: { key: string; dir: "asc" | "desc" };
  rowClassName?: (row: T) => string | undefined;
}) {
  const pad = layout === "panel" ? "md:px-3" : "md:px-4";
  return (
    <div className={FRAME[layout]}>
      <table className="block w-full text-sm md:table md:min-w-full md:divide-y md:divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className={cn("max-md:sr-only", layout === "panel" && "md:bg-slate-50")}>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key ?? c.header}
                scope="col"
                aria-sort={
                  sort && c.sortKey === sort.key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined
                }
                className={cn(
                  pad,
                  "py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600",
                  c.align === "right" && "text-right",
                )}
              >
                {c.hideHeader ? <span className="sr-only">{c.header}</span> : header ? header(c) : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className={cn(ROW, rowClassName?.(row))}>
              {columns.map((c, i) => (
                <td
                  key={c.key ?? c.header}
                  data-label={c.hideHeader ? "" : c.header}
                  className={cn(
                    CELL,
                    pad,
                    i === 0 && TITLE_CELL,
                    c.align === "right" && "md:text-right md:tabular-nums",
                    c.className,
                  )}
                >
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

/** A server-sorted list: the sortable headers link to the sort (URL params), with a sort menu of links on small screens. */
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
  const sortable = columns.filter((c) => c.sortKey);
  const link = (c: Column<T>) => {
    const active = c.sortKey === sort;
    return {
      active,
      href: hrefWith(path, query, { sort: c.sortKey, dir: active && dir === "asc" ? "desc" : "asc" }),
      arrow: active && dir === "asc" ? "▲" : "▼",
    };
  };
  return (
    <>
      {sortable.length > 0 && (
        <nav aria-label="Sort" className="mb-3 flex flex-wrap items-center gap-2 text-sm md:hidden">
          <span className="text-xs font-medium text-slate-600">Sort by</span>
          {sortable.map((c) => {
            const { active, href, arrow } = link(c);
            return (
              <Link
                key={c.key ?? c.header}
                href={href}
                aria-current={active ? "true" : undefined}
                className={cn(
                  "rounded-full px-3 py-1 ring-1 ring-inset",
                  active ? "bg-slate-800 text-white ring-slate-800" : "bg-white text-slate-700 ring-slate-300",
                )}
              >
                {c.header} <span aria-hidden>{active ? arrow : ""}</span>
                {active && <span className="sr-only">{dir === "asc" ? " (ascending)" : " (descending)"}</span>}
              </Link>
            );
          })}
        </nav>
      )}
      <Table
        rows={rows}
        columns={columns}
        sort={{ key: sort, dir }}
        caption={caption}
        header={(c) => {
          if (!c.sortKey) return c.header;
          const { active, href, arrow } = link(c);
          return (
            <Link href={href} className="inline-flex items-center gap-1 hover:text-slate-900">
              {c.header}
              <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>
                {arrow}
              </span>
            </Link>
          );
        }}
      />
    </>
  );
}
export function Pager({
  path,
  query,
  nextCursor,
  prevCursor,
  total,
  totalCapped,
  shown,
}: {
  path: string;
  query: Query;
  nextCursor: string | null;
  prevCursor: string | null;
  total: number;
  totalCapped: boolean;
  shown: number;
}) {
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        Showing {shown} of {total.toLocaleString("en-US")}
        {totalCapped ? "+" : ""}
      </p>
      <div className="flex gap-2">
        {prevCursor ? (
          <Link
            className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-white"
            href={hrefWith(path, query, { before: prevCursor, after: undefined }, false)}
          >
            ← Previous
          </Link>
        ) : (
          <span className="rounded-md px-3 py-1.5 text-slate-500 ring-1 ring-slate-200" aria-disabled>
            ← Previous
          </span>
        )}
        {nextCursor ? (
          <Link
            className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-white"
            href={hrefWith(path, query, { after: nextCursor, before: undefined }, false)}
          >
            Next →
          </Link>
        ) : (
          <span className="rounded-md px-3 py-1.5 text-slate-500 ring-1 ring-slate-200" aria-disabled>
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
