import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breakdown } from "@/components/conflicts/patterns/breakdown";
import { QuarterPicker } from "@/components/period/quarter-picker";
import { ResolutionTable, TopRules } from "@/components/conflicts/patterns/rule-tables";
import { NoAccess } from "@/components/shell/no-access";
import { EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { conflictsHref } from "@/lib/conflicts/patterns";
import { parseQuarter, quarterOf, recentQuarters, shiftQuarter } from "@/lib/dates/quarters";
import { conflictPatterns } from "@/lib/db/conflict-patterns";
import { formatNumber, formatPct } from "@/lib/format";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Conflict patterns" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConflictPatternsPage({ searchParams }: Props) {
  const ctx = await staffContext("conflict:read");
  if (!ctx.allowed) return <NoAccess what="The conflict-pattern report" />;
  const now = new Date();
  const raw = fromSearchParams(await searchParams);
  const quarter = raw.quarter === undefined ? quarterOf(now) : parseQuarter(raw.quarter);
  if (!quarter) notFound();
  const report = await conflictPatterns(ctx, quarter);
  const current = quarterOf(now);
  const options = recentQuarters(now, 8);
  if (!options.some((q) => q.label === quarter.label)) options.push(quarter);
  const next = quarter.start < current.start ? shiftQuarter(quarter, 1) : null;
  const link = (value: number, href: string, label: string) => (
    <Link href={href} className="hover:underline" aria-label={`${value} ${label}`}>
      {formatNumber(value)}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Conflict patterns"
        description={
          `What the conflicts opened in ${quarter.label} have in common: their type, the rule that routed the ` +
          "deal, the region and the partner tier, and how fast each level settled them. Every number opens the cases it counts."
        }
      />
      <QuarterPicker
        path="/conflicts/patterns"
        selected={quarter}
        options={options}
        previous={shiftQuarter(quarter, -1)}
        next={next}
        label="Quarter (cases opened in it)"
      />
      {report.total === 0 ? (
        <EmptyState title={`No conflicts opened in ${quarter.label}`}>
          Nothing to learn from this quarter in the cases you can see. Pick an earlier quarter, or open the{" "}
          <Link href="/conflicts" className="text-brand-700 hover:underline">
            conflict list
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat
              label="Opened"
              value={link(report.total, report.totalHref, "conflicts opened")}
              hint={quarter.label}
            />
            <Stat
              label="Resolved"
              value={link(report.resolved, report.resolvedHref, "resolved")}
              hint="of the cases opened in the quarter"
            />
            <Stat
              label="Resolved at level 1"
              value={
                report.levelOneShare === null ? (
                  "—"
                ) : (
                  <Link
                    href={conflictsHref(quarter, { status: "RESOLVED", level: "1" })}
                    className="hover:underline"
                    aria-label={`${formatPct(report.levelOneShare)} resolved at level 1`}
                  >
                    {formatPct(report.levelOneShare)}
                  </Link>
                )
              }
              hint={`${formatNumber(report.resolvedAtLevelOne)} of ${formatNumber(report.resolved)} resolved`}
              tone={report.levelOneShare !== null && report.levelOneShare >= 0.7 ? "good" : undefined}
            />
            <Stat
              label="Top rule"
              value={report.topRules[0]?.href ? link(report.topRules[0].count, report.topRules[0].href, "cases") : "—"}
              hint={report.topRules[0]?.label ?? "No rule routed these deals"}
            />
          </div>
          <div className="mb-6 grid gap-6 lg:grid-cols-2">
            <TopRules rules={report.topRules} total={report.total} />
            <ResolutionTable levels={report.resolution} />
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <Breakdown title="By type" column="Type" groups={report.byType} total={report.total} empty="No cases." />
            <Breakdown
              title="By the rule that routed the deal"
              column="Rule"
              groups={report.byRule}
              total={report.total}
              empty="No cases."
            />
            <Breakdown
              title="By region"
              column="Region"
              groups={report.byRegion}
              total={report.total}
              empty="No cases."
            />
            <Breakdown
              title="By partner tier"
              column="Tier"
              groups={report.byTier}
              total={report.total}
              empty="No case this quarter involved a partner."
              note="A case between partners of two tiers counts in each, so the shares can add up to more than 100%."
            />
          </div>
        </>
      )}
    </>
  );
}
