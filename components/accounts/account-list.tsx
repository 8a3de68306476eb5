import Link from "next/link";
import { type Column } from "@/components/ui/table";
import { ListView } from "@/components/ui/list-view";
import { type Filter } from "@/components/ui/filter-bar";
import type { Page } from "@/lib/db/pagination";
import type { AccountRow } from "@/lib/db/accounts";
import { humanize } from "@/lib/format";
import { ACCOUNT_TIERS, VERTICALS, type AccountListQuery } from "@/lib/validation/lists";
import { NamedAccountBadge } from "./named-account-badge";

export function AccountList({
  page,
  query,
  raw,
  path,
  regionOptions,
  emptyHint,
}: {
  page: Page<AccountRow>;
  query: AccountListQuery;
  raw: Record<string, string>;
  path: string;
  regionOptions: readonly string[];
  emptyHint: string;
}) {
  const columns: Column<AccountRow>[] = [
    {
      key: "name",
      header: "Account",
      sortKey: "name",
      cell: (a) => (
        <span className="flex flex-wrap items-center gap-2">
          <Link href={`${path}/${a.id}`} className="font-medium text-brand-700 hover:underline">
            {a.name}
          </Link>
          {a.namedAccount && <NamedAccountBadge />}
        </span>
      ),
    },
    { key: "domain", header: "Domain", cell: (a) => a.domain ?? <span className="text-slate-500">—</span> },
    { key: "country", header: "Country", sortKey: "country", cell: (a) => `${a.country} · ${a.region.code}` },
    { key: "vertical", header: "Vertical", cell: (a) => humanize(a.vertical) },
    { key: "tier", header: "Tier", cell: (a) => humanize(a.tier) },
    { key: "owner", header: "Owner", cell: (a) => a.owner?.name ?? <span className="text-slate-500">Unassigned</span> },
  ];
  const filters: Filter[] = [
    { kind: "search", name: "q", label: "Name", placeholder: "Search account name" },
    { kind: "select", name: "tier", label: "Tier", options: ACCOUNT_TIERS },
    { kind: "select", name: "vertical", label: "Vertical", options: VERTICALS },
    { kind: "select", name: "region", label: "Region", options: regionOptions.map((r) => ({ value: r, label: r })) },
    {
      kind: "select",
      name: "named",
      label: "Named account",
      options: [
        { value: "true", label: "Named only" },
        { value: "false", label: "Not named" },
      ],
    },
  ];
  const filtered = Boolean(query.q || query.tier || query.vertical || query.region || query.named || query.ownerId);
  return (
    <ListView
      path={path}
      query={raw}
      filters={filters}
      keep={{ sort: raw.sort, dir: raw.dir, ownerId: raw.ownerId }}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? (query.sort === "createdAt" ? "desc" : "asc")}
      caption="Accounts"
      empty={{
        title: filtered ? "No accounts match these filters" : "No accounts yet",
        body: filtered ? "Clear a filter or search for part of the name." : emptyHint,
      }}
    />
  );
}
