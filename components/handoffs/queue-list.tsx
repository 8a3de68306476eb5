// The ops hand-off queue (docs/domain.md#hand-offs): one row per queued deal with its current (or
// last) offer, the offer's place in its round, the acceptance SLA with an overdue badge, and the
// outcome. Filters and cursors live in the URL.
import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ListView } from "@/components/ui/list-view";
import type { Column } from "@/components/ui/table";
import type { QueueRow } from "@/lib/db/handoffs";
import type { Page } from "@/lib/db/pagination";
import { formatDateTime, formatMoney, formatRelative } from "@/lib/format";
import { MAX_OFFERS_PER_ROUND } from "@/lib/handoffs/next-step";
import { HANDOFF_QUEUE_STATES, type HandoffQueueQuery } from "@/lib/validation/handoffs";
import { OfferToPartnersButton, WithdrawHandoffButton } from "./queue-actions";

export function QueueList({
  page,
  query,
  raw,
  now,
  partnerOptions,
  canManage,
}: {
  page: Page<QueueRow>;
  query: HandoffQueueQuery;
  raw: Record<string, string>;
  now: Date;
  partnerOptions: { id: string; name: string }[];
  canManage: boolean;
}) {
  const columns: Column<QueueRow>[] = [
    {
      key: "deal",
      header: "Deal",
      cell: (r) => (
        <Link href={`/opportunities/${r.opportunity.id}`} className="font-medium text-brand-700 hover:underline">
          {r.opportunity.name}
        </Link>
      ),
    },
    {
      key: "account",
      header: "Account",
      cell: (r) => (
        <Link href={`/accounts/${r.opportunity.account.id}`} className="hover:underline">
          {r.opportunity.account.name}
        </Link>
      ),
    },
    {
      key: "acv",
      header: "ACV",
      align: "right",
      cell: (r) => formatMoney(r.opportunity.acvCents, r.opportunity.currency),
    },
    {
      key: "partner",
      header: "Current partner",
      cell: (r) => {
        const last = r.handoffs[0];
        if (!last) return <span className="text-slate-500">—</span>;
        return (
          <span>
            {last.partner.name}
            <span className="block text-xs text-slate-500">
              rank {last.rank} · {Array.isArray(last.reasons) ? (last.reasons as string[]).slice(1, 3).join(" · ") : ""}
            </span>
          </span>
        );
      },
    },
    {
      key: "offer",
      header: "Offer",
      cell: (r) =>
        r.handoffs[0] ? (
          <span>
            {r.handoffs[0].offerNumber} of {MAX_OFFERS_PER_ROUND}
            {r.round > 1 ? <span className="block text-xs text-slate-500">round {r.round}</span> : null}
          </span>
        ) : (
          <span className="text-slate-500">none yet</span>
        ),
    },
    {
      key: "sla",
      header: "SLA due",
      cell: (r) => {
        const last = r.handoffs[0];
        if (!last || last.status !== "OFFERED") return <span className="text-slate-500">—</span>;
        const overdue = last.dueAt <= now;
        return (
          <span title={formatDateTime(last.dueAt)}>
            {formatRelative(last.dueAt, now)} {overdue ? <Badge tone="red">Overdue</Badge> : null}
          </span>
        );
      },
    },
    {
      key: "outcome",
      header: "Outcome",
      cell: (r) => (
        <span>
          <StatusBadge status={r.state} />
          {r.handoffs[0]?.status === "DECLINED" && r.state !== "ACCEPTED" && r.handoffs[0].declineReason ? (
            <span className="block text-xs text-slate-500">last declined: {r.handoffs[0].declineReason}</span>
          ) : null}
          {r.note ? <span className="block text-xs text-slate-500">{r.note}</span> : null}
        </span>
      ),
    },
    ...(canManage
      ? [
          {
            key: "actions",
            header: "Actions",
            hideHeader: true,
            cell: (r: QueueRow) => (
              <div className="flex flex-wrap justify-end gap-2">
                {(r.state === "RETURNED_TO_OPS" || r.state === "WAITING_FOR_OPS" || r.state === "WITHDRAWN") &&
                !r.opportunity.partner ? (
                  <OfferToPartnersButton opportunityId={r.opportunity.id} deal={r.opportunity.name} />
                ) : null}
                {r.state !== "ACCEPTED" && r.state !== "WITHDRAWN" ? (
                  <WithdrawHandoffButton opportunityId={r.opportunity.id} deal={r.opportunity.name} />
                ) : null}
              </div>
            ),
          },
        ]
      : []),
  ];
  const filtered = Boolean(query.state || query.overdue || query.partnerId || query.q);
  return (
    <ListView
      path="/handoffs"
      query={raw}
      filters={[
        { kind: "search", name: "q", label: "Deal or account", placeholder: "Search deal or account" },
        { kind: "select", name: "state", label: "Outcome", options: HANDOFF_QUEUE_STATES },
        { kind: "select", name: "overdue", label: "SLA", options: [{ value: "true", label: "Overdue only" }] },
        {
          kind: "select",
          name: "partnerId",
          label: "Offered to",
          options: partnerOptions.map((p) => ({ value: p.id, label: p.name })),
        },
      ]}
      keep={{}}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? "desc"}
      caption="Hand-off queue"
      empty={{
        title: filtered ? "No hand-offs match these filters" : "The hand-off queue is empty",
        body: filtered
          ? "Clear a filter to see more."
          : "Deals whose route needs a partner and have none enter the queue automatically; you can also offer any open direct lead to partners from its page.",
      }}
    />
  );
}
