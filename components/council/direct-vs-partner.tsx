// "Direct vs partner", both ways and labelled: by who leads the deal (its route: AE-led, joint,
// partner-led) and by who sourced it (its attribution category). The two cuts answer different
// questions, so neither is called "direct" alone (docs/domain.md#revenue-council-metrics).
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import type { Metric } from "@/lib/council/types";
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
  return (
    <Card title="Direct vs partner: pipeline created">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <FigureTable
          caption={<DefinitionTip label="By who leads" definition={LEAD_DEFINITION} />}
          captionVisible
          rowHeader="Lead"
          columns={[
            { key: "pipeline", header: "Pipeline" },
            { key: "share", header: "Share" },
            { key: "deals", header: "Deals" },
            { key: "win", header: "Win rate" },
          ]}
          rows={pipeline.routes.map((r) => {
            const w = winRate.routes.find((x) => x.key === r.key)!;
            return {
              key: r.key,
              data: { "data-lead": r.key },
              header: r.label,
              cells: [
                <Link key="pipeline" href={r.href!} className={link}>
                  {money(r.value)}
                </Link>,
                <span key="share" className="text-slate-600">
                  {share(r.value)}
                </span>,
                <Link key="deals" href={r.href!} className={link} data-count="deals">
                  {formatNumber(r.count, locale)}
                </Link>,
                <Link
                  key="win"
                  href={w.href!}
                  className={link}
                  aria-label={`Win rate ${r.label}, of ${w.count} closed`}
                >
                  {formatMetric(w.value, "pct", currency, locale)}
                </Link>,
              ],
            };
          })}
        />
        <FigureTable
          caption={<DefinitionTip label="By who sourced" definition={SOURCE_DEFINITION} />}
          captionVisible
          rowHeader="Category"
          columns={[
            { key: "pipeline", header: "Pipeline" },
            { key: "share", header: "Share" },
            { key: "deals", header: "Deals" },
          ]}
          rows={sourced.map((s) => ({
            key: s.key,
            data: { "data-category": s.key },
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
            ],
          }))}
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
