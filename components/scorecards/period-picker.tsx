// A quarter picker that reloads the page with ?period= (a plain GET form: works without script).
import { recentQuarters } from "@/lib/dates/quarters";

export function PeriodPicker({
  action,
  period,
  now,
  keep = {},
}: {
  action: string;
  period: string;
  now: Date;
  /** other query parameters to keep (the table's sort) */
  keep?: Record<string, string>;
}) {
  const options = recentQuarters(now, 8).map((q) => q.label);
  return (
    <form action={action} method="get" className="flex items-end gap-2">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="text-sm text-slate-700">
        <span className="block text-xs font-medium text-slate-600">Quarter</span>
        <select
          name="period"
          defaultValue={period}
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        Show
      </button>
    </form>
  );
}
