// The conflicts list of /conflicts (staff) and /portal/conflicts (a partner's, in neutral words):
// filters in the URL, the SLA in words, names not ids, each row linking to its case.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { FilterBar, type Filter } from "@/components/ui/filter-bar";
import { DataTable, Pager, type Column } from "@/components/ui/table";
import { hrefWith } from "@/components/ui/url";
import type { ConflictListRow } from "@/lib/db/conflicts";
import type { Page } from "@/lib/db/pagination";
import { formatDate, humanize } from "@/lib/format";
import { CONFLICT_TYPES, type ConflictListQuery } from "@/lib/validation/conflict-filters";
import { LEAD_LABEL, LEADS } from "@/lib/council";
import { partnerOutcome, RESOLUTION_LABEL, slaState } from "./labels";

export function SlaBadge({ c, now }: { c: { status: string; slaDueAt: Date }; now: Date }) {
  const sla = slaState(c, now);
  return <Badge tone={sla.tone}>{sla.text}</Badge>;
}

/** Open at its level, or the outcome: in the vendor's words for staff, in the partner's own (its share) for a partner. */
export function ConflictStatus({
  c,
  partnerView = false,
}: {
  c: Pick<ConflictListRow, "status" | "level" | "resolution" | "parties">;
  partnerView?: boolean;
}) {
  if (c.status === "OPEN") return <Badge tone="amber">Open · level {c.level}</Badge>;
  if (partnerView) return <Badge tone="green">{partnerOutcome(c.resolution, c.parties)}</Badge>;
  return <Badge tone="green">{c.resolution ? RESOLUTION_LABEL[c.resolution] : "Resolved"}</Badge>;
}

type Options = { partners: { id: string; name: string }[]; regions: string[]; aes: { id: string; name: string }[] };

export function ConflictList({
  page,
  query,
  raw,
  path,
  mode,
  options,
  now,
}: {
  page: Page<ConflictListRow>;
  query: ConflictListQuery;
  raw: Record<string, string>;
  path: string;
  mode: "staff" | "partner";
  options?: Options;
  now: Date;
}) {
  const staff = mode === "staff";
  const caseLink = (c: ConflictListRow) => (
    <Link href={`${path}/${c.id}`} className="font-medium text-brand-700 hover:underline">
      {humanize(c.type)}
      {` · ${c.subject}`}
    </Link>
  );
  const columns: Column<ConflictListRow>[] = [
    { key: "case", header: "Case", cell: caseLink },
    {
      key: "parties",
      header: "Parties",
      cell: (c) => <span className="text-slate-700">{c.parties.map((p) => p.label).join(" · ") || "—"}</span>,
    },
    {
      key: "status",
      header: staff ? "Status" : "Status and outcome",
      cell: (c) => <ConflictStatus c={c} partnerView={!staff} />,
    },
    { key: "sla", header: "Decision due", sortKey: "slaDueAt", cell: (c) => <SlaBadge c={c} now={now} /> },
    { key: "opened", header: "Opened", sortKey: "openedAt", cell: (c) => formatDate(c.openedAt) },
  ];
  const filters: Filter[] = [
    {
      kind: "select",
      name: "status",
      label: "Status",
      options: [
        { value: "OPEN", label: "Open" },
        { value: "RESOLVED", label: "Resolved" },
        { value: "ALL", label: "Open and resolved" },
      ],
    },
    { kind: "select", name: "type", label: "Type", options: CONFLICT_TYPES },
    ...(staff
      ? ([
          {
            kind: "select",
            name: "level",
            label: "Level",
            options: ["1", "2", "3", "4"].map((l) => ({ value: l, label: `Level ${l}` })),
          },
          { kind: "select", name: "overdue", label: "SLA", options: [{ value: "true", label: "Overdue only" }] },
          {
            kind: "select",
            name: "partnerId",
            label: "Partner",
            options: (options?.partners ?? []).map((p) => ({ value: p.id, label: p.name })),
          },
          {
            kind: "select",
            name: "region",
            label: "Region",
            options: (options?.regions ?? []).map((r) => ({ value: r, label: r })),
          },
          {
            kind: "select",
            name: "aeId",
            label: "AE",
            options: (options?.aes ?? []).map((a) => ({ value: a.id, label: a.name })),
          },
          // revenue council (lib/council/links.ts): resolved in a period, by who leads the case's deal
          { kind: "date", name: "resolvedFrom", label: "Resolved from" },
          { kind: "date", name: "resolvedTo", label: "Resolved to" },
          {
            kind: "select",
            name: "lead",
            label: "Who leads",
            options: LEADS.map((l) => ({ value: l, label: LEAD_LABEL[l] })),
          },
        ] satisfies Filter[])
      : []),
    // the scorecard's conflict figures (lib/scorecards/links.ts): opened in the quarter, won or lost
    { kind: "date", name: "openedFrom", label: "Opened from" },
    { kind: "date", name: "openedTo", label: "Opened to" },
    {
      kind: "select",
      name: "partnerOutcome",
      label: staff ? "Partner outcome" : "Your outcome",
      options: [
        { value: "won", label: staff ? "Partner won (full credit)" : "Won (full credit)" },
        { value: "lost", label: staff ? "Partner lost (no credit)" : "Lost (no credit)" },
      ],
    },
  ];
  const accountName = query.accountId ? page.items.find((c) => c.account?.id === query.accountId)?.account?.name : null;
  return (
    <>
      <FilterBar
        path={path}
        filters={filters}
        values={{ ...raw, status: query.status }}
        keep={{ sort: raw.sort, dir: raw.dir, slice: raw.slice, accountId: raw.accountId, rule: raw.rule }}
      />
      {query.accountId && (
        <p className="-mt-2 mb-3 text-sm text-slate-600">
          Cases on {accountName ?? "one account"}.{" "}
          <Link href={hrefWith(path, raw, { accountId: undefined })} className="text-brand-700 hover:underline">
            Show every account
          </Link>
        </p>
      )}
      {page.items.length === 0 ? (
        <EmptyState title={staff ? "No conflict cases match this view" : "No conflict cases"}>
          {staff
            ? "Try another tab or clear a filter. Cases open when a registration overlaps another claim, or when someone raises one."
            : "When another claim overlaps one of your registrations, the case and its outcome appear here. " +
              "You can also raise one from your registration's page."}
        </EmptyState>
      ) : (
        <>
          <DataTable
            rows={page.items}
            columns={columns}
            path={path}
            query={raw}
            sort={query.sort}
            dir={query.dir ?? (query.sort === "slaDueAt" ? "asc" : "desc")}
            caption="Conflict cases"
          />
          <Pager path={path} query={raw} {...page} shown={page.items.length} />
        </>
      )}
    </>
  );
}
