// The leakage report's period in the URL (?period=2026-Q4 or ?period=2026-11): a plain GET form, so
// it works without JavaScript and every view is a shareable link; the neighbouring periods one click away.
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { INPUT_COMPACT, LABEL_COMPACT } from "@/components/ui/field";
import type { Period } from "@/lib/pricing/period";

export function PeriodPicker({
  path,
  selected,
  quarters,
  months,
  previous,
  next,
  param = "period",
  label = "Period (deals won in it)",
}: {
  path: string;
  /** the URL parameter (the council uses ?month=) and the select's label */
  param?: string;
  label?: string;
  selected: Period;
  quarters: Period[];
  months: Period[];
  previous: Period;
  next: Period | null;
}) {
  const link = (p: Period) => `${path}?${param}=${p.label}`;
  return (
    <form
      // keyed by the period: a client-side move to the previous or next period resets the select
      key={selected.label}
      method="get"
      action={path}
      role="search"
      aria-label="Choose a period"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <div className="w-48">
        <label htmlFor={param} className={LABEL_COMPACT}>
          {label}
        </label>
        <select id={param} name={param} defaultValue={selected.label} className={cn(INPUT_COMPACT, "mt-1")}>
          <optgroup label="Quarters">
            {quarters.map((p) => (
              <option key={p.label} value={p.label}>
                {p.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Months">
            {months.map((p) => (
              <option key={p.label} value={p.label}>
                {p.label}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900"
      >
        Show
      </button>
      <nav aria-label="Other periods" className="flex gap-3 pb-1.5 text-sm">
        <Link href={link(previous)} className="text-brand-700 hover:underline">
          ← {previous.label}
        </Link>
        {next && (
          <Link href={link(next)} className="text-brand-700 hover:underline">
            {next.label} →
          </Link>
        )}
      </nav>
    </form>
  );
}
