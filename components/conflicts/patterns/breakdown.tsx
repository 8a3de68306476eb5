// One breakdown of the conflict-pattern report: a bar chart (decorative for screen readers) and
// the same numbers as a table, each count linking to the /conflicts list it counts.
import Link from "next/link";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { Card } from "@/components/ui/card";
import { Table, type Column } from "@/components/ui/table";
import type { Group } from "@/lib/conflicts/patterns";
import { formatNumber, formatPct } from "@/lib/format";

type Row = Group & { id: string };

export function CountLink({ count, href, label }: { count: number; href: string | null; label: string }) {
  if (!href) return <span className="tabular-nums">{formatNumber(count)}</span>;
  return (
    <Link
      href={href}
      className="tabular-nums text-brand-700 hover:underline"
      aria-label={`${formatNumber(count)} ${label}`}
    >
      {formatNumber(count)}
    </Link>
  );
}

export function Breakdown({
  title,
  groups,
  total,
  column,
  empty,
  note,
}: {
  title: string;
  groups: Group[];
  total: number;
  column: string;
  empty: string;
  note?: string;
}) {
  const rows: Row[] = groups.map((g) => ({ ...g, id: g.key || "none" }));
  const columns: Column<Row>[] = [
    { key: "label", header: column, cell: (g) => g.label },
    {
      key: "count",
      header: "Cases",
      align: "right",
      cell: (g) => <CountLink count={g.count} href={g.href} label={`cases: ${g.label}`} />,
    },
    {
      key: "share",
      header: "Share",
      align: "right",
      cell: (g) => <span className="tabular-nums text-slate-600">{total ? formatPct(g.count / total) : "—"}</span>,
    },
  ];
  return (
    <Card title={title}>
      {rows.length === 0 || rows.every((r) => r.count === 0) ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <>
          <HorizontalBarChart
            data={rows.map((r) => ({ key: r.id, label: r.label, value: r.count }))}
            label={`${title}: cases`}
          />
          {note && <p className="mt-2 text-xs text-slate-500">{note}</p>}
          <div className="mt-3">
            <Table rows={rows} columns={columns} caption={`${title}, cases opened in the quarter`} layout="flush" />
          </div>
        </>
      )}
    </Card>
  );
}
