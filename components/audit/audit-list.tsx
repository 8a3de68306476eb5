import { type Column } from "@/components/ui/table";
import { ListView } from "@/components/ui/list-view";
import { type Filter } from "@/components/ui/filter-bar";
import type { AuditEventRow, AuditFacets } from "@/lib/db/audit-events";
import type { Page } from "@/lib/db/pagination";
import { formatDateTime } from "@/lib/format";
import type { AuditEventListQuery } from "@/lib/validation/lists";
import { AuditChange, AuditEntity } from "./audit-cells";

export function AuditList({
  page,
  query,
  raw,
  path,
  facets,
}: {
  page: Page<AuditEventRow>;
  query: AuditEventListQuery;
  raw: Record<string, string>;
  path: string;
  facets: AuditFacets;
}) {
  const columns: Column<AuditEventRow>[] = [
    {
      key: "at",
      header: "When",
      sortKey: "at",
      cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.at)}</span>,
    },
    { key: "actor", header: "Actor", cell: (e) => e.actorLabel },
    {
      key: "action",
      header: "Action",
      cell: (e) => <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{e.action}</code>,
    },
    { key: "entity", header: "Entity", cell: (e) => <AuditEntity entity={e.entity} /> },
    {
      key: "change",
      header: "Change",
      cell: (e) => <AuditChange before={e.before} after={e.after} mentions={e.mentions} />,
    },
  ];
  // the pickers list values that occur in the log (actions as written, entity types and people by name)
  const filters: Filter[] = [
    { kind: "search", name: "q", label: "Entity id or actor", placeholder: "Exact id, or part of a name" },
    { kind: "select", name: "action", label: "Action", options: facets.actions.map((a) => ({ value: a, label: a })) },
    { kind: "select", name: "entityType", label: "Entity type", options: facets.entityTypes },
    { kind: "select", name: "actor", label: "Actor", options: facets.actors },
    { kind: "date", name: "from", label: "From" },
    { kind: "date", name: "to", label: "To" },
  ];
  const filtered = Boolean(query.q || query.action || query.entityType || query.actor || query.from || query.to);
  return (
    <ListView
      path={path}
      query={raw}
      filters={filters}
      keep={{ dir: raw.dir }}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? "desc"}
      caption="Audit events, newest first"
      empty={{
        title: filtered ? "No audit events match these filters" : "The audit log is empty",
        body: filtered
          ? "Clear a filter, or search for the exact id of the record you are tracing."
          : "Every decision, publication and setting change is recorded here as it happens. " +
            "Approve a registration or publish a rule set to see the first entry.",
      }}
    />
  );
}
