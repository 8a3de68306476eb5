import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ConflictRow } from "@/lib/db/dashboards";
import { formatDate, formatRelative, humanize } from "@/lib/format";
import { Table } from "@/components/ui/table";

/** Open conflicts, most urgent first; an SLA in the past means the case escalates next. */
export function ConflictTable({ rows, now }: { rows: ConflictRow[]; now: Date }) {
  return (
    <Table
      layout="flush"
      rows={rows}
      caption="Open conflicts"
      rowClassName={(c) => (c.slaDueAt < now ? "bg-red-50/60" : undefined)}
      columns={[
        { header: "Type", cell: (c) => <Badge tone="amber">{humanize(c.type)}</Badge> },
        {
          header: "Account",
          cell: (c) =>
            c.account ? (
              <Link href={`/accounts/${c.account.id}`} className="font-medium text-brand-700 hover:underline">
                {c.account.name}
              </Link>
            ) : (
              "—"
            ),
        },
        { header: "Level", align: "right", cell: (c) => c.level },
        {
          header: "Summary",
          className: "max-w-sm",
          cell: (c) => <span className="text-slate-700">{c.summary || "—"}</span>,
        },
        { header: "Opened", cell: (c) => formatDate(c.openedAt) },
        {
          header: "SLA",
          cell: (c) => (
            <span className={c.slaDueAt < now ? "font-semibold text-red-700" : ""}>
              {formatDate(c.slaDueAt)}{" "}
              <span className="text-xs">({c.slaDueAt < now ? "overdue" : formatRelative(c.slaDueAt, now)})</span>
            </span>
          ),
        },
      ]}
    />
  );
}
