import Link from "next/link";
import { isProtecting } from "@/lib/registrations/lifecycle";
import { type Column } from "@/components/ui/table";
import { ListView } from "@/components/ui/list-view";
import { type Filter } from "@/components/ui/filter-bar";
import { RouteBadge, StatusBadge } from "@/components/ui/badge";
import type { Page } from "@/lib/db/pagination";
import type { RegistrationRow } from "@/lib/db/registrations";
import { formatDate, formatMoney } from "@/lib/format";
import { REGISTRATION_STATUSES, ROUTES, type RegistrationListQuery } from "@/lib/validation/lists";
import { LEAD_LABEL, LEADS } from "@/lib/council";

const LEAD_OPTIONS = LEADS.map((l) => ({ value: l, label: LEAD_LABEL[l] }));
const SLA_OPTIONS = [
  { value: "met", label: "Decided by the deadline" },
  { value: "missed", label: "Decided after it" },
];

export function RegistrationList({
  page,
  query,
  raw,
  path,
  showPartner,
  partnerOptions,
  regionOptions,
  now,
}: {
  page: Page<RegistrationRow>;
  query: RegistrationListQuery;
  raw: Record<string, string>;
  path: string;
  showPartner: boolean;
  partnerOptions?: { id: string; name: string }[];
  regionOptions?: string[];
  now: Date;
}) {
  const columns: Column<RegistrationRow>[] = [
    {
      key: "account",
      header: "Account",
      sortKey: "accountName",
      cell: (r) => (
        <Link href={`${path}/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.accountName}
        </Link>
      ),
    },
    ...(showPartner ? [{ key: "partner", header: "Partner", cell: (r: RegistrationRow) => r.partner.name }] : []),
    { key: "product", header: "Product", cell: (r) => r.productLine.name },
    {
      key: "acv",
      header: "Est. ACV",
      sortKey: "estimatedAcvCents",
      align: "right",
      cell: (r) => formatMoney(r.estimatedAcvCents, r.currency),
    },
    { key: "status", header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
    { key: "route", header: "Route", cell: (r) => <RouteBadge route={r.route} /> },
    { key: "submitted", header: "Submitted", sortKey: "submittedAt", cell: (r) => formatDate(r.submittedAt) },
    {
      key: "sla",
      header: "Decision due",
      sortKey: "slaDueAt",
      cell: (r) =>
        r.status === "SUBMITTED" ? (
          <span className={r.slaDueAt < now ? "font-medium text-red-700" : ""}>
            {formatDate(r.slaDueAt)}
            {r.slaDueAt < now ? " · overdue" : ""}
          </span>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    },
    {
      key: "protected",
      header: "Protected until",
      sortKey: "protectedUntil",
      cell: (r) => (isProtecting(r.status) ? formatDate(r.protectedUntil) : <span className="text-slate-500">—</span>),
    },
  ];
  const filters: Filter[] = [
    { kind: "search", name: "q", label: "Account", placeholder: "Search account name" },
    { kind: "select", name: "status", label: "Status", options: REGISTRATION_STATUSES },
    { kind: "select", name: "route", label: "Route", options: ROUTES },
    ...(partnerOptions
      ? [
          {
            kind: "select" as const,
            name: "partnerId",
            label: "Partner",
            options: partnerOptions.map((p) => ({ value: p.id, label: p.name })),
          },
        ]
      : []),
    ...(regionOptions
      ? [
          {
            kind: "select" as const,
            name: "region",
            label: "Region",
            options: regionOptions.map((r) => ({ value: r, label: r })),
          },
        ]
      : []),
    // revenue council (lib/council/links.ts): decided in a period, by the deadline or after, by who leads;
    // shown when a link applies them, so the everyday queue keeps a short filter bar (and fits a phone)
    ...(partnerOptions && (query.decidedFrom || query.decidedTo || query.sla || query.lead)
      ? ([
          { kind: "date", name: "decidedFrom", label: "Decided from" },
          { kind: "date", name: "decidedTo", label: "Decided to" },
          { kind: "select", name: "sla", label: "Review SLA", options: SLA_OPTIONS },
          { kind: "select", name: "lead", label: "Who leads", options: LEAD_OPTIONS },
        ] satisfies Filter[])
      : []),
  ];
  const filtered = Boolean(
    query.q ||
    query.status ||
    query.route ||
    query.partnerId ||
    query.region ||
    query.decidedFrom ||
    query.decidedTo ||
    query.sla ||
    query.lead,
  );
  return (
    <ListView
      path={path}
      query={raw}
      filters={filters}
      keep={{ sort: raw.sort, dir: raw.dir }}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? (query.sort === "accountName" ? "asc" : "desc")}
      caption="Deal registrations"
      empty={{
        title: filtered ? "No registrations match these filters" : "No registrations yet",
        body: filtered
          ? "Clear a filter to see more."
          : showPartner
            ? "Partners register deals through the portal; they appear here for review."
            : "Register your first deal to protect it.",
      }}
    />
  );
}
