// "Direct vs partner", both ways and labelled: by who leads the deal (its route: AE-led, joint,
// partner-led) and by who sourced it (its attribution category). The two cuts answer different
// questions, so neither is called "direct" alone (docs/domain.md#revenue-council-metrics).
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { type FigureColumn, FigureTable } from "@/components/ui/figure-table";
import type { Metric, Slice } from "@/lib/council/types";
import { formatNumber } from "@/lib/format";
import { DefinitionTip } from "./definition-tip";
import { formatMetric } from "./format";

const LEAD_DEFINITION =
  "The deal's route: AE-led is direct or direct with a partner attached, joint is co-sell, partner-led is " +
  "partner-led or marketplace. Deals not routed yet count in the total only.";
const SOURCE_DEFINITION =
  "The deal's attribution category: partner-sourced when an approved partner registration created it, co-sell " +
  "when a partner is attached, influenced when a partner only touched it, marketplace, else direct-sourced.";

const link = "text-brand-700 underline underline-offset-2";

export function DirectVsPartner({
  pipeline,
  winRate,
  currency,
  locale,
}: {
  pipeline: Metric;
  winRate: Metric;
  currency: string;
  locale: string;
}) {
  const money = (v: number | null) => formatMetric(v, "money", currency, locale, { compact: true });
  const total = pipeline.total ?? 0;
  const share = (v: number | null) =>
    total > 0 && v !== null ? formatMetric(v / total, "pct", currency, locale) : "—";
  const sourced = pipeline.breakdown?.slices ?? [];
  const table = { money, share, locale };
  return (
    <Card title="Direct vs partner: pipeline created">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <PipelineTable
          {...table}
          label="By who leads"
          definition={LEAD_DEFINITION}
          rowHeader="Lead"
          data="data-lead"
          slices={pipeline.routes}
          extra={{
            column: { key: "win", header: "Win rate" },
            cell: (r) => {
              const w = winRate.routes.find((x) => x.key === r.key)!;
              return (
                <Link
                  key="win"
                  href={w.href!}
                  className={link}
                  aria-label={`Win rate ${r.label}, of ${w.count} closed`}
                >
                  {formatMetric(w.value, "pct", currency, locale)}
                </Link>
              );
            },
          }}
        />
        <PipelineTable
          {...table}
          label="By who sourced"
          definition={SOURCE_DEFINITION}
          rowHeader="Category"
          data="data-category"
          slices={sourced}
        />
      </div>
      <p className="mt-3 text-xs text-slate-500">
        Total {money(pipeline.total)} from{" "}
        <Link href={pipeline.href!} className={link}>
          {formatNumber(pipeline.counts[0]?.count ?? 0, locale)} deals
        </Link>{" "}
        created in the period.
      </p>
    </Card>
  );
}

/** One cut of the pipeline: each slice's pipeline, share of the total and deals, each linking to its list. */
function PipelineTable({
  label,
  definition,
  rowHeader,
  data,
  slices,
  money,
  share,
  locale,
  extra,
}: {
  label: string;
  definition: string;
  rowHeader: string;
  /** the data-* attribute naming each row's key, for tests */
  data: `data-${string}`;
  slices: Slice[];
  money: (v: number | null) => string;
  share: (v: number | null) => string;
  locale: string;
  /** a column after the deals, e.g. the win rate by lead */
  extra?: { column: FigureColumn; cell: (s: Slice) => React.ReactNode };
}) {
  return (
    <FigureTable
      caption={<DefinitionTip label={label} definition={definition} />}
      captionVisible
      rowHeader={rowHeader}
      columns={[
        { key: "pipeline", header: "Pipeline" },
        { key: "share", header: "Share" },
        { key: "deals", header: "Deals" },
        ...(extra ? [extra.column] : []),
      ]}
      rows={slices.map((s) => ({
        key: s.key,
        data: { [data]: s.key },
        header: s.label,
        cells: [
          <Link key="pipeline" href={s.href!} className={link}>
            {money(s.value)}
          </Link>,
          <span key="share" className="text-slate-600">
            {share(s.value)}
          </span>,
          <Link key="deals" href={s.href!} className={link} data-count="deals">
            {formatNumber(s.count, locale)}
          </Link>,
          ...(extra ? [extra.cell(s)] : []),
        ],
      }))}
    />
  );
}
