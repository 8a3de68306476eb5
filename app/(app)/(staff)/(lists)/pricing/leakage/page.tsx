import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LeakageBreakdown } from "@/components/pricing/leakage-breakdown";
import { PeriodPicker } from "@/components/pricing/period-picker";
import { NoAccess } from "@/components/shell/no-access";
import { EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { leakageReport } from "@/lib/db/pricing-leakage";
import { formatMoney, formatNumber } from "@/lib/format";
import { currentQuarter, parsePeriod, recentPeriods, shiftPeriod } from "@/lib/pricing/period";
import { fromSearchParams } from "@/lib/validation/lists";
import { leakageQuery } from "@/lib/validation/pricing";

export const metadata: Metadata = { title: "Discount leakage" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LeakagePage({ searchParams }: Props) {
  const ctx = await staffContext("pricing:read");
  if (!ctx.allowed) return <NoAccess what="The discount-leakage report" />;
  const now = new Date();
  const parsed = leakageQuery.safeParse(fromSearchParams(await searchParams));
  if (!parsed.success) notFound();
  const period = parsed.data.period ? parsePeriod(parsed.data.period) : currentQuarter(now);
  if (!period) notFound();
  const report = await leakageReport(ctx, period);
  const { quarters, months } = recentPeriods(now);
  // a period older than the picker's choices (reached by URL or the ← link) is still offered
  const options = period.kind === "quarter" ? quarters : months;
  if (!options.some((p) => p.label === period.label)) options.push(period);
  const next = period.end <= now ? shiftPeriod(period, 1) : null;
  return (
    <>
      <PageHeader
        title="Discount leakage"
        description={
          `What won deals closed in ${period.label} gave away beyond their pricing corridor: ` +
          "max(0, discount − corridor maximum) × list price, per deal, summed. Every figure opens the deals it counts."
        }
        actions={
          <Link href="/pricing" className="text-sm font-medium text-brand-700 hover:underline">
            Pricing corridors
          </Link>
        }
      />
      <PeriodPicker
        path="/pricing/leakage"
        selected={period}
        quarters={quarters}
        months={months}
        previous={shiftPeriod(period, -1)}
        next={next}
      />
      {report.total.count === 0 ? (
        <EmptyState title={`No leakage in ${period.label}`}>
          No deal you can see was won beyond its corridor in this period. Pick an earlier period, or review the{" "}
          <Link href="/pricing" className="text-brand-700 underline">
            corridors
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-3">
            <Stat
              label="Leakage"
              tone="warn"
              value={
                <Link
                  href={report.total.href}
                  className="hover:underline"
                  aria-label={`${formatMoney(report.total.cents)} leaked`}
                >
                  {formatMoney(report.total.cents)}
                </Link>
              }
              hint={period.label}
            />
            <Stat
              label="Won deals beyond their corridor"
              value={
                <Link
                  href={report.total.href}
                  className="hover:underline"
                  aria-label={`${formatNumber(report.total.count)} won deals beyond their corridor`}
                >
                  {formatNumber(report.total.count)}
                </Link>
              }
              hint="closed won in the period"
            />
            <Stat
              label="Largest by route"
              value={
                report.byRoute[0] ? (
                  <Link
                    href={report.byRoute[0].href}
                    className="hover:underline"
                    aria-label={`${formatMoney(report.byRoute[0].cents)} leaked on ${report.byRoute[0].label}`}
                  >
                    {formatMoney(report.byRoute[0].cents)}
                  </Link>
                ) : (
                  "—"
                )
              }
              hint={report.byRoute[0]?.label}
            />
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <LeakageBreakdown title="By route" column="Route" lines={report.byRoute} totalCents={report.total.cents} />
            <LeakageBreakdown
              title="By product line"
              column="Product line"
              lines={report.byProductLine}
              totalCents={report.total.cents}
            />
            <LeakageBreakdown title="By AE" column="AE" lines={report.byAe} totalCents={report.total.cents} />
          </div>
        </>
      )}
    </>
  );
}
