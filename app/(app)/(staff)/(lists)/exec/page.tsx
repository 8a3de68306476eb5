import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { DirectVsPartner } from "@/components/council/direct-vs-partner";
import { MetricTile } from "@/components/council/metric-tile";
import { TipProvider } from "@/components/council/definition-tip";
import { TrendChart } from "@/components/council/trend-chart";
import { SliceList } from "@/components/council/slice-list";
import { PeriodPicker } from "@/components/pricing/period-picker";
import { NoAccess } from "@/components/shell/no-access";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { TITLE_LABEL } from "@/lib/auth/types";
import { defaultMonth, METRIC_KEYS, type MetricKey } from "@/lib/council";
import { getCouncilMetrics } from "@/lib/db/council-metrics";
import { localeFrom } from "@/lib/format";
import { parsePeriod, recentPeriods, shiftPeriod } from "@/lib/pricing/period";
import { councilQuery } from "@/lib/validation/council";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Revenue council" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The tiles, in the order the monthly meeting reads them (docs/domain.md#revenue-council-metrics).
// every metric but the escalation patterns, which have their own card below
const TILES: MetricKey[] = METRIC_KEYS.filter((k) => k !== "escalations");

export default async function ExecPage({ searchParams }: Props) {
  const ctx = await staffContext("council:read");
  if (!ctx.allowed) return <NoAccess what="The revenue council dashboard" />;
  const now = new Date();
  const raw = fromSearchParams(await searchParams);
  const parsed = councilQuery.safeParse({ month: raw.month ?? defaultMonth(now) });
  if (!parsed.success) notFound();
  const period = parsePeriod(parsed.data.month)!;
  const [council, locale] = await Promise.all([
    getCouncilMetrics(ctx, period.label, now),
    headers().then((h) => localeFrom(h.get("accept-language"))),
  ]);
  const metric = (key: MetricKey) => council.metrics.find((m) => m.key === key)!;
  const { quarters, months } = recentPeriods(now, 8, 18);
  // a period older than the picker's choices (reached by URL or the ← link) is still offered
  const options = period.kind === "quarter" ? quarters : months;
  if (!options.some((p) => p.label === period.label)) options.push(period);
  const trendMonths = metric("pipelineCreated").trend.map((t) => t.month);
  const series = (keys: MetricKey[]) =>
    keys.map((k) => ({ key: k, label: metric(k).label, values: metric(k).trend.map((t) => t.value) }));
  const who = ctx.title ? TITLE_LABEL[ctx.title] : null;
  const empty = metric("pipelineCreated").counts[0].count === 0 && metric("winRate").counts[1].count === 0;
  return (
    <TipProvider>
      <PageHeader
        title="Revenue council"
        description={
          `The council's figures for ${period.kind === "quarter" ? "the quarter" : "the month"} ${period.label}` +
          `${who ? ` (${who})` : ""}, direct and partner side by side, with the 12 months to its end. ` +
          "Hover or focus a figure's ? for what it counts; every number opens the deals or cases behind it."
        }
      />
      <PeriodPicker
        path="/exec"
        param="month"
        label="Month or quarter"
        selected={period}
        quarters={quarters}
        months={months}
        previous={shiftPeriod(period, -1)}
        next={period.end <= now ? shiftPeriod(period, 1) : null}
      />
      {empty && (
        <div className="mb-6">
          <EmptyState title={`No deals created or closed in ${period.label}`}>
            Pick an earlier period with the picker above; the trend below still shows the months before it.
          </EmptyState>
        </div>
      )}
      {council.otherCurrencies.length > 0 && (
        <p role="note" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Amounts are in {council.currency}; deals in {council.otherCurrencies.join(", ")} are added at face value.
        </p>
      )}
      <DirectVsPartner
        pipeline={metric("pipelineCreated")}
        winRate={metric("winRate")}
        currency={council.currency}
        locale={locale}
      />
      <h2 className="mb-3 mt-8 text-sm font-semibold text-slate-800">Metrics for {period.label}</h2>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {TILES.map((k) => (
          <MetricTile key={k} metric={metric(k)} currency={council.currency} locale={locale} />
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-sm font-semibold text-slate-800">Trend, 12 months to {trendMonths.at(-1)}</h2>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Pipeline created">
          <TrendChart
            title="Pipeline created by month"
            months={trendMonths}
            series={series(["pipelineCreated", "discountLeakage"])}
            unit="money"
            currency={council.currency}
            locale={locale}
          />
        </Card>
        <Card title="Rates">
          <TrendChart
            title="Rates by month"
            months={trendMonths}
            series={series(["winRate", "partnerSourcedPct", "conflictRate", "registrationSla"])}
            unit="pct"
            currency={council.currency}
            locale={locale}
          />
        </Card>
        <Card title="Days">
          <TrendChart
            title="Durations by month"
            months={trendMonths}
            series={series(["medianCycleDays", "timeToResolveDays", "registrationDecisionDays"])}
            unit="days"
            currency={council.currency}
            locale={locale}
          />
        </Card>
      </div>
      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <SliceList
          metric={metric("timeToResolveDays")}
          currency={council.currency}
          locale={locale}
          countLabel="resolved"
        />
        <SliceList
          metric={metric("escalations")}
          currency={council.currency}
          locale={locale}
          countLabel="cases"
          empty={
            <>
              No case opened in {period.label} came from a deal routed by a rule. The{" "}
              <Link href="/conflicts/patterns" className="text-brand-700 underline">
                conflict-pattern report
              </Link>{" "}
              shows every breakdown.
            </>
          }
        />
      </div>
    </TipProvider>
  );
}
