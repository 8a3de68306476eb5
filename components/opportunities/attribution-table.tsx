import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import type { OpportunityDetail } from "@/lib/db/opportunities";
import { formatMoney, formatPct, humanize } from "@/lib/format";

type Row = OpportunityDetail["attributions"][number];

function partyLabel(a: Row): string {
  if (a.party === "PARTNER") return a.partner?.name ?? "Partner";
  return a.user ? `Direct — ${a.user.name}` : "Direct";
}

/** Who gets credit for the deal and what it pays: quota credit, SPIFF, partner margin (docs/domain.md#attribution-and-pricing-guardrails). */
export function AttributionTable({ rows, currency }: { rows: Row[]; currency: string }) {
  return (
    <Table
      layout="flush"
      rows={rows}
      caption="Attribution by party"
      columns={[
        { header: "Party", cell: (a) => <span className="font-medium">{partyLabel(a)}</span> },
        {
          header: "Category",
          cell: (a) => <Badge tone={a.category === "DIRECT" ? "slate" : "violet"}>{humanize(a.category)}</Badge>,
        },
        { header: "Credit", align: "right", cell: (a) => formatPct(a.creditPct / 100, undefined, 1) },
        { header: "Quota credit", align: "right", cell: (a) => formatMoney(a.quotaCreditCents, currency) },
        {
          header: "SPIFF",
          align: "right",
          cell: (a) => (a.spiffCents > BigInt(0) ? formatMoney(a.spiffCents, currency) : "—"),
        },
        {
          header: "Partner margin",
          align: "right",
          cell: (a) => (a.partnerMarginPct === null ? "—" : formatPct(a.partnerMarginPct / 100, undefined, 1)),
        },
      ]}
    />
  );
}
