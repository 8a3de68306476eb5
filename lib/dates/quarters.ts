// Calendar quarters in UTC, named "YYYY-Qn" (2026-Q4 = October 1 to December 31, 2026). Pure.

export type Quarter = {
  /** "2026-Q4" */
  label: string;
  year: number;
  /** 1–4 */
  q: number;
  /** the first instant of the quarter */
  start: Date;
  /** the first instant after it (exclusive end) */
  end: Date;
  /** first and last calendar days, YYYY-MM-DD (for inclusive date filters) */
  firstDay: string;
  lastDay: string;
};

const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

function quarter(year: number, q: number): Quarter {
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, q * 3, 1));
  return {
    label: `${year}-Q${q}`,
    year,
    q,
    start,
    end,
    firstDay: day(start),
    lastDay: day(new Date(end.getTime() - DAY_MS)),
  };
}

/** The quarter containing `at` (UTC). */
export function quarterOf(at: Date): Quarter {
  return quarter(at.getUTCFullYear(), Math.floor(at.getUTCMonth() / 3) + 1);
}

/** "2026-Q4" → the quarter; anything else (or a year outside 2000–2100) → null. */
export function parseQuarter(label: string): Quarter | null {
  const m = QUARTER.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return quarter(year, Number(m[2]));
}

/** The quarter `n` quarters after (negative: before) this one. */
export function shiftQuarter(of: Quarter, n: number): Quarter {
  const index = of.year * 4 + (of.q - 1) + n;
  return quarter(Math.floor(index / 4), (index % 4) + 1);
}

/** The `count` quarters up to and including the one containing `now`, newest first. */
export function recentQuarters(now: Date, count: number): Quarter[] {
  const current = quarterOf(now);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, -i));
}
