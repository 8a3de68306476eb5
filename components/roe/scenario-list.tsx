// If/then scenarios: one per published rule in the order they are tried, then the default. The
// order matters (the first matching rule decides), so the list is numbered and says so.
import type { RuleSet } from "@/lib/rules";
import { RouteBadge } from "@/components/ui/badge";
import { conditionsSentence, outcomeSentence } from "./plain-language";

export function ScenarioList({ engine, ownPartnerId }: { engine: RuleSet; ownPartnerId: string }) {
  const rules = [...engine.rules].sort((a, b) => a.priority - b.priority);
  return (
    <>
      <p className="mb-3 text-sm text-slate-600">
        Scenarios are checked from top to bottom; the first one that fits a deal decides its route.
      </p>
      <ol className="space-y-3">
        {rules.map((rule, i) => (
          <li key={rule.id} className="rounded-md border border-slate-200 p-3">
            <div className="mb-1 flex flex-wrap items-center gap-2">
              <span
                className="flex h-6 w-6 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700"
                aria-hidden
              >
                {i + 1}
              </span>
              <span className="font-medium text-slate-900">{rule.name}</span>
              <RouteBadge route={rule.outcome.route} />
            </div>
            <p className="text-sm text-slate-800">
              <strong className="font-semibold">If</strong> {conditionsSentence(rule.conditions, ownPartnerId)},{" "}
              <strong className="font-semibold">then</strong> {outcomeSentence(rule.outcome)}.
            </p>
            {rule.rationale && (
              <p className="mt-1 text-sm text-slate-600">
                <span className="font-medium text-slate-700">Why: </span>
                {rule.rationale}
              </p>
            )}
          </li>
        ))}
        <li className="rounded-md border border-dashed border-slate-300 bg-slate-50 p-3">
          <div className="mb-1 flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">Otherwise</span>
            <RouteBadge route={engine.defaultOutcome.route} />
          </div>
          <p className="text-sm text-slate-800">
            <strong className="font-semibold">If</strong> none of the above fits,{" "}
            <strong className="font-semibold">then</strong> {outcomeSentence(engine.defaultOutcome)}.
          </p>
          {engine.defaultOutcome.rationale && (
            <p className="mt-1 text-sm text-slate-600">
              <span className="font-medium text-slate-700">Why: </span>
              {engine.defaultOutcome.rationale}
            </p>
          )}
        </li>
      </ol>
    </>
  );
}
