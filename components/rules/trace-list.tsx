"use client";
// A decision's trace as its reader may see it (lib/db/trace.ts): every rule tried, in order, with
// each checked condition in plain language ("ACV is $2.2M — not below $250K"). Staff may switch to
// the engine's technical text; a partner's trace carries none, so the switch does not appear.
import { useId, useState } from "react";
import type { PlainTraceEntry } from "@/lib/rules/plain-trace";

function Mark({ passed }: { passed: boolean }) {
  return (
    <span aria-hidden className={`mr-1.5 inline-block w-3 ${passed ? "text-emerald-700" : "text-slate-400"}`}>
      {passed ? "✓" : "✗"}
    </span>
  );
}

function Entry({ t, technical }: { t: PlainTraceEntry; technical: boolean }) {
  const showRationale = t.rationale && (t.matched || t.withheld || t.clauses.length === 0);
  return (
    <li
      className={`rounded-md px-3 py-2 ring-1 ring-inset ${t.matched ? "bg-emerald-50 ring-emerald-200" : "bg-white ring-slate-200"}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-mono text-xs text-slate-500">{t.priority ?? "—"}</span>
        <span className="font-medium text-slate-800">{t.name}</span>
        <span className={`text-xs ${t.matched ? "font-semibold text-emerald-800" : "text-slate-500"}`}>
          {t.matched ? "Applies — decides the route" : "Does not apply"}
        </span>
      </div>
      {showRationale && <p className="mt-1 text-slate-600">{t.rationale}</p>}
      {technical && t.technical !== undefined ? (
        <p className="mt-1 break-words font-mono text-xs text-slate-600">{t.technical}</p>
      ) : t.clauses.length > 0 ? (
        <ul className="mt-1 space-y-0.5">
          {t.clauses.map((c, i) => (
            <li key={i} className={c.passed ? "text-slate-700" : "text-slate-600"}>
              <Mark passed={c.passed} />
              <span className="sr-only">{c.passed ? "Holds: " : "Does not hold: "}</span>
              {c.text}
            </li>
          ))}
        </ul>
      ) : (
        !t.withheld && t.reason && <p className="mt-1 text-slate-600">{t.reason}</p>
      )}
    </li>
  );
}

export function TraceList({ trace }: { trace: readonly PlainTraceEntry[] }) {
  const [technical, setTechnical] = useState(false);
  const toggleId = useId();
  if (trace.length === 0) return <p className="text-sm text-slate-600">No trace stored.</p>;
  const hasTechnical = trace.some((t) => t.technical !== undefined);
  return (
    <div className="space-y-2 text-sm">
      {hasTechnical && (
        <label htmlFor={toggleId} className="inline-flex cursor-pointer items-center gap-2 text-xs text-slate-600">
          <input
            id={toggleId}
            type="checkbox"
            checked={technical}
            onChange={(e) => setTechnical(e.target.checked)}
            className="rounded border-slate-300"
          />
          Show technical trace
        </label>
      )}
      <ol className="space-y-1.5" aria-label="Rule trace">
        {trace.map((t, i) => (
          <Entry key={`${t.ruleId ?? "default"}-${i}`} t={t} technical={technical} />
        ))}
      </ol>
    </div>
  );
}
