/**
 * The earliest calendar date anywhere on Earth right now (UTC−12): a partner's "today" is never
 * before it, so a deal closing today where they sit is not refused as past.
 */
export function earliestToday(now: Date | number = Date.now()): string {
  return new Date(+now - 12 * 3_600_000).toISOString().slice(0, 10);
}
