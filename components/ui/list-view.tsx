// The body of every server-paginated list page: its filters, then either an empty state that says
// what to do next or the sortable table (stacked cards on small screens) with its pager. Sorting,
// filters and cursors live in the URL (components/ui/url.ts), so every view is a shareable link.
import { EmptyState } from "./card";
import { FilterBar, type Filter } from "./filter-bar";
import { DataTable, Pager, type Column } from "./table";
import type { Query } from "./url";

type Page<T> = {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  total: number;
  totalCapped: boolean;
};

export function ListView<T extends { id: string }>({
  path,
  query,
  filters,
  keep,
  page,
  columns,
  sort,
  dir,
  caption,
  empty,
}: {
  path: string;
  /** The raw search params: filter values, sort, cursors. */
  query: Query;
  filters: Filter[];
  /** Params the filter form carries over (sort, direction, a scope such as ownerId). */
  keep: Query;
  page: Page<T>;
  columns: Column<T>[];
  sort: string;
  dir: "asc" | "desc";
  caption: string;
  empty: { title: string; body: React.ReactNode };
}) {
  return (
    <>
      <FilterBar path={path} filters={filters} values={query} keep={keep} />
      {page.items.length === 0 ? (
        <EmptyState title={empty.title}>{empty.body}</EmptyState>
      ) : (
        <>
          <DataTable
            rows={page.items}
            columns={columns}
            path={path}
            query={query}
            sort={sort}
            dir={dir}
            caption={caption}
          />
          <Pager path={path} query={query} {...page} shown={page.items.length} />
        </>
      )}
    </>
  );
}
