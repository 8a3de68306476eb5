// What a simulation found: how much would move, where it would go, and the biggest movers with the
// traces behind both routes, so a reviewer can check each change before publishing.
import Link from "next/link";
import type { Decision, Route, RouteChange, SimulationResult } from "@/lib/rules";
import type { PlainTraceEntry } from "@/lib/rules/plain-trace";
import { ROUTES } from "@/lib/rules/values";
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { RouteBadge } from "@/components/ui/badge";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { TraceList } from "./trace-list";
import { SimulationMatrix } from "./simulation-matrix";
import { formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";

// Hex twins of RouteBadge's tones, so the chart and the badges read the same.
const ROUTE_COLOR: Record<Route, string> = {
  PARTNER_LED: "#7c3aed",
  CO_SELL: "#2563eb",
  DIRECT: "#64748b",
  DIRECT_PARTNER_ATTACHED: "#d97706",
  MARKETPLACE: "#059669",
};

const share = (part: number, whole: number) => (whole > 0 ? formatPct(part / whole, undefined, 1) : "—");

export function SimulationResults({ result, periodLabel }: { result: SimulationResult; periodLabel: string }) {
  if (result.totalDeals === 0) {
    return (
      <EmptyState title="No deals in this period">
        No opportunity with a recorded route decision was created in {periodLabel}. Pick a longer or earlier period.
      </EmptyState>
    );
  }
  const changedByDestination = ROUTES.map((to) => ({
    key: to,
    label: humanize(to),
    color: ROUTE_COLOR[to],
    value: Object.entries(result.matrix).reduce((sum, [from, row]) => sum + (from === to ? 0 : row[to].acv), 0),
  }));
  const baselineText =
    result.baseline === "CURRENT_RULE_SET" ? "the rule set in force" : "the route recorded on each deal";
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Deals simulated" value={formatNumber(result.totalDeals)} hint={periodLabel} />
        <Stat
          label="Deals changing route"
          value={formatNumber(result.changedDeals)}
          tone={result.changedDeals > 0 ? "warn" : "good"}
          hint={`${share(result.changedDeals, result.totalDeals)} of deals`}
        />
        <Stat
          label="ACV changing route"
          value={formatMoney(result.changedAcv, "USD", undefined, { compact: true })}
          tone={result.changedAcv > 0 ? "warn" : "good"}
          hint={`${share(result.changedAcv, result.totalAcv)} of ${formatMoney(result.totalAcv, "USD", undefined, { compact: true })}`}
        />
        <Stat
          label="Compared with"
          value={<span className="text-base">{humanize(result.baseline)}</span>}
          hint={`"From" is ${baselineText}`}
        />
      </div>
      <Card title="From → to">
        <SimulationMatrix matrix={result.matrix} baseline={result.baseline} />
      </Card>
      {result.changedDeals === 0 ? (
        <EmptyState title="No deal would change route">
          Under this draft every deal in the period keeps the route it gets from {baselineText}. Edit the rules or widen
          the period to see an effect.
        </EmptyState>
      ) : (
        <>
          <Card title="Changed ACV by destination route">
            <SimpleBarChart data={changedByDestination} unit="cents" label="Changed ACV by destination route" />
          </Card>
          <Card
            title={`Largest changes (${formatNumber(result.sample.length)} of ${formatNumber(result.changedDeals)})`}
          >
            <ul className="divide-y divide-slate-100" aria-label="Sample of deals that change route">
              {result.sample.map((change) => (
                <SampleRow key={change.dealId} change={change} />
              ))}
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}

function SampleRow({ change }: { change: RouteChange }) {
  return (
    <li className="py-2">
      <details className="group">
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 rounded-md px-2 py-1.5 hover:bg-slate-50">
          <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-90">
            ▸
          </span>
          <span className="font-mono text-xs text-slate-600">{change.dealId}</span>
          <span className="tabular-nums font-medium text-slate-900">{formatMoney(change.acv)}</span>
          <span className="flex items-center gap-2">
            <RouteBadge route={change.from} />
            <span aria-label="moves to">→</span>
            <RouteBadge route={change.to} />
          </span>
          <span className="ml-auto text-xs text-slate-500">Show both traces</span>
        </summary>
        <div className="mt-3 grid grid-cols-1 items-start gap-4 px-2 pb-2 lg:grid-cols-2">
          <TraceColumn title="Before" decision={change.fromDecision} trace={change.fromTrace} recorded={change.from} />
          <TraceColumn
            title="After (this draft)"
            decision={change.toDecision}
            trace={change.toTrace}
            recorded={change.to}
          />
        </div>
        <p className="px-2 text-xs">
          <Link
            href={`/opportunities/${encodeURIComponent(change.dealId)}`}
            className="font-medium text-brand-600 hover:underline"
          >
            Open the opportunity
          </Link>
        </p>
      </details>
    </li>
  );
}

function TraceColumn({
  title,
  decision,
  trace,
  recorded,
}: {
  title: string;
  decision: Decision | null;
  trace: PlainTraceEntry[] | null;
  recorded: Route | null;
}) {
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 p-3">
      <h4 className="mb-2 flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-800">
        {title} <RouteBadge route={decision?.route ?? recorded} />
      </h4>
      {decision ? (
        <>
          <p className="mb-2 text-xs text-slate-600">
            Rule set v{decision.ruleSetVersion} ·{" "}
            {decision.ruleName
              ? `rule ${decision.rulePriority}: ${decision.ruleName}`
              : "no rule matched, default outcome"}
          </p>
          <TraceList trace={trace ?? []} />
        </>
      ) : (
        <p className="text-sm text-slate-600">
          The route recorded on the deal (it may come from an override, sticky ownership or a conflict resolution), so
          there is no trace to compare.
        </p>
      )}
    </section>
  );
}
