import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuarterPicker } from "@/components/period/quarter-picker";
import { ScorecardView } from "@/components/scorecards/scorecard-view";
import { PageHeader } from "@/components/ui/card";
import { partnerContext } from "@/lib/auth/page";
import { parseQuarter, quarterOf, recentQuarters, shiftQuarter } from "@/lib/dates/quarters";
import { getScorecard } from "@/lib/db/scorecards";
import { fromSearchParams } from "@/lib/validation/lists";
import { scorecardQuery } from "@/lib/validation/scorecards";

export const metadata: Metadata = { title: "Scorecard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortalScorecardPage({ searchParams }: Props) {
  const ctx = await partnerContext();
  const parsed = scorecardQuery.safeParse(fromSearchParams(await searchParams));
  if (!parsed.success) notFound();
  const now = new Date();
  const q = parsed.data.period ? parseQuarter(parsed.data.period)! : quarterOf(now);
  // the partner comes from the session, never from the URL: a partner can only load its own
  const trend = await getScorecard(ctx, ctx.partnerId, q);
  const current = trend.at(-1)!;
  return (
    <>
      <PageHeader
        title="Scorecard"
        description={`How ${current.partner.name} is doing in ${q.label}, and its tier's criteria. Every figure opens what it counts.`}
      />
      <QuarterPicker
        path="/portal/scorecard"
        param="period"
        selected={q}
        options={recentQuarters(now, 8)}
        previous={shiftQuarter(q, -1)}
        next={q.label === quarterOf(now).label ? null : shiftQuarter(q, 1)}
      />
      <ScorecardView current={current} trend={trend} portal />
    </>
  );
}
