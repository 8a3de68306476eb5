import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { ForecastTrendChart } from "@/components/charts/forecast-trend-chart";
import { QuarterPicker } from "@/components/period/quarter-picker";
import { NoAccess } from "@/components/shell/no-access";
import { FigureTable, type FigureRow } from "@/components/ui/figure-table";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { forecastQuarter, getForecast, type Band } from "@/lib/db/forecast";
import { forecastAccuracy, listForecastTrend } from "@/lib/db/forecast-snapshots";
import { FORECAST_CATEGORIES, quarterOf, shiftQuarter, type ForecastCategory } from "@/lib/forecast";
import { formatDate, formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";
import { forecastQuery } from "@/lib/validation/forecast";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Forecast" };

const DESCRIPTION =
  "Direct and partner revenue in one forecast: closed won, commit (won plus open deals in negotiation), " +
  "expected (won plus win-rate-weighted open ACV) and its 80 % band. Every figure opens the deals it counts.";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The joint forecast of a quarter (docs/domain.md#joint-forecast); every figure links to the deals it counts
// through the opportunity list's forecast filters (lib/db/forecast-filters.ts).
export default async function ForecastPage({ searchParams }: Props) {
  const ctx = await staffContext("forecast:read");
  if (!ctx.allowed) return <NoAccess what="The joint forecast" />;
  const parsed = forecastQuery.safeParse(fromSearchParams(await searchParams));
  if (!parsed.success) notFound();
  const now = new Date();
  const current = quarterOf(now);
  const period = parsed.data.period ?? current.label;
  const [f, trend, past] = await Promise.all([
    getForecast(ctx, period, now),
    listForecastTrend(ctx, period),
    forecastAccuracy(ctx, period, now),
  ]);
  const money = (c: bigint) => formatMoney(c, f.currency);
  const q = (cat?: ForecastCategory) => (cat ? `&category=${cat}` : "");
  const links = (cat?: ForecastCategory) => ({
    closedWon: `/opportunities?stage=CLOSED_WON&closedFrom=${f.firstDay}&closedTo=${f.lastDay}${q(cat)}`,
    commit: `/opportunities?forecast=${f.period}&commit=yes${q(cat)}`,
    expected: `/opportunities?forecast=${f.period}${q(cat)}`,
    open: `/opportunities?open=yes&closeFrom=${f.firstDay}&closeTo=${f.lastDay}${q(cat)}`,
  });
  const total = links();
  const counts = f.deals.TOTAL;
  const choices = [2, 1, 0, -1, -2, -3, -4, -5, -6, -7].map((i) => shiftQuarter(current, i).label);
  const quarter = forecastQuarter(f.period);
  const figure = (href: string, text: string, label: string) => (
    <Link href={href} className="hover:underline" aria-label={label}>
      {text}
    </Link>
  );
  const row = (label: string, b: Band, cat?: ForecastCategory): FigureRow => {
    const l = links(cat);
    const d = cat ? f.deals[cat] : counts;
    return {
      key: label,
      header: label,
      emphasis: !cat,
      cells: [
        <div key="won">
          {figure(l.closedWon, money(b.closedWon), `${label}: closed won ${money(b.closedWon)}`)}
          <div className="text-xs font-normal text-slate-500">{formatNumber(d.closedWon)} won</div>
        </div>,
        <div key="commit">
          {figure(l.commit, money(b.commit), `${label}: commit ${money(b.commit)}`)}
          <div className="text-xs font-normal text-slate-500">{formatNumber(d.closedWon + d.commit)} deals</div>
        </div>,
        <div key="expected">
          {figure(l.expected, money(b.expected), `${label}: expected ${money(b.expected)}`)}
          <div className="text-xs font-normal text-slate-500">{formatNumber(d.closedWon + d.open)} deals</div>
        </div>,
        <div key="band" className="whitespace-nowrap">
          {money(b.low)} – {money(b.high)}
          <div className="text-xs font-normal text-slate-500">
            {figure(l.open, `${formatNumber(d.open)} open deals`, `${label}: ${d.open} open deals`)}
          </div>
        </div>,
      ],
    };
  };
  return (
    <>
      <PageHeader title={`Joint forecast — ${f.period}`} description={DESCRIPTION} />
      <QuarterPicker
        path="/forecast"
        param="period"
        selected={{ label: f.period }}
        options={choices.map((label) => ({ label }))}
        previous={shiftQuarter(quarter, -1)}
        next={shiftQuarter(quarter, 1)}
      />
      {counts.closedWon + counts.open === 0 ? (
        <EmptyState title={`No deals in the ${f.period} forecast`}>
          No deal was won in this quarter and none is expected to close in it. Pick another quarter.
        </EmptyState>
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat
              label="Expected (board total)"
              value={figure(total.expected, money(f.total.expected), `Expected ${money(f.total.expected)}`)}
              hint={`80 % band ${money(f.total.low)} – ${money(f.total.high)}`}
            />
            <Stat
              label="Closed won"
              tone="good"
              value={figure(total.closedWon, money(f.total.closedWon), `Closed won ${money(f.total.closedWon)}`)}
              hint={`${formatNumber(counts.closedWon)} deals`}
            />
            <Stat
              label="Commit"
              value={figure(total.commit, money(f.total.commit), `Commit ${money(f.total.commit)}`)}
              hint={`${formatNumber(counts.closedWon + counts.commit)} deals`}
            />
            <Stat
              label="Open deals in the quarter"
              value={figure(total.open, formatNumber(counts.open), `${counts.open} open deals`)}
              hint="expected to close in it"
            />
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Expected by category">
              <SimpleBarChart
                unit="cents"
                label="Expected"
                data={FORECAST_CATEGORIES.map((c, i) => ({
                  key: c,
                  label: humanize(c),
                  value: Number(f.categories[c].expected),
                  color: ["#2552e6", "#0f766e", "#b45309", "#7c3aed", "#be123c"][i],
                }))}
              />
            </Card>
            <Card title="By category, with 80 % bands">
              <FigureTable
                caption="Forecast by category"
                rowHeader="Category"
                columns={[
                  { key: "won", header: "Closed won" },
                  { key: "commit", header: "Commit" },
                  { key: "expected", header: "Expected" },
                  { key: "band", header: "80 % band" },
                ]}
                rows={[...FORECAST_CATEGORIES.map((c) => row(humanize(c), f.categories[c], c)), row("Total", f.total)]}
              />
            </Card>
          </div>
        </>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title={`Trend across ${f.period} (weekly snapshots)`}>
          {trend.length === 0 ? (
            <p className="text-sm text-slate-600">
              No weekly snapshot of this quarter yet; the scheduler takes one every week.
            </p>
          ) : (
            <>
              <ForecastTrendChart
                currency={f.currency}
                label={`Expected, closed won and the 80 % band of ${f.period}, week by week; the table below has the figures`}
                data={trend.map((t) => ({
                  label: formatDate(t.week),
                  closedWon: Number(t.closedWon),
                  expected: Number(t.expected),
                  low: Number(t.low),
                  high: Number(t.high),
                }))}
              />
              <FigureTable
                caption="Weekly snapshots of the total"
                rowHeader="Week of"
                dense
                columns={[
                  { key: "won", header: "Closed won" },
                  { key: "expected", header: "Expected" },
                  { key: "band", header: "80 % band" },
                ]}
                rows={trend.map((t) => ({
                  key: t.week.toISOString(),
                  header: <span className="font-normal">{formatDate(t.week)}</span>,
                  cells: [money(t.closedWon), money(t.expected), `${money(t.low)} – ${money(t.high)}`],
                }))}
              />
            </>
          )}
        </Card>
        <Card title="Accuracy of past quarters (last snapshot against actual)">
          <table className="w-full text-sm">
            <caption className="sr-only">Forecast accuracy</caption>
            <thead>
              <tr className="text-xs text-slate-500">
                <th scope="col" className="text-left font-medium">
                  Quarter
                </th>
                <th scope="col" className="text-right font-medium">
                  Forecast
                </th>
                <th scope="col" className="text-right font-medium">
                  Actual won
                </th>
                <th scope="col" className="text-right font-medium">
                  Error
                </th>
              </tr>
            </thead>
            <tbody>
              {past.map((a) => (
                <tr key={a.period} className="border-t border-slate-100">
                  <td className="py-1">
                    <Link href={`/forecast?period=${a.period}`} className="text-brand-700 hover:underline">
                      {a.period}
                    </Link>
                  </td>
                  <td className="py-1 text-right tabular-nums">{a.forecast ? money(a.forecast.expected) : "—"}</td>
                  <td className="py-1 text-right tabular-nums">
                    <Link
                      href={`/opportunities?stage=CLOSED_WON&closedFrom=${a.firstDay}&closedTo=${a.lastDay}`}
                      className="hover:underline"
                    >
                      {money(a.actualWon)}
                    </Link>
                  </td>
                  <td className="py-1 text-right tabular-nums">
                    {a.error === null ? "—" : formatPct(a.error, undefined, 1)}
                    {a.withinBand === null ? "" : a.withinBand ? " · in band" : " · outside band"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
