// The portal's Offers list (docs/domain.md#hand-offs): deals channel operations offered to the
// partner, with the account and deal details needed to act and the time left in words. Nothing
// about other partners or earlier offers is on the row (lib/db/handoffs.ts selects none of it).
import { StatusBadge } from "@/components/ui/badge";
import { ListView } from "@/components/ui/list-view";
import type { Column } from "@/components/ui/table";
import type { Offer } from "@/lib/db/handoffs";
import type { Page } from "@/lib/db/pagination";
import { formatDate, formatDateTime, formatMoney, humanize } from "@/lib/format";
import { dueInWords } from "@/lib/handoffs/next-step";
import {
  HANDOFF_OUTCOME_LABEL,
  HANDOFF_OUTCOMES,
  HANDOFF_STATUSES,
  type HandoffListQuery,
} from "@/lib/validation/handoffs";
import { OfferActions } from "./offer-actions";

export function OfferList({
  page,
  query,
  raw,
  now,
}: {
  page: Page<Offer>;
  query: HandoffListQuery;
  raw: Record<string, string>;
  now: Date;
}) {
  const open = (o: Offer) => o.status === "OFFERED" && o.dueAt > now;
  const columns: Column<Offer>[] = [
    {
      key: "account",
      header: "Account",
      cell: (o) => (
        <span>
          <span className="font-medium text-slate-900">{o.opportunity.account.name}</span>
          <span className="block text-xs text-slate-500">
            {[
              o.opportunity.account.country,
              humanize(o.opportunity.account.vertical),
              humanize(o.opportunity.account.tier),
            ].join(" · ")}
            {o.opportunity.account.domain ? ` · ${o.opportunity.account.domain}` : ""}
          </span>
        </span>
      ),
    },
    {
      key: "deal",
      header: "Deal",
      cell: (o) => (
        <span>
          {o.opportunity.productLine.name}
          <span className="block text-xs text-slate-500">{humanize(o.opportunity.stage)}</span>
        </span>
      ),
    },
    {
      key: "acv",
      header: "ACV",
      align: "right",
      cell: (o) => formatMoney(o.opportunity.acvCents, o.opportunity.currency),
    },
    { key: "close", header: "Expected close", cell: (o) => formatDate(o.opportunity.closeDate) },
    {
      key: "due",
      header: "Answer by",
      cell: (o) =>
        o.status === "OFFERED" ? (
          <span title={formatDateTime(o.dueAt)} className={o.dueAt <= now ? "font-medium text-red-700" : ""}>
            {dueInWords(o.dueAt, now)}
          </span>
        ) : (
          <span className="text-slate-500">answered {formatDate(o.respondedAt)}</span>
        ),
    },
    { key: "status", header: "Status", cell: (o) => <StatusBadge status={o.status} /> },
    {
      key: "actions",
      header: "Actions",
      hideHeader: true,
      cell: (o) => (open(o) ? <OfferActions id={o.id} account={o.opportunity.account.name} /> : null),
    },
  ];
  const filtered = Boolean(raw.status || raw.offeredFrom || raw.offeredTo || raw.outcome);
  return (
    <ListView
      path="/portal/offers"
      query={raw}
      filters={[
        { kind: "select", name: "status", label: "Status", options: HANDOFF_STATUSES },
        // the scorecard's hand-off acceptance links here with the quarter and the outcome
        { kind: "date", name: "offeredFrom", label: "Offered from" },
        { kind: "date", name: "offeredTo", label: "Offered to" },
        {
          kind: "select",
          name: "outcome",
          label: "Outcome",
          options: HANDOFF_OUTCOMES.map((o) => ({ value: o, label: HANDOFF_OUTCOME_LABEL[o] })),
        },
      ]}
      keep={{}}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? "desc"}
      caption="Deals offered to you"
      empty={{
        title: filtered ? "No offers match these filters" : "No offers yet",
        body: filtered
          ? "Clear a filter to see all offers."
          : "When channel operations hand a deal to your company, it appears here for you to accept or decline.",
      }}
    />
  );
}
