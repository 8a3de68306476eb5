// The report's quarter, in the URL (?quarter=2026-Q4): a plain GET form, so it works without
// JavaScript and every view is a shareable link; previous and next quarter one click away.
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { INPUT_COMPACT, LABEL_COMPACT } from "@/components/ui/field";
import type { Quarter } from "@/lib/dates/quarters";

export function QuarterPicker({
  path,
  selected,
  options,
  previous,
  next,
}: {
  path: string;
  selected: Quarter;
  options: Quarter[];
  previous: Quarter;
  next: Quarter | null;
}) {
  const link = (q: Quarter) => `${path}?quarter=${q.label}`;
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label="Choose a quarter"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <div className="w-40">
        <label htmlFor="quarter" className={LABEL_COMPACT}>
          Quarter (cases opened in it)
        </label>
        <select id="quarter" name="quarter" defaultValue={selected.label} className={cn(INPUT_COMPACT, "mt-1")}>
          {options.map((q) => (
            <option key={q.label} value={q.label}>
              {q.label}
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
      <nav aria-label="Other quarters" className="flex gap-3 pb-1.5 text-sm">
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
