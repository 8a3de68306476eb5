// The reporting period of the discount-leakage report: a calendar month ("2026-11") or quarter
// ("2026-Q4") in UTC, named in the URL (?period=). Pure.
import { parseQuarter, quarterOf } from "@/lib/dates/quarters";

export type Period = {
  /** "2026-11" or "2026-Q4" */
  label: string;
  kind: "month" | "quarter";
  /** first instant */
  start: Date;
  /** first instant after it (exclusive) */
  end: Date;
  /** first and last calendar days, YYYY-MM-DD (the opportunity list's inclusive closedFrom/closedTo) */
  firstDay: string;
  lastDay: string;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

function month(year: number, m: number): Period {
  const start = new Date(Date.UTC(year, m - 1, 1));
  const end = new Date(Date.UTC(year, m, 1));
  return {
    label: `${year}-${String(m).padStart(2, "0")}`,
    kind: "month",
    start,
    end,
    firstDay: day(start),
    lastDay: day(new Date(end.getTime() - DAY_MS)),
  };
}

/** "2026-11" or "2026-Q4" → the period; anything else (or a year outside 2000–2100) → null. */
export function parsePeriod(label: string): Period | null {
  const q = parseQuarter(label);
  if (q)
    return { label: q.label, kind: "quarter", start: q.start, end: q.end, firstDay: q.firstDay, lastDay: q.lastDay };
  const m = MONTH.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return month(year, Number(m[2]));
}

/** The current quarter (the report's default). */
export function currentQuarter(now: Date): Period {
  return parsePeriod(quarterOf(now).label)!;
}

/** The period `n` periods after (negative: before) this one, of the same kind. */
export function shiftPeriod(p: Period, n: number): Period {
  const y = p.start.getUTCFullYear();
  if (p.kind === "quarter") {
    const index = y * 4 + Math.floor(p.start.getUTCMonth() / 3) + n;
    return parsePeriod(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`)!;
  }
  const index = y * 12 + p.start.getUTCMonth() + n;
  return month(Math.floor(index / 12), (index % 12) + 1);
}

/** The picker's choices: the last `quarters` quarters and `months` months up to `now`, newest first. */
export function recentPeriods(now: Date, quarters = 8, months = 12): { quarters: Period[]; months: Period[] } {
  const q = currentQuarter(now);
  const m = month(now.getUTCFullYear(), now.getUTCMonth() + 1);
  return {
    quarters: Array.from({ length: quarters }, (_, i) => shiftPeriod(q, -i)),
    months: Array.from({ length: months }, (_, i) => shiftPeriod(m, -i)),
  };
}
