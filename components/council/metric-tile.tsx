// One council figure: its label with the definition on hover, the figure (a link to the list it
// counts), the counts it is made of (each a link to exactly those rows) and the figure by who leads.
import Link from "next/link";
import type { Metric } from "@/lib/council/types";
import { formatNumber } from "@/lib/format";
import { DefinitionTip } from "./definition-tip";
import { formatMetric } from "./format";

const linkClass = "text-brand-700 underline underline-offset-2";

function Linked({ href, children, label }: { href: string | null; children: React.ReactNode; label?: string }) {
  return href ? (
    <Link href={href} className={linkClass} aria-label={label}>
      {children}
    </Link>
  ) : (
    <span>{children}</span>
  );
}

export function MetricTile({ metric, currency, locale }: { metric: Metric; currency: string; locale: string }) {
  const fmt = (v: number | null, compact = false) => formatMetric(v, metric.unit, currency, locale, { compact });
  return (
    <section
      aria-labelledby={`metric-${metric.key}`}
      data-metric={metric.key}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h3 id={`metric-${metric.key}`} className="text-xs font-medium uppercase tracking-wide text-slate-500">
        <DefinitionTip label={metric.label} definition={metric.definition} />
      </h3>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
        <Linked href={metric.href}>{fmt(metric.total, metric.unit === "money")}</Linked>
      </p>
      {metric.counts.length > 0 && (
        <p className="mt-1 text-xs text-slate-600">
          {metric.counts.map((c, i) => (
            <span key={c.label}>
              {i > 0 && (metric.key === "conflictRate" ? " per " : " of ")}
              <Linked href={c.href}>
                <span data-count={c.label}>{formatNumber(c.count, locale)}</span>
              </Linked>{" "}
              {c.label}
            </span>
          ))}
        </p>
      )}
      {metric.routes.some((r) => r.value !== null) && (
        <dl className="mt-3 grid grid-cols-3 gap-2 border-t border-slate-100 pt-2 text-xs">
          {metric.routes.map((r) => (
            <div key={r.key}>
              <dt className="text-slate-500">{r.label}</dt>
              <dd className="font-medium tabular-nums text-slate-800">
                <Linked href={r.href} label={`${metric.label}, ${r.label}: ${fmt(r.value)}`}>
                  {fmt(r.value, true)}
                </Linked>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
