// The one quarter picker (the forecast, the conflict patterns report, the scorecards): the quarter in the URL
// (?<param>=2026-Q4) through a plain GET form, so it works without JavaScript and every view is a
// shareable link; the previous and next quarter one click away. Pickers of months and quarters
// together are components/pricing/period-picker.tsx.
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { INPUT_COMPACT, LABEL_COMPACT } from "@/components/ui/field";

type QuarterLike = { label: string };

export function QuarterPicker({
  path,
  selected,
  options,
  previous,
  next,
  param = "quarter",
  label = "Quarter",
  keep = {},
}: {
  path: string;
  selected: QuarterLike;
  /** the quarters offered; the selected one is added when missing */
  options: QuarterLike[];
  previous: QuarterLike | null;
  next: QuarterLike | null;
  /** the URL parameter (the forecast uses ?period=) and the select's id */
  param?: string;
  label?: string;
  /** other query parameters the view keeps (the scorecard table's sort) */
  keep?: Record<string, string>;
}) {
  const link = (q: QuarterLike) => `${path}?${new URLSearchParams({ ...keep, [param]: q.label }).toString()}`;
  const labels = options.map((o) => o.label);
  const offered = labels.includes(selected.label) ? labels : [...labels, selected.label];
  return (
    <form
      // keyed by the quarter: a client-side move to the previous or next quarter resets the select
      key={selected.label}
      method="get"
      action={path}
      role="search"
      aria-label="Choose a quarter"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="w-48">
        <label htmlFor={param} className={LABEL_COMPACT}>
          {label}
        </label>
        <select id={param} name={param} defaultValue={selected.label} className={cn(INPUT_COMPACT, "mt-1")}>
          {offered.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900"
      >
        Show
      </button>
      {(previous || next) && (
        <nav aria-label="Other quarters" className="flex gap-3 pb-1.5 text-sm">
          {previous && (
            <Link href={link(previous)} className="text-brand-700 hover:underline">
              ← {previous.label}
            </Link>
          )}
          {next && (
            <Link href={link(next)} className="text-brand-700 hover:underline">
              {next.label} →
            </Link>
          )}
        </nav>
      )}
    </form>
  );
}
