// A council figure broken down (time to resolve by level, the rules causing the most conflicts):
// each line's figure and its count, the count a link to exactly the cases it counts.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Metric } from "@/lib/council/types";
import { formatNumber } from "@/lib/format";
import { DefinitionTip } from "./definition-tip";
import { formatMetric } from "./format";

export function SliceList({
  metric,
  currency,
  locale,
  countLabel,
  empty,
}: {
  metric: Metric;
  currency: string;
  locale: string;
  countLabel: string;
  empty?: React.ReactNode;
}) {
  const slices = metric.breakdown?.slices ?? [];
  const showValue = metric.unit !== "count";
  return (
    <Card
      title={
        <DefinitionTip
          label={`${metric.label}: ${metric.breakdown?.title.toLowerCase() ?? ""}`}
          definition={metric.definition}
        />
      }
    >
      {slices.length === 0 ? (
        <p className="text-sm text-slate-600">{empty ?? "Nothing in this period."}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-breakdown={metric.key}>
          {slices.map((s) => (
            <li key={s.key} className="flex items-center justify-between gap-3 py-1.5">
              <span className="min-w-0 truncate text-slate-800">{s.label}</span>
              <span className="flex shrink-0 items-baseline gap-3 tabular-nums">
                {showValue && (
                  <span className="font-medium">{formatMetric(s.value, metric.unit, currency, locale)}</span>
                )}
                {s.href ? (
                  <Link href={s.href} className="text-brand-700 hover:underline" data-count={countLabel}>
                    {formatNumber(s.count, locale)} {countLabel}
                  </Link>
                ) : (
                  <span>
                    {formatNumber(s.count, locale)} {countLabel}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
