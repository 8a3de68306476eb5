import Link from "next/link";
import { type Column } from "@/components/ui/table";
import { ListView } from "@/components/ui/list-view";
import { type Filter } from "@/components/ui/filter-bar";
import { StatusBadge } from "@/components/ui/badge";
import type { Page } from "@/lib/db/pagination";
import type { OpportunityRow } from "@/lib/db/opportunities";
import { formatDate, formatMoney, humanize } from "@/lib/format";
import { PARTNER_NEEDED } from "@/lib/opportunities/coverage";
import { DealRouteBadge } from "./route-label";
import { CorridorBreachBadge } from "@/components/pricing/breach-badge";

const BREACH_OPTIONS = [
  { value: "yes", label: "Beyond corridor" },
  { value: "no", label: "Within corridor" },
];
import { ROUTES, STAGES, type OpportunityListQuery } from "@/lib/validation/lists";
import { CATEGORIES, CATEGORY_LABEL, LEAD_LABEL, LEADS } from "@/lib/council";

// revenue council filters (lib/council: who leads, who sourced)
const LEAD_OPTIONS = LEADS.map((l) => ({ value: l, label: LEAD_LABEL[l] }));
export const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }));
export const OUTCOME_OPTIONS = [
  { value: "won", label: "Won" },
  { value: "lost", label: "Lost" },
  { value: "closed", label: "Won or lost" },
];

const none = <span className="text-slate-500">—</span>;

export function OpportunityList({
  page,
  query,
  raw,
  path,
  partnerOptions,
  emptyHint,
}: {
  page: Page<OpportunityRow>;
  query: OpportunityListQuery;
  raw: Record<string, string>;
  path: string;
  partnerOptions: { id: string; name: string }[];
  emptyHint: string;
}) {
  const columns: Column<OpportunityRow>[] = [
    {
      key: "name",
      header: "Opportunity",
      sortKey: "name",
      cell: (o) => (
        <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={`${path}/${o.id}`} className="font-medium text-brand-700 hover:underline">
            {o.name}
          </Link>
          <CorridorBreachBadge
            breach={o.corridorBreach}
            discountPct={o.discountPct}
            corridorMaxPct={o.corridorMaxPct}
          />
        </span>
      ),
    },
    {
      key: "account",
      header: "Account",
      cell: (o) => (
        <Link href={`/accounts/${o.account.id}`} className="hover:underline">
          {o.account.name}
        </Link>
      ),
    },
    { key: "product", header: "Product", cell: (o) => o.productLine.name },
    { key: "stage", header: "Stage", cell: (o) => <StatusBadge status={o.stage} /> },
    { key: "route", header: "Route", cell: (o) => <DealRouteBadge route={o.route} partnerId={o.partnerId} /> },
    { key: "partner", header: "Partner", cell: (o) => o.partner?.name ?? none },
    { key: "ae", header: "AE", cell: (o) => o.ae?.name ?? none },
    {
      key: "acv",
      header: "ACV",
      sortKey: "acvCents",
      align: "right",
      cell: (o) => formatMoney(o.acvCents, o.currency),
    },
    { key: "close", header: "Close date", sortKey: "closeDate", cell: (o) => formatDate(o.closeDate) },
    { key: "created", header: "Created", sortKey: "createdAt", cell: (o) => formatDate(o.createdAt) },
  ];
  const filters: Filter[] = [
    { kind: "search", name: "q", label: "Name", placeholder: "Search opportunity name" },
    { kind: "select", name: "stage", label: "Stage", options: STAGES },
    {
      kind: "select",
      name: "route",
      label: "Route",
      options: [
        ...ROUTES.map((r) => ({ value: r, label: humanize(r) })),
        { value: PARTNER_NEEDED, label: "Partner needed" },
      ],
    },
    {
      kind: "select",
      name: "partnerId",
      label: "Partner",
      options: partnerOptions.map((p) => ({ value: p.id, label: p.name })),
    },
    // pricing guardrails: the deals beyond their corridor, and the close-date range the leakage report links with
    { kind: "select", name: "breach", label: "Corridor breach", options: BREACH_OPTIONS },
    { kind: "date", name: "closedFrom", label: "Closed from" },
    { kind: "date", name: "closedTo", label: "Closed to" },
    // revenue council: the filters its figures link with (lib/council/links.ts)
    { kind: "date", name: "createdFrom", label: "Created from" },
    { kind: "date", name: "createdTo", label: "Created to" },
    { kind: "select", name: "lead", label: "Who leads", options: LEAD_OPTIONS },
    { kind: "select", name: "outcome", label: "Outcome", options: OUTCOME_OPTIONS },
    { kind: "select", name: "category", label: "Who sourced", options: CATEGORY_OPTIONS },
    // joint forecast (lib/db/forecast-filters.ts): the category and expected-close range its figures link with
    { kind: "date", name: "closeFrom", label: "Expected close from" },
    { kind: "date", name: "closeTo", label: "Expected close to" },
    { kind: "select", name: "open", label: "Open only", options: [{ value: "yes", label: "Open deals" }] },
  ];
  // accountId has no picker (it arrives from an account page) but survives filter changes
  const filtered = Boolean(
    query.q ||
    query.stage ||
    query.route ||
    query.partnerId ||
    query.accountId ||
    query.breach ||
    query.productLineId ||
    query.aeId ||
    query.closedFrom ||
    query.closedTo ||
    query.createdFrom ||
    query.createdTo ||
    query.lead ||
    query.outcome ||
    query.category ||
    query.adjusted ||
    query.closeFrom ||
    query.closeTo ||
    query.open ||
    query.forecast,
  );
  return (
    <ListView
      path={path}
      query={raw}
      filters={filters}
      // productLineId and aeId arrive from the leakage report and corridor grid links (no picker)
      keep={{
        sort: raw.sort,
        dir: raw.dir,
        accountId: raw.accountId,
        productLineId: raw.productLineId,
        aeId: raw.aeId,
        adjusted: raw.adjusted,
        // a forecast figure's deals (no picker): the quarter and its commit
        forecast: raw.forecast,
        commit: raw.commit,
      }}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? (query.sort === "name" ? "asc" : "desc")}
      caption="Opportunities"
      empty={{
        title: filtered ? "No opportunities match these filters" : "No opportunities yet",
        body: filtered ? "Clear a filter or search for part of the name." : emptyHint,
      }}
    />
  );
}
