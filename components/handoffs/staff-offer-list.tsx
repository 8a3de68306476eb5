// Staff's list of hand-off offers (/handoffs/offers): every offer in the caller's scope with the deal,
// the partner it went to and its outcome, filtered by when it was offered, outcome, who leads the deal
// and partner. The council's hand-off acceptance links here (lib/council/links.ts handoffOffersHref),
// so the figure and the list count the same offers (lib/db/handoff-filters.ts).
import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { ListView } from "@/components/ui/list-view";
import type { Column } from "@/components/ui/table";
import { LEAD_LABEL, LEADS } from "@/lib/council";
import type { Offer } from "@/lib/db/handoffs";
import type { Page } from "@/lib/db/pagination";
import { formatDateTime, formatMoney, formatRelative, humanize } from "@/lib/format";
import { HANDOFF_OUTCOMES, HANDOFF_OUTCOME_LABEL, type HandoffOfferListQuery } from "@/lib/validation/handoffs";

export function StaffOfferList({
  page,
  query,
  raw,
  now,
  partnerOptions,
}: {
  page: Page<Offer>;
  query: HandoffOfferListQuery;
  raw: Record<string, string>;
  now: Date;
  partnerOptions: { id: string; name: string }[];
}) {
  const columns: Column<Offer>[] = [
    {
      key: "deal",
      header: "Deal",
      cell: (o) => (
        <span>
          <Link href={`/opportunities/${o.opportunity.id}`} className="font-medium text-brand-700 hover:underline">
            {o.opportunity.name}
          </Link>
          <span className="block text-xs text-slate-500">
            {o.opportunity.account.name} · {o.opportunity.productLine.name}
          </span>
        </span>
      ),
    },
    { key: "partner", header: "Offered to", cell: (o) => o.partner?.name ?? "—" },
    {
      key: "acv",
      header: "ACV",
      align: "right",
      cell: (o) => formatMoney(o.opportunity.acvCents, o.opportunity.currency),
    },
    {
      key: "offeredAt",
      header: "Offered",
      sortKey: "offeredAt",
      cell: (o) => <span title={formatDateTime(o.offeredAt)}>{formatRelative(o.offeredAt, now)}</span>,
    },
    {
      key: "answered",
      header: "Answered",
      cell: (o) =>
        o.respondedAt ? (
          <span title={formatDateTime(o.respondedAt)}>{formatRelative(o.respondedAt, now)}</span>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    },
    {
      key: "status",
      header: "Outcome",
      cell: (o) => (
        <span>
          <StatusBadge status={o.status} />
          {o.declineReason && <span className="block text-xs text-slate-500">{o.declineReason}</span>}
        </span>
      ),
    },
  ];
  const filtered = Boolean(
    query.q || query.offeredFrom || query.offeredTo || query.outcome || query.lead || query.partnerId || query.status,
  );
  return (
    <ListView
      path="/handoffs/offers"
      query={raw}
      filters={[
        { kind: "search", name: "q", label: "Deal or account", placeholder: "Search deal or account" },
        { kind: "date", name: "offeredFrom", label: "Offered from" },
        { kind: "date", name: "offeredTo", label: "Offered to" },
        {
          kind: "select",
          name: "outcome",
          label: "Outcome",
          options: HANDOFF_OUTCOMES.map((o) => ({ value: o, label: HANDOFF_OUTCOME_LABEL[o] })),
        },
        {
          kind: "select",
          name: "lead",
          label: "Who leads",
          options: LEADS.map((l) => ({ value: l, label: LEAD_LABEL[l] })),
        },
        {
          kind: "select",
          name: "partnerId",
          label: "Partner",
          options: partnerOptions.map((p) => ({ value: p.id, label: p.name })),
        },
      ]}
      keep={{}}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? "desc"}
      caption={`Hand-off offers${filtered ? " matching the filters" : ""}`}
      empty={{
        title: filtered ? "No offers match these filters" : "No offers yet",
        body: filtered
          ? "Clear a filter to see more."
          : `Deals offered to partners from the hand-off queue appear here with their outcome (${humanize("OFFERED")} until answered).`,
      }}
    />
  );
}
