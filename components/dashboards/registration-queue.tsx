// Registrations on a dashboard card, in one of three readings: awaiting a decision (SLA first,
// overdue in red), protection ending soon, or recently decided with the reviewer's reason.
import Link from "next/link";
import { RouteBadge, StatusBadge } from "@/components/ui/badge";
import type { QueueRow } from "@/lib/db/dashboards";
import { formatDate, formatMoney, formatRelative } from "@/lib/format";
import { Table, type Column } from "@/components/ui/table";

type Mode = "pending" | "expiring" | "decided";

export function RegistrationQueue({
  rows,
  mode,
  now,
  basePath,
  showPartner,
}: {
  rows: QueueRow[];
  mode: Mode;
  now: Date;
  basePath: string;
  showPartner: boolean;
}) {
  const overdue = (r: QueueRow) => mode === "pending" && r.slaDueAt < now;
  const columns: Column<QueueRow>[] = [
    {
      header: "Account",
      cell: (r) => (
        <Link href={`${basePath}/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.accountName}
        </Link>
      ),
    },
    ...(showPartner ? [{ header: "Partner", cell: (r: QueueRow) => r.partner.name }] : []),
    { header: "Product", cell: (r) => r.productLine.name },
    { header: "Est. ACV", align: "right", cell: (r) => formatMoney(r.estimatedAcvCents, r.currency) },
  ];
  if (mode === "pending") {
    columns.push({ header: "Route", cell: (r) => <RouteBadge route={r.route} /> });
    columns.push({
      header: "Decision due",
      cell: (r) => (
        <span className={overdue(r) ? "font-semibold text-red-700" : ""}>
          {formatDate(r.slaDueAt)}{" "}
          <span className="text-xs">
            ({overdue(r) ? `overdue, ${formatRelative(r.slaDueAt, now)}` : formatRelative(r.slaDueAt, now)})
          </span>
        </span>
      ),
    });
  } else if (mode === "expiring") {
    columns.push({
      header: "Protected until",
      cell: (r) => (
        <>
          {formatDate(r.protectedUntil)}{" "}
          <span className="text-xs text-amber-700">
            ({r.protectedUntil ? formatRelative(r.protectedUntil, now) : "—"})
          </span>
        </>
      ),
    });
  } else {
    columns.push({ header: "Decision", cell: (r) => <StatusBadge status={r.status} /> });
    columns.push({ header: "Decided", cell: (r) => formatDate(r.decidedAt) });
    columns.push({
      header: "Reason",
      className: "max-w-xs",
      cell: (r) =>
        r.decisionReason ? (
          <span className="text-slate-700">{r.decisionReason}</span>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    });
  }
  return (
    <Table
      layout="flush"
      rows={rows}
      columns={columns}
      caption={
        mode === "pending" ? "Awaiting decision" : mode === "expiring" ? "Protection ending soon" : "Recent decisions"
      }
      rowClassName={(r) => (overdue(r) ? "bg-red-50/60" : undefined)}
    />
  );
}
