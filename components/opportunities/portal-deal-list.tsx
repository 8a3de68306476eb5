// The partner's own deals in the portal (/portal/deals): what its scorecard's deal figures count
// (lib/scorecards/links.ts), filtered by the same URL params as the staff list (lib/validation/lists.ts
// opportunityListQuery) through the same where clause (lib/db/opportunities.ts opportunityListWhere,
// scoped to the partner's own deals). No vendor-side columns: no AE, no route internals.
import { StatusBadge } from "@/components/ui/badge";
import { type Filter } from "@/components/ui/filter-bar";
import { ListView } from "@/components/ui/list-view";
import { type Column } from "@/components/ui/table";
import type { OpportunityRow } from "@/lib/db/opportunities";
import type { Page } from "@/lib/db/pagination";
import { formatDate, formatMoney } from "@/lib/format";
import { STAGES, type OpportunityListQuery } from "@/lib/validation/lists";
import { CATEGORY_OPTIONS, OUTCOME_OPTIONS } from "./opportunity-list";

const FILTERS: Filter[] = [
  { kind: "search", name: "q", label: "Name", placeholder: "Search deal name" },
  { kind: "select", name: "stage", label: "Stage", options: STAGES },
  { kind: "select", name: "outcome", label: "Outcome", options: OUTCOME_OPTIONS },
  { kind: "select", name: "category", label: "Who sourced", options: CATEGORY_OPTIONS },
  { kind: "date", name: "closedFrom", label: "Closed from" },
  { kind: "date", name: "closedTo", label: "Closed to" },
  { kind: "date", name: "createdFrom", label: "Created from" },
  { kind: "date", name: "createdTo", label: "Created to" },
];

const COLUMNS: Column<OpportunityRow>[] = [
  { key: "name", header: "Deal", sortKey: "name", cell: (o) => <span className="font-medium">{o.name}</span> },
  { key: "account", header: "Account", cell: (o) => o.account.name },
  { key: "product", header: "Product", cell: (o) => o.productLine.name },
  { key: "stage", header: "Stage", cell: (o) => <StatusBadge status={o.stage} /> },
  { key: "acv", header: "ACV", sortKey: "acvCents", align: "right", cell: (o) => formatMoney(o.acvCents, o.currency) },
  {
    key: "closed",
    header: "Closed",
    cell: (o) => (o.closedAt ? formatDate(o.closedAt) : <span className="text-slate-500">Open</span>),
  },
  { key: "created", header: "Created", sortKey: "createdAt", cell: (o) => formatDate(o.createdAt) },
];

export function PortalDealList({
  page,
  query,
  raw,
}: {
  page: Page<OpportunityRow>;
  query: OpportunityListQuery;
  raw: Record<string, string>;
}) {
  const filtered = FILTERS.some((f) => raw[f.name]);
  return (
    <ListView
      path="/portal/deals"
      query={raw}
      filters={FILTERS}
      keep={{ sort: raw.sort, dir: raw.dir }}
      page={page}
      columns={COLUMNS}
      sort={query.sort}
      dir={query.dir ?? (query.sort === "name" ? "asc" : "desc")}
      caption="Deals"
      empty={{
        title: filtered ? "No deals match these filters" : "No deals yet",
        body: filtered
          ? "Clear a filter or search for part of the name."
          : "Deals you sell or co-sell, and registrations converted into deals, appear here.",
      }}
    />
  );
}
