import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Sparkline } from "@/components/charts/sparkline";
import { QuarterPicker } from "@/components/period/quarter-picker";
import { mdfText } from "@/components/scorecards/scorecard-view";
import { NoAccess } from "@/components/shell/no-access";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/table";
import { staffContext } from "@/lib/auth/page";
import { parseQuarter, quarterOf, recentQuarters, shiftQuarter } from "@/lib/dates/quarters";
import { listScorecards, scorecardTrends, type PartnerScorecard } from "@/lib/db/scorecards";
import { formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";
import { scorecardLinks, sortScorecards, type ScorecardLinks } from "@/lib/scorecards";
import { fromSearchParams } from "@/lib/validation/lists";
import { scorecardQuery } from "@/lib/validation/scorecards";

export const metadata: Metadata = { title: "Scorecards" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Row = PartnerScorecard & { id: string; name: string; links: ScorecardLinks; trend: number[] };

const rate = (v: number | null) => (v === null ? "—" : formatPct(v));
const linked = (href: string | null, text: string) =>
  href ? (
    <Link href={href} className="text-brand-700 hover:underline">
      {text}
    </Link>
  ) : (
    text
  );

const COLUMNS: Column<Row>[] = [
  {
    header: "Partner",
    sortKey: "name",
    cell: (r) => (
      <span>
        <Link href={`/partners/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.name}
        </Link>
        <span className="block text-xs text-slate-500">{humanize(r.partner.tier)}</span>
      </span>
    ),
  },
  {
    header: "Approval rate",
    sortKey: "approvalRate",
    align: "right",
    cell: (r) => linked(r.links.approved, rate(r.card.approvalRate)),
  },
  { header: "Win rate", sortKey: "winRate", align: "right", cell: (r) => linked(r.links.closed, rate(r.card.winRate)) },
  {
    header: "Sourced revenue",
    sortKey: "sourcedRevenue",
    align: "right",
    cell: (r) => linked(r.links.sourcedRevenue, formatMoney(r.card.sourcedRevenueCents)),
  },
  {
    header: "Co-sold revenue",
    sortKey: "cosoldRevenue",
    align: "right",
    cell: (r) => linked(r.links.cosoldRevenue, formatMoney(r.card.cosoldRevenueCents)),
  },
  {
    header: "Sourced pipeline",
    sortKey: "sourcedPipeline",
    align: "right",
    cell: (r) => linked(r.links.sourcedPipeline, formatMoney(r.card.sourcedPipelineCents)),
  },
  {
    header: "Conflicts",
    sortKey: "conflicts",
    align: "right",
    cell: (r) => linked(r.links.conflicts, formatNumber(r.card.conflicts)),
  },
  {
    header: "Hand-off acceptance",
    sortKey: "handoffAcceptance",
    align: "right",
    cell: (r) => linked(r.links.handoffs, rate(r.card.handoffAcceptance)),
  },
  { header: "MDF ROMI", align: "right", className: "md:whitespace-nowrap", cell: (r) => mdfText(r.card) },
  {
    header: "Sourced revenue, 4 quarters",
    cell: (r) => (
      <Sparkline
        values={r.trend}
        label={`${r.name}, sourced revenue won per quarter: ${r.trend.map((v) => formatMoney(v)).join(", ")}`}
      />
    ),
  },
];

export default async function ScorecardsPage({ searchParams }: Props) {
  const ctx = await staffContext("scorecard:read");
  if (!ctx.allowed) return <NoAccess what="Scorecards" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = scorecardQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const now = new Date();
  const q = parsed.data.period ? parseQuarter(parsed.data.period)! : quarterOf(now);
  const { sort } = parsed.data;
  const dir = parsed.data.dir ?? (sort === "name" ? "asc" : "desc");
  const cards = await listScorecards(ctx, q);
  const trends = await scorecardTrends(
    ctx,
    cards.map((c) => c.partner.id),
    q,
  );
  const rows: Row[] = sortScorecards(
    cards.map((c) => ({
      ...c,
      id: c.partner.id,
      name: c.partner.name,
      links: scorecardLinks(c.partner.id, q),
      trend: (trends.get(c.partner.id) ?? []).map((t) => Number(t.card.sourcedRevenueCents)),
    })),
    sort,
    dir,
  );
  return (
    <>
      <PageHeader
        title="Scorecards"
        description={
          `${ctx.role === "PARTNER_MANAGER" ? "Your partners" : "Every partner"} in ${q.label}: ` +
          "registrations, deals, conflicts and hand-offs. Sort by any figure; every figure opens what it counts."
        }
      />
      <QuarterPicker
        path="/scorecards"
        param="period"
        selected={q}
        options={recentQuarters(now, 8)}
        previous={shiftQuarter(q, -1)}
        next={q.label === quarterOf(now).label ? null : shiftQuarter(q, 1)}
        keep={{ sort, ...(parsed.data.dir ? { dir } : {}) }}
      />
      {rows.length === 0 ? (
        <EmptyState title="No partners yet">
          Partners you manage appear here once channel operations assigns them to you.
        </EmptyState>
      ) : (
        <DataTable
          rows={rows}
          columns={COLUMNS}
          path="/scorecards"
          query={{ period: q.label, sort, dir }}
          sort={sort}
          dir={dir}
          caption={`Partner scorecards for ${q.label}`}
        />
      )}
    </>
  );
}
