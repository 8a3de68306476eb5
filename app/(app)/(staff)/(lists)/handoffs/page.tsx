import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { subDays } from "date-fns";
import { HandoffStats } from "@/components/handoffs/handoff-stats";
import { QueueList } from "@/components/handoffs/queue-list";
import { NoAccess } from "@/components/shell/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { listPage, staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { handoffStats, listHandoffQueue } from "@/lib/db/handoffs";
import { listPartnerOptions } from "@/lib/db/partners";
import { formatDate } from "@/lib/format";
import { handoffQueueQuery } from "@/lib/validation/handoffs";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Hand-offs" };

const STATS_DAYS = 90;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HandoffsPage({ searchParams }: Props) {
  const ctx = await staffContext("handoff:read-stats");
  if (!ctx.allowed) return <NoAccess what="The hand-off queue" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = handoffQueueQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const now = new Date();
  const from = subDays(now, STATS_DAYS);
  const [page, partners, stats] = await Promise.all([
    listPage(listHandoffQueue(ctx, parsed.data, now)),
    listPartnerOptions(ctx),
    handoffStats(ctx, { from, to: now }),
  ]);
  return (
    <>
      <PageHeader
        title="Hand-offs"
        description={
          "Deals that need a partner, offered to one partner at a time by ranking; a decline or a missed " +
          "acceptance SLA moves on to the next, and after 3 offers the deal comes back here."
        }
      />
      <QueueList
        page={page}
        query={parsed.data}
        raw={raw}
        now={now}
        partnerOptions={partners}
        canManage={can(ctx, "handoff:manage")}
      />
      <div className="mt-6">
        <Card title={`Acceptance per partner — offers made since ${formatDate(from)} (last ${STATS_DAYS} days)`}>
          <HandoffStats rows={stats} />
        </Card>
      </div>
    </>
  );
}
