import Link from "next/link";
import { type Column } from "@/components/ui/table";
import { ListView } from "@/components/ui/list-view";
import { type Filter } from "@/components/ui/filter-bar";
import { StatusBadge } from "@/components/ui/badge";
import type { Page } from "@/lib/db/pagination";
import type { PartnerRow } from "@/lib/db/partners";
import { formatDate, formatNumber, humanize } from "@/lib/format";
import { PARTNER_STATUSES, PARTNER_TIERS, PARTNER_TYPES, type PartnerListQuery } from "@/lib/validation/lists";
import { TierBadge } from "./tier-badge";

export function PartnerList({
  page,
  query,
  raw,
  path,
}: {
  page: Page<PartnerRow>;
  query: PartnerListQuery;
  raw: Record<string, string>;
  path: string;
}) {
  const columns: Column<PartnerRow>[] = [
    {
      key: "name",
      header: "Partner",
      sortKey: "name",
      cell: (p) => (
        <Link href={`${path}/${p.id}`} className="font-medium text-brand-700 hover:underline">
          {p.name}
        </Link>
      ),
    },
    { key: "type", header: "Type", sortKey: "type", cell: (p) => humanize(p.type) },
    { key: "tier", header: "Tier", sortKey: "tier", cell: (p) => <TierBadge tier={p.tier} /> },
    { key: "status", header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
    {
      key: "manager",
      header: "Partner manager",
      cell: (p) => p.manager?.name ?? <span className="text-slate-500">Unassigned</span>,
    },
    {
      key: "regions",
      header: "Regions",
      cell: (p) =>
        p.regions.length ? p.regions.map((r) => r.region.code).join(", ") : <span className="text-slate-500">—</span>,
    },
    {
      key: "registrations",
      header: "Registrations",
      align: "right",
      cell: (p) => formatNumber(p._count.registrations),
    },
    {
      key: "opportunities",
      header: "Opportunities",
      align: "right",
      cell: (p) => formatNumber(p._count.opportunities),
    },
    { key: "since", header: "Partner since", sortKey: "createdAt", cell: (p) => formatDate(p.createdAt) },
  ];
  const filters: Filter[] = [
    { kind: "search", name: "q", label: "Name", placeholder: "Search partner name" },
    { kind: "select", name: "type", label: "Type", options: PARTNER_TYPES },
    { kind: "select", name: "tier", label: "Tier", options: PARTNER_TIERS },
    { kind: "select", name: "status", label: "Status", options: PARTNER_STATUSES },
  ];
  // managerId has no picker (it arrives from "My partners" links) but is kept across filter changes
  const filtered = Boolean(query.q || query.type || query.tier || query.status || query.managerId);
  return (
    <ListView
      path={path}
      query={raw}
      filters={filters}
      keep={{ sort: raw.sort, dir: raw.dir, managerId: raw.managerId }}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? (query.sort === "createdAt" ? "desc" : "asc")}
      caption="Partners"
      empty={{
        title: filtered ? "No partners match these filters" : "No partners yet",
        body: filtered
          ? "Clear a filter or search for part of the name."
          : "Channel operations onboards partners; once a partner is added it appears here with its manager and regions.",
      }}
    />
  );
}
