// A stored rule trace: every rule tried, in order, and why it matched or not.
type TraceEntry = {
  ruleId?: string | null;
  priority?: number | null;
  name?: string;
  matched?: boolean;
  reason?: string;
};

export function TraceList({ trace }: { trace: unknown }) {
  const entries = Array.isArray(trace) ? (trace as TraceEntry[]) : [];
  if (entries.length === 0) return <p className="text-sm text-slate-600">No trace stored.</p>;
  return (
    <ol className="space-y-1.5 text-sm" aria-label="Rule trace">
      {entries.map((t, i) => (
        <li
          key={`${t.ruleId ?? "default"}-${i}`}
          className={`rounded-md px-3 py-2 ring-1 ring-inset ${t.matched ? "bg-emerald-50 ring-emerald-200" : "bg-white ring-slate-200"}`}
        >
          <span className="mr-2 font-mono text-xs text-slate-500">{t.priority ?? "default"}</span>
          {t.name && <span className="mr-2 font-medium text-slate-800">{t.name}</span>}
          <span className={t.matched ? "text-emerald-800" : "text-slate-600"}>{t.reason}</span>
        </li>
      ))}
    </ol>
  );
}
