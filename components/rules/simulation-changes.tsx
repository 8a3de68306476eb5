// The largest deals a simulation would move, each by account and deal name with links, both routes,
// and both traces on demand (the rule set in force's decision and the draft's), so a reviewer can
// check each change before publishing. Deals are named from the report's `deals` (lib/db/simulation.ts).
import Link from "next/link";
import type { Decision, Route, RouteChange } from "@/lib/rules";
import type { SimulatedDeal } from "@/lib/db/simulation";
import { RouteBadge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/format";
import type { PlainTraceEntry } from "@/lib/rules/plain-trace";
import { TraceList } from "./trace-list";

const LINK = "font-medium text-brand-700 hover:underline";

export function SimulationChanges({
  sample,
  deals,
}: {
  sample: readonly RouteChange[];
  deals: Record<string, SimulatedDeal>;
}) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Deals that change route">
      {sample.map((change) => (
        <ChangeRow key={change.dealId} change={change} deal={deals[change.dealId]} />
      ))}
    </ul>
  );
}

function ChangeRow({ change, deal }: { change: RouteChange; deal: SimulatedDeal | undefined }) {
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-2">
        <span className="min-w-0 flex-1">
          {deal ? (
            <>
              <Link href={`/opportunities/${encodeURIComponent(change.dealId)}`} className={LINK}>
                {deal.name}
              </Link>
              <span className="block text-xs text-slate-500">
                <Link href={`/accounts/${encodeURIComponent(deal.accountId)}`} className="hover:underline">
                  {deal.accountName}
                </Link>
              </span>
            </>
          ) : (
            <span className="text-slate-600">A deal you cannot open</span>
          )}
        </span>
        <span className="tabular-nums font-medium text-slate-900">{formatMoney(change.acv)}</span>
        <span className="flex items-center gap-2">
          <RouteBadge route={change.from} />
          <span aria-label="moves to">→</span>
          <RouteBadge route={change.to} />
        </span>
      </div>
      <details className="group mt-1 px-2">
        <summary className="flex cursor-pointer items-center gap-1 rounded-md py-1 text-xs font-medium text-slate-600 hover:text-slate-900">
          <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          Why: both traces
        </summary>
        <div className="mt-2 grid grid-cols-1 items-start gap-4 pb-2 lg:grid-cols-2">
          <TraceColumn title="Before" decision={change.fromDecision} trace={change.fromTrace} recorded={change.from} />
          <TraceColumn
            title="After (this draft)"
            decision={change.toDecision}
            trace={change.toTrace}
            recorded={change.to}
          />
        </div>
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
