import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { subDays } from "date-fns";
import { HandoffStats } from "@/components/handoffs/handoff-stats";
import { QueueList } from "@/components/handoffs/queue-list";
import { NoAccess } from "@/components/shell/no-access";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { listPage, staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { handoffStats, listHandoffQueue } from "@/lib/db/handoffs";
import { listPartnerOptions } from "@/lib/db/partners";
import { formatDate } from "@/lib/format";
import { HANDOFF_STATS_DAYS, handoffQueueQuery } from "@/lib/validation/handoffs";
import { hrefWith } from "@/components/ui/url";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Hand-offs" };

const PERIOD_WORDS: Record<(typeof HANDOFF_STATS_DAYS)[number], string> = {
  "30": "30 days",
  "90": "90 days",
  "180": "180 days",
  "365": "12 months",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HandoffsPage({ searchParams }: Props) {
  const ctx = await staffContext("handoff:read-stats");
  if (!ctx.allowed) return <NoAccess what="The hand-off queue" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = handoffQueueQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const now = new Date();
  const days = parsed.data.statsDays ?? "90";
  const from = subDays(now, Number(days));
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
        actions={
          <ButtonLink href="/handoffs/offers" variant="secondary">
            All offers
          </ButtonLink>
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
        <Card
          title={`Acceptance per partner — offers made since ${formatDate(from)}`}
          action={
            <nav aria-label="Period" className="flex flex-wrap gap-1 text-xs">
              {HANDOFF_STATS_DAYS.map((d) => (
                <Link
                  key={d}
                  href={hrefWith("/handoffs", raw, { statsDays: d === "90" ? undefined : d }, false)}
                  aria-current={d === days ? "page" : undefined}
                  className={
                    d === days
                      ? "rounded-full bg-brand-600 px-2.5 py-1 font-medium text-white"
                      : "rounded-full px-2.5 py-1 text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-slate-50"
                  }
                >
                  {PERIOD_WORDS[d]}
                </Link>
              ))}
            </nav>
          }
        >
          <HandoffStats rows={stats} />
        </Card>
      </div>
    </>
  );
}
