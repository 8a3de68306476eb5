// Acceptance rate and median time-to-accept per partner (lib/db/handoffs.ts handoffStats, the same
// numbers the scorecards and the council read). Each partner links to the queue filtered to the
// deals offered to it.
import Link from "next/link";
import { Table, type Column } from "@/components/ui/table";
import type { HandoffStatsRow } from "@/lib/db/handoffs";
import { formatPct } from "@/lib/format";
import { durationInWords } from "@/lib/handoffs/stats";

type Row = HandoffStatsRow & { id: string };

export function HandoffStats({ rows }: { rows: HandoffStatsRow[] }) {
  const columns: Column<Row>[] = [
    {
      key: "partner",
      header: "Partner",
      cell: (r) => (
        <Link href={`/handoffs?partnerId=${r.partnerId}`} className="font-medium text-brand-700 hover:underline">
          {r.partnerName}
        </Link>
      ),
    },
    { key: "offers", header: "Offers answered or expired", align: "right", cell: (r) => r.offers },
    { key: "accepted", header: "Accepted", align: "right", cell: (r) => r.accepted },
    { key: "declined", header: "Declined", align: "right", cell: (r) => r.declined },
    { key: "expired", header: "Expired", align: "right", cell: (r) => r.expired },
    {
      key: "rate",
      header: "Acceptance rate",
      align: "right",
      cell: (r) => (r.acceptanceRate === null ? "—" : formatPct(r.acceptanceRate)),
    },
    {
      key: "time",
      header: "Median time to accept",
      align: "right",
      cell: (r) => (r.medianTimeToAcceptMs === null ? "—" : durationInWords(r.medianTimeToAcceptMs)),
    },
  ];
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">No offers were answered or expired in this period.</p>;
  return (
    <Table
      rows={rows.map((r) => ({ ...r, id: r.partnerId }))}
      columns={columns}
      caption="Acceptance per partner"
      layout="flush"
    />
  );
}
