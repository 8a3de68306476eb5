import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/badge";
import { DealRouteBadge } from "@/components/opportunities/route-label";
import { NoAccess } from "@/components/shell/no-access";
import { BarList } from "@/components/dashboards/bar-list";
import { ConflictTable } from "@/components/dashboards/conflict-table";
import { Table } from "@/components/ui/table";
import { hrefWith } from "@/components/ui/url";
import { staffContext } from "@/lib/auth/page";
import { conflictPreview } from "@/lib/db/conflicts";
import { countOwnedAccounts, listOpenOpportunities, openPipelineBy } from "@/lib/db/dashboards";
import { formatDate, formatMoney, formatNumber, humanize } from "@/lib/format";
import { OPEN_STAGES } from "@/lib/opportunities/stages";

export const metadata: Metadata = { title: "My book" };

export default async function AePage() {
  const ctx = await staffContext("AE");
  if (!ctx.allowed) return <NoAccess what="The account executive's book" />;
  const now = new Date();
  const [byStage, deals, book, conflicts] = await Promise.all([
    openPipelineBy(ctx, "stage"),
    listOpenOpportunities(ctx, 10),
    countOwnedAccounts(ctx),
    // the AE's own slice of open cases (lib/db/scope.ts conflictSliceScope): the same view /conflicts opens on
    conflictPreview(ctx, {}, 10, now),
  ]);
  const openCount = byStage.reduce((a, b) => a + b.count, 0);
  const openAcv = byStage.reduce((a, b) => a + b.acvCents, BigInt(0));
  const conflictCount = conflicts.count;
  // keep the funnel order of the stages, not the order the database grouped them in
  const stages = OPEN_STAGES.map((s) => byStage.find((b) => b.key === s) ?? { key: s, count: 0, acvCents: BigInt(0) });
  return (
    <>
      <PageHeader
        title="My book"
        description="Your open deals and the route each one is on, your accounts, and the conflicts you are party to."
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Open opportunities"
          value={formatNumber(openCount)}
          hint={
            <Link href="/opportunities" className="hover:underline">
              See all deals
            </Link>
          }
        />
        <Stat
          label="Open pipeline"
          value={formatMoney(openAcv, "USD", undefined, { compact: true })}
          hint="ACV of deals not yet closed"
        />
        <Stat
          label="My accounts"
          value={formatNumber(book.accounts)}
          hint={
            <Link href={hrefWith("/accounts", { ownerId: ctx.userId ?? undefined }, {})} className="hover:underline">
              {formatNumber(book.named)} named (reserved for direct)
            </Link>
          }
        />
        <Stat
          label="My open conflicts"
          value={
            <Link href={conflicts.href} className="hover:underline">
              {formatNumber(conflictCount)}
            </Link>
          }
          tone={conflictCount > 0 ? "warn" : "good"}
          hint="On your deals and accounts"
        />
      </div>
      <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Open pipeline by stage">
          {openCount === 0 ? (
            <p className="text-sm text-slate-600">No open deals. Opportunities you own appear here by stage.</p>
          ) : (
            <BarList
              label="Open pipeline ACV by stage"
              bars={stages.map((s) => ({
                key: s.key,
                label: `${humanize(s.key)} (${formatNumber(s.count)})`,
                value: Number(s.acvCents),
                display: formatMoney(s.acvCents, "USD", undefined, { compact: true }),
                href: hrefWith("/opportunities", { stage: s.key }, {}),
              }))}
            />
          )}
        </Card>
        <Card
          title="Closing soonest"
          className="lg:col-span-2"
          action={
            <Link
              href="/opportunities?sort=closeDate&dir=asc"
              className="text-xs font-medium text-brand-700 hover:underline"
            >
              All deals
            </Link>
          }
        >
          {deals.length === 0 ? (
            <p className="text-sm text-slate-600">
              Nothing open. When you create an opportunity the rules engine assigns its route, shown here.
            </p>
          ) : (
            <Table
              layout="flush"
              rows={deals}
              caption="My open opportunities, closing soonest first"
              columns={[
                {
                  header: "Opportunity",
                  cell: (o) => (
                    <Link href={`/opportunities/${o.id}`} className="font-medium text-brand-700 hover:underline">
                      {o.name}
                    </Link>
                  ),
                },
                { header: "Account", cell: (o) => o.account.name },
                { header: "Stage", cell: (o) => <StatusBadge status={o.stage} /> },
                { header: "Route", cell: (o) => <DealRouteBadge route={o.route} partnerId={o.partnerId} /> },
                { header: "Partner", cell: (o) => o.partner?.name ?? <span className="text-slate-500">—</span> },
                { header: "ACV", align: "right", cell: (o) => formatMoney(o.acvCents, o.currency) },
                {
                  header: "Close",
                  cell: (o) => (
                    <span className={o.closeDate < now ? "text-red-700" : ""}>{formatDate(o.closeDate)}</span>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </div>
      <Card
        title="Conflicts on my deals"
        action={
          <Link href={conflicts.href} className="text-xs font-medium text-brand-700 hover:underline">
            All {formatNumber(conflictCount)}
          </Link>
        }
      >
        {conflicts.rows.length === 0 ? (
          <p className="text-sm text-slate-600">
            No open conflicts involve you. If a partner claim overlaps one of your deals, the case opens here at level
            1, and you can raise one yourself from the deal&apos;s page.
          </p>
        ) : (
          <ConflictTable rows={conflicts.rows} now={now} />
        )}
      </Card>
    </>
  );
}
