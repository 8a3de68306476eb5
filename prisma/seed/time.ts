// Date arithmetic for the seed, all in UTC: every timestamp of the demo is derived from `now`.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR);
}

/** Whole milliseconds dropped to the second, so generated times look like real event times. */
export function toSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Adds business days (Monday–Friday), the unit of registration and conflict SLAs
 * (docs/domain.md#registration-lifecycle, docs/domain.md#conflicts-and-escalation).
 * Negative `days` go back in time.
 */
export function addBusinessDays(date: Date, days: number): Date {
  const step = days < 0 ? -1 : 1;
  let out = new Date(date.getTime());
  let left = Math.abs(days);
  while (left > 0) {
    out = addDays(out, step);
    if (!isWeekend(out)) left--;
  }
  return out;
}

function startOfQuarter(date: Date): Date {
  const month = Math.floor(date.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(date.getUTCFullYear(), month, 1));
}

/** The first instant of the quarter `offset` quarters from the one holding `date`. */
export function quarterStart(date: Date, offset: number): Date {
  const start = startOfQuarter(date);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset * 3, 1));
}

/** "2026-Q4", the period label used by forecasts, MDF funds and maturity assessments. */
export function quarterLabel(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** "2026-11", the month label of council meetings. */
export function monthLabel(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function monthStart(date: Date, offset: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/** A uniformly random time in [from, to). */
export function between(from: Date, to: Date, unit: number): Date {
  return new Date(from.getTime() + Math.floor(unit * (to.getTime() - from.getTime())));
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/**
 * A working-day moment in [from, to] at `unit` ∈ [0, 1) of the way (skewed by the caller); a
 * weekend moment moves back to Friday so it never passes `to`, unless that would precede `from`.
 */
export function workdayMoment(from: Date, to: Date, unit: number): Date {
  let t = toSecond(between(from, to, unit));
  while (isWeekend(t) && addDays(t, -1).getTime() >= from.getTime()) t = addDays(t, -1);
  return t;
}
