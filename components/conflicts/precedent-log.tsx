// The precedent log (/conflicts/precedents): resolved cases, searchable by their words and filtered
// by type, outcome, region and tag, each linking to its case.
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { FilterBar, type Filter } from "@/components/ui/filter-bar";
import { Pager, Table, type Column } from "@/components/ui/table";
import { hrefWith } from "@/components/ui/url";
import type { PrecedentRow } from "@/lib/db/conflict-precedent-log";
import type { Page } from "@/lib/db/pagination";
import { formatDate } from "@/lib/format";
import { CONFLICT_RESOLUTIONS, type PrecedentSearchQuery } from "@/lib/validation/conflict-precedents";
import { CONFLICT_TYPES } from "@/lib/validation/lists";
import { Marked, OutcomeBadge, outcomeLabel, typeLabel } from "./precedent-parts";

export function PrecedentLog({
  page,
  query,
  raw,
  path,
  regions,
}: {
  page: Page<PrecedentRow>;
  query: PrecedentSearchQuery;
  raw: Record<string, string>;
  path: string;
  regions: { code: string; name: string }[];
}) {
  const tagHref = (tag: string) => hrefWith(path, raw, { tag });
  const columns: Column<PrecedentRow>[] = [
    {
      key: "case",
      header: "Case",
      className: "md:w-72",
      cell: (r) => (
        <div className="text-left">
          <Link href={`/conflicts/${r.id}`} className="font-medium text-brand-700 hover:underline">
            {r.accountName ?? "Case without an account"}
          </Link>
          <p className="text-xs text-slate-500">
            {typeLabel(r.type)}
            {r.regionName ? ` · ${r.regionName}` : ""}
          </p>
          {r.ruleName && <p className="text-xs text-slate-500">Rule: {r.ruleName}</p>}
        </div>
      ),
    },
    {
      key: "outcome",
      header: "Outcome",
      cell: (r) => (
        <div className="flex flex-col items-end gap-1 md:items-start">
          <OutcomeBadge resolution={r.resolution} />
          <span className="text-xs text-slate-500">Decided at level {r.level}</span>
        </div>
      ),
    },
    {
      key: "rationale",
      header: "Rationale",
      className: "md:max-w-xl",
      cell: (r) => (
        <p className="text-left text-slate-700">
          {r.excerpt ? <Marked text={r.excerpt} /> : <span className="text-slate-500">No rationale recorded</span>}
        </p>
      ),
    },
    {
      key: "tags",
      header: "Tags",
      cell: (r) =>
        r.tags.length ? (
          <ul className="flex flex-wrap justify-end gap-1 md:justify-start" aria-label="Precedent tags">
            {r.tags.map((t) => (
              <li key={t}>
                <Link
                  href={tagHref(t)}
                  className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 ring-1 ring-slate-200 ring-inset hover:bg-slate-200"
                  aria-label={`Show precedents tagged ${t}`}
                >
                  {t}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-500">None</span>
        ),
    },
    {
      key: "resolved",
      header: "Resolved",
      cell: (r) => <span className="whitespace-nowrap">{formatDate(r.resolvedAt)}</span>,
    },
  ];
  const filters: Filter[] = [
    { kind: "search", name: "q", label: "Search rationales", placeholder: "Words of the rationale or case" },
    {
      kind: "select",
      name: "type",
      label: "Type",
      options: CONFLICT_TYPES.map((t) => ({ value: t, label: typeLabel(t) })),
    },
    {
      kind: "select",
      name: "resolution",
      label: "Outcome",
      options: CONFLICT_RESOLUTIONS.map((r) => ({ value: r, label: outcomeLabel(r) })),
    },
    {
      kind: "select",
      name: "region",
      label: "Region",
      options: regions.map((r) => ({ value: r.code, label: r.name })),
    },
  ];
  const filtered = Boolean(query.q || query.type || query.resolution || query.region || query.tag);
  return (
    <>
      <FilterBar path={path} filters={filters} values={raw} keep={{ tag: raw.tag }} />
      {query.tag && (
        <p className="-mt-2 mb-4 flex items-center gap-2 text-sm text-slate-700">
          Tagged{" "}
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs ring-1 ring-slate-200">{query.tag}</span>
          <Link href={hrefWith(path, raw, { tag: undefined })} className="text-brand-700 hover:underline">
            Remove the tag filter
          </Link>
        </p>
      )}
      {query.q && page.items.length > 0 && (
        <p className="mb-3 text-sm text-slate-600">
          Most relevant first
          {page.totalCapped ? ", among the 500 most recently resolved matches" : ""}.
        </p>
      )}
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No precedent matches this search" : "No conflict has been resolved yet"}>
          {filtered
            ? "Try fewer or other words, or clear a filter: the search looks for every word in the rationale, summary, tags, type, region and rule."
            : "Resolved cases appear here with their outcome and rationale, as precedents for the next decisions."}
        </EmptyState>
      ) : (
        <>
          <Table rows={page.items} columns={columns} caption="Resolved conflict cases" />
          <Pager path={path} query={raw} {...page} shown={page.items.length} />
        </>
      )}
    </>
  );
}
