// MDF funds and requests as tables (docs/domain.md#mdf), for the staff page and the portal. Dates
// read "in 2 days" (components/ui/human-date.tsx); money in dollars.
import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { HumanDate } from "@/components/ui/human-date";
import { Table, type Column } from "@/components/ui/table";
import type { MdfFundRow, MdfRequestRow } from "@/lib/db/mdf";
import { formatMoney, humanize } from "@/lib/format";

const STATUS_TONE: Record<string, Tone> = {
  REQUESTED: "amber",
  APPROVED: "blue",
  REJECTED: "red",
  CLAIMED: "violet",
  PAID: "green",
};

function MdfStatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status] ?? "slate"}>{humanize(status)}</Badge>;
}

export function MdfFundTable({ funds, now, showOwner }: { funds: MdfFundRow[]; now: Date; showOwner: boolean }) {
  const columns: Column<MdfFundRow>[] = [
    {
      header: "Fund",
      cell: (f) => <span className="font-medium">{showOwner ? `${f.owner} · ${f.quarter}` : f.quarter}</span>,
    },
    { header: "Allocated", align: "right", cell: (f) => formatMoney(f.allocatedCents) },
    { header: "Committed", align: "right", cell: (f) => formatMoney(f.committedCents) },
    { header: "Spent", align: "right", cell: (f) => formatMoney(f.spentCents) },
    { header: "Balance", align: "right", cell: (f) => <strong>{formatMoney(f.balanceCents)}</strong> },
    {
      header: "Expires",
      cell: (f) =>
        f.expiresAt ? (
          <span className={f.open ? "" : "text-slate-500"}>
            {f.open ? "" : "Expired "}
            <HumanDate value={f.expiresAt} now={now} />
          </span>
        ) : (
          "End of quarter"
        ),
    },
  ];
  return <Table rows={funds} columns={columns} caption="MDF funds" />;
}

export function MdfRequestTable({
  rows,
  now,
  showPartner,
  dealPath,
  actions,
}: {
  rows: MdfRequestRow[];
  now: Date;
  showPartner: boolean;
  /** Where a sourced deal opens (the staff deal page); without it deals are listed by name. */
  dealPath?: string;
  actions: (r: MdfRequestRow) => React.ReactNode;
}) {
  const columns: Column<MdfRequestRow>[] = [
    {
      header: "Activity",
      cell: (r) => (
        <span id={`mdf-${r.id}`}>
          <span className="font-medium">{r.activity}</span>
          {r.decisionReason && <span className="block text-xs text-slate-600">Reason: {r.decisionReason}</span>}
        </span>
      ),
    },
    ...(showPartner ? [{ header: "Partner", cell: (r: MdfRequestRow) => r.partnerName }] : []),
    { header: "Fund", cell: (r) => `${r.fundOwner} · ${r.fundQuarter}` },
    { header: "Amount", align: "right", cell: (r) => formatMoney(r.amountCents) },
    { header: "Expected pipeline", align: "right", cell: (r) => formatMoney(r.expectedPipelineCents) },
    { header: "Status", cell: (r) => <MdfStatusBadge status={r.status} /> },
    { header: "Sourced deals", cell: (r) => <SourcedDeals r={r} dealPath={dealPath} /> },
    { header: "Last step", cell: (r) => <LastStep r={r} now={now} /> },
    {
      header: "Proof",
      cell: (r) =>
        r.proofName ? (
          <a className="text-brand-700 underline" href={`/api/v1/mdf/requests/${r.id}/proof`}>
            {r.proofName}
          </a>
        ) : (
          "—"
        ),
    },
    { header: "Actions", hideHeader: true, align: "right", cell: actions },
  ];
  return <Table rows={rows} columns={columns} caption="MDF requests" />;
}

function LastStep({ r, now }: { r: MdfRequestRow; now: Date }) {
  const [what, at, who] = r.paidAt
    ? ["Paid", r.paidAt, r.paidBy]
    : r.claimedAt
      ? ["Claimed", r.claimedAt, null]
      : r.decidedAt
        ? [r.status === "REJECTED" ? "Rejected" : "Approved", r.decidedAt, r.decidedBy]
        : ["Requested", r.requestedAt, r.requestedBy];
  return (
    <span className="text-xs text-slate-600">
      {what} <HumanDate value={at} now={now} />
      {who ? ` by ${who}` : ""}
    </span>
  );
}

function SourcedDeals({ r, dealPath }: { r: MdfRequestRow; dealPath?: string }) {
  if (r.dealCount === 0) return <span className="text-slate-500">None yet</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {r.deals.map((d) => (
        <li key={d.id}>
          {dealPath ? (
            <Link href={`${dealPath}/${d.id}`} className="text-brand-700 underline">
              {d.name}
            </Link>
          ) : (
            d.name
          )}{" "}
          <span className="text-slate-500">({humanize(d.stage).toLowerCase()})</span>
        </li>
      ))}
      {r.dealCount > r.deals.length && <li className="text-slate-500">and {r.dealCount - r.deals.length} more</li>}
    </ul>
  );
}
