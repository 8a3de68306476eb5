// Whose statement and which period, in the URL (?party=ae:<id>|partner:<id>&period=2026-11|2026-Q4):
// a plain GET form, so it works without JavaScript and every statement is a shareable link.
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { INPUT_COMPACT, LABEL_COMPACT } from "@/components/ui/field";
import { periodTitle, shiftPeriod, type Period } from "@/lib/attribution";

type Option = { value: string; label: string };

export function StatementPicker({
  path,
  period,
  periods,
  party,
  parties,
}: {
  path: string;
  period: Period;
  periods: Period[];
  /** The selected party's URL value; null: none picked yet. */
  party: string | null;
  /** The parties the caller may pick, grouped; empty: the caller has one statement (its own). */
  parties: { label: string; options: Option[] }[];
}) {
  const link = (p: Period) => `${path}?${new URLSearchParams({ ...(party ? { party } : {}), period: p.label })}`;
  const previous = shiftPeriod(period, -1);
  const next = shiftPeriod(period, 1);
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label="Choose a statement"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      {parties.length > 0 && (
        <div className="w-72 max-w-full">
          <label htmlFor="party" className={LABEL_COMPACT}>
            Statement of
          </label>
          <select id="party" name="party" defaultValue={party ?? ""} className={cn(INPUT_COMPACT, "mt-1")}>
            <option value="" disabled>
              Pick an AE or a partner
            </option>
            {parties.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      {parties.length === 0 && party && <input type="hidden" name="party" value={party} />}
      <div className="w-44">
        <label htmlFor="period" className={LABEL_COMPACT}>
          Period (deals closed in it)
        </label>
        <select id="period" name="period" defaultValue={period.label} className={cn(INPUT_COMPACT, "mt-1")}>
          {periods.map((p) => (
            <option key={p.label} value={p.label}>
              {p.kind === "quarter" ? `Quarter ${periodTitle(p)}` : periodTitle(p)}
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
      <nav aria-label="Other periods" className="flex gap-3 pb-1.5 text-sm">
        <Link href={link(previous)} className="text-brand-700 hover:underline">
          ← {periodTitle(previous)}
        </Link>
        <Link href={link(next)} className="text-brand-700 hover:underline">
          {periodTitle(next)} →
        </Link>
      </nav>
    </form>
  );
}
