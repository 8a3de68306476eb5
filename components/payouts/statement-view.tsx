// One payout statement (docs/domain.md#attribution-and-pay): totals, then one line per won deal
// with its category, credit, pay and the rule in words, then the adjustments. An AE's statement
// shows quota credit and SPIFF; a partner's its margin, never another party's figures.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { periodTitle } from "@/lib/attribution";
import type { Statement, StatementAdjustment, StatementLine } from "@/lib/db/payouts";
import { formatDate, formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";
import { AdjustmentButton } from "./adjustment-form";
import { DisputeButton } from "./dispute-button";

const KIND_LABEL: Record<StatementAdjustment["kind"], string> = {
  QUOTA_CREDIT: "Quota credit",
  SPIFF: "SPIFF",
  MARGIN: "Margin",
};

export function StatementView({
  statement: s,
  exportHref,
  dealHref,
  casePath,
  canDispute,
  canAdjust,
}: {
  statement: Statement;
  exportHref: string;
  /** The deal's page for this reader; null: the reader has none (the portal). */
  dealHref: ((opportunityId: string) => string) | null;
  casePath: string;
  canDispute: boolean;
  canAdjust: boolean;
}) {
  const partner = s.subject.kind === "PARTNER";
  const title = periodTitle(s.period);
  const lines = s.lines.map((l, i) => ({ ...l, id: `${l.opportunityId}-${i}` }));
  const adjustments = s.adjustments;
  const t = s.totals;
  const money = (c: bigint) => formatMoney(c);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">
          {s.subject.name} — {title}
        </h2>
        <div className="flex gap-2">
          {canAdjust && (
            <AdjustmentButton
              subject={s.subject.kind}
              subjectId={s.subject.id}
              name={s.subject.name}
              months={s.period.months}
            />
          )}
          <ButtonLink href={exportHref} prefetch={false}>
            Export CSV
          </ButtonLink>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Won deals" value={formatNumber(t.deals)} hint={`closed in ${title}`} />
        <Stat label="ACV" value={money(t.acvCents)} hint="of those deals" />
        {partner ? (
          <Stat
            label="Margin"
            value={<span data-testid="total-margin">{money(t.partnerMarginCents)}</span>}
            hint={adjustments.length ? `incl. ${formatNumber(adjustments.length)} adjustment(s)` : "deal lines"}
          />
        ) : (
          <>
            <Stat
              label="Quota credit"
              value={<span data-testid="total-quota">{money(t.quotaCreditCents)}</span>}
              hint={adjustments.length ? "incl. adjustments" : "deal lines"}
            />
            <Stat
              label="SPIFF"
              value={<span data-testid="total-spiff">{money(t.spiffCents)}</span>}
              hint={adjustments.length ? "incl. adjustments" : "deal lines"}
            />
          </>
        )}
      </div>
      {lines.length === 0 ? (
        <EmptyState title={`No won deals closed in ${title}`}>
          Pick another period: a deal appears here in the month it closes won, with its final attribution.
        </EmptyState>
      ) : (
        <Card title="Deals">
          <Table
            layout="flush"
            rows={lines}
            caption={`Won deals on ${s.subject.name}'s statement for ${title}`}
            columns={[
              {
                header: "Deal",
                cell: (l: StatementLine) => (
                  <div className="text-left">
                    {dealHref ? (
                      <Link href={dealHref(l.opportunityId)} className="font-medium text-brand-700 hover:underline">
                        {l.dealName}
                      </Link>
                    ) : (
                      <span className="font-medium">{l.dealName}</span>
                    )}
                    <p className="text-xs text-slate-500">
                      {l.accountName} · closed {formatDate(l.closedAt)}
                    </p>
                  </div>
                ),
              },
              {
                header: "Category",
                cell: (l) => <Badge tone={l.category === "DIRECT" ? "slate" : "violet"}>{humanize(l.category)}</Badge>,
              },
              { header: "ACV", align: "right", cell: (l) => money(l.acvCents) },
              { header: "Credit", align: "right", cell: (l) => formatPct(l.creditPct / 100, undefined, 1) },
              ...(partner
                ? [
                    {
                      header: "Margin %",
                      align: "right" as const,
                      cell: (l: StatementLine) =>
                        l.partnerMarginPct === null ? "—" : formatPct(l.partnerMarginPct / 100, undefined, 1),
                    },
                    {
                      header: "Margin",
                      align: "right" as const,
                      cell: (l: StatementLine) => money(l.partnerMarginCents),
                    },
                  ]
                : [
                    {
                      header: "Quota credit",
                      align: "right" as const,
                      cell: (l: StatementLine) => money(l.quotaCreditCents),
                    },
                    {
                      header: "SPIFF",
                      align: "right" as const,
                      cell: (l: StatementLine) => (l.spiffCents > BigInt(0) ? money(l.spiffCents) : "—"),
                    },
                  ]),
              {
                header: "Why",
                className: "md:max-w-md",
                cell: (l) => <span className="text-xs text-slate-600">{l.basis}</span>,
              },
              ...(canDispute
                ? [
                    {
                      header: "Actions",
                      hideHeader: true,
                      cell: (l: StatementLine) => (
                        <DisputeButton opportunityId={l.opportunityId} dealName={l.dealName} casePath={casePath} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      {adjustments.length > 0 && (
        <Card title="Adjustments">
          <Table
            layout="flush"
            rows={adjustments}
            caption={`Adjustments on ${s.subject.name}'s statement for ${title}`}
            columns={[
              { header: "Corrects", cell: (a) => <span className="font-medium">{KIND_LABEL[a.kind]}</span> },
              { header: "Month", cell: (a) => a.month },
              { header: "Amount", align: "right", cell: (a) => money(a.amountCents) },
              { header: "Reason", cell: (a) => <span className="text-sm">{a.reason}</span> },
              {
                header: "Deal",
                cell: (a) =>
                  a.opportunity ? (
                    dealHref ? (
                      <Link href={dealHref(a.opportunity.id)} className="text-brand-700 hover:underline">
                        {a.opportunity.name}
                      </Link>
                    ) : (
                      a.opportunity.name
                    )
                  ) : (
                    "—"
                  ),
              },
              { header: "Booked", cell: (a) => `${formatDate(a.createdAt)}${a.by ? ` by ${a.by}` : ""}` },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
