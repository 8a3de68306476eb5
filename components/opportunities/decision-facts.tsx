// The input facts a route decision was made on, as stored with it: what the rules actually saw,
// which may differ from the deal today (sticky ownership, grandfathered rule sets). Staff only: a
// partner's copy of a decision carries no facts (lib/db/trace.ts). Labels and values read as in the
// rule text and the trace (factEntries, lib/rules/value-text.ts).
import { factEntries } from "@/components/rules/condition-text";

/** `partnerNames`: the partner on the deal by id, so the facts name it. */
export function DecisionFacts({ facts, partnerNames }: { facts: unknown; partnerNames?: Record<string, string> }) {
  if (!facts || typeof facts !== "object" || Array.isArray(facts)) return null;
  const entries = factEntries(facts as Record<string, unknown>, partnerNames);
  if (entries.length === 0) return null;
  return (
    <details className="mt-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">Facts the rules saw ({entries.length})</summary>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
        {entries.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-3 border-b border-slate-100 py-1">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-right text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
