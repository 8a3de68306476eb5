// Statement periods: a calendar month ("2026-11") or quarter ("2026-Q4"), UTC. Pure.
import { parseQuarter, quarterOf } from "../dates/quarters";

export type Period = {
  label: string;
  kind: "month" | "quarter";
  start: Date;
  /** exclusive */
  end: Date;
  /** The months it spans, "YYYY-MM" (adjustments are booked to a month). */
  months: string[];
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const monthLabel = (d: Date) => d.toISOString().slice(0, 7);

function monthsBetween(start: Date, end: Date): string[] {
  const out: string[] = [];
  for (let d = new Date(start); d < end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)))
    out.push(monthLabel(d));
  return out;
}

export function parsePeriod(label: string): Period | null {
  const m = MONTH.exec(label);
  if (m) {
    const year = Number(m[1]);
    if (year < 2000 || year > 2100) return null;
    const start = new Date(Date.UTC(year, Number(m[2]) - 1, 1));
    const end = new Date(Date.UTC(year, Number(m[2]), 1));
    return { label, kind: "month", start, end, months: [label] };
  }
  const q = parseQuarter(label);
  if (!q) return null;
  return { label: q.label, kind: "quarter", start: q.start, end: q.end, months: monthsBetween(q.start, q.end) };
}

/** The month or quarter containing `at`. */
export function periodOf(at: Date, kind: "month" | "quarter"): Period {
  return parsePeriod(kind === "month" ? monthLabel(at) : quarterOf(at).label)!;
}

/** The month a moment falls in, "YYYY-MM" (UTC). */
export function monthOf(at: Date): string {
  return monthLabel(at);
}

/** The period before or after this one (same kind). */
export function shiftPeriod(p: Period, n: number): Period {
  const step = p.kind === "month" ? 1 : 3;
  const at = new Date(Date.UTC(p.start.getUTCFullYear(), p.start.getUTCMonth() + n * step, 1));
  return periodOf(at, p.kind);
}

/** "November 2026" / "2026-Q4" for a heading. */
export function periodTitle(p: Period): string {
  if (p.kind === "quarter") return p.label.replace("-", " ");
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(p.start);
}
