// One breakdown of the discount-leakage report (by route, product line or AE): a bar chart of the
// leaked amount (decorative for screen readers) and the same figures as a table, each linking to the
// opportunity list of exactly the deals it counts.
import Link from "next/link";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { Card } from "@/components/ui/card";
import { Table, type Column } from "@/components/ui/table";
import type { LeakageLine } from "@/lib/db/pricing-leakage";
import { formatMoney, formatNumber, formatPct } from "@/lib/format";

type Row = LeakageLine & { id: string };

export function LeakageBreakdown({
  title,
  column,
  lines,
  totalCents,
}: {
  title: string;
  column: string;
  lines: LeakageLine[];
  totalCents: number;
}) {
  const rows: Row[] = lines.map((l) => ({ ...l, id: l.key || "none" }));
  const columns: Column<Row>[] = [
    { key: "label", header: column, cell: (l) => l.label },
    {
      key: "deals",
      header: "Deals",
      align: "right",
      cell: (l) => (
        <Link
          href={l.href}
          className="tabular-nums text-brand-700 hover:underline"
          aria-label={`${formatNumber(l.count)} deals beyond the corridor: ${l.label}`}
        >
          {formatNumber(l.count)}
        </Link>
      ),
    },
    {
      key: "leakage",
      header: "Leakage",
      align: "right",
      cell: (l) => (
        <Link
          href={l.href}
          className="tabular-nums text-brand-700 hover:underline"
          aria-label={`${formatMoney(l.cents)} leaked: ${l.label}`}
        >
          {formatMoney(l.cents)}
        </Link>
      ),
    },
    {
      key: "share",
      header: "Share",
      align: "right",
      cell: (l) => (
        <span className="tabular-nums text-slate-600">{totalCents ? formatPct(l.cents / totalCents) : "—"}</span>
      ),
    },
  ];
  return (
    <Card title={title}>
      <HorizontalBarChart
        data={rows.map((r) => ({ key: r.id, label: r.label, value: r.cents }))}
        unit="cents"
        label={`${title}: leakage`}
      />
      <div className="mt-3">
        <Table rows={rows} columns={columns} caption={`${title}: won deals beyond their corridor`} layout="flush" />
      </div>
    </Card>
  );
}
