import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { SlaBadge } from "@/components/conflicts/conflict-list";
import type { ConflictListRow } from "@/lib/db/conflicts";
import { formatDate, humanize } from "@/lib/format";
import { Table } from "@/components/ui/table";

/** Open conflicts, most urgent first, each linking to its case; a case past its SLA escalates when the jobs next run. */
export function ConflictTable({ rows, now }: { rows: ConflictListRow[]; now: Date }) {
  return (
    <Table
      layout="flush"
      rows={rows}
      caption="Open conflicts"
      rowClassName={(c) => (c.slaDueAt < now ? "bg-red-50/60" : undefined)}
      columns={[
        {
          header: "Case",
          cell: (c) => (
            <Link href={`/conflicts/${c.id}`} className="font-medium text-brand-700 hover:underline">
              {c.subject}
            </Link>
          ),
        },
        { header: "Type", cell: (c) => <Badge tone="amber">{humanize(c.type)}</Badge> },
        {
          header: "Parties",
          cell: (c) => <span className="text-slate-700">{c.parties.map((p) => p.label).join(" · ")}</span>,
        },
        { header: "Level", align: "right", cell: (c) => c.level },
        { header: "Opened", cell: (c) => formatDate(c.openedAt) },
        { header: "Decision due", cell: (c) => <SlaBadge c={c} now={now} /> },
      ]}
    />
  );
}
