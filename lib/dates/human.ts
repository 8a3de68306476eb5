// Human dates (docs/domain.md#notifications): "in 2 days", "3 hours ago", in pages and e-mails
// alike, never ISO text. Pure: `now` is an argument.
import { formatDistanceStrict } from "date-fns";

export function humanDate(value: Date | string, now: Date): string {
  const at = new Date(value);
  if (Math.abs(at.getTime() - now.getTime()) < 60_000) return "just now";
  return formatDistanceStrict(at, now, { addSuffix: true, roundingMethod: "round" });
}

const EXACT = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

const DAY = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/**
 * A time in a notice's text (in-app and e-mail alike, so the same words): relative to when it is
 * written, then the exact time, e.g. "in 2 days (Tue, Dec 8, 14:00 UTC)". E-mails are read later and
 * in unknown time zones, so the exact part names its zone; never ISO text.
 */
export function noticeTime(at: Date, now: Date = new Date()): string {
  return `${humanDate(at, now)} (${EXACT.format(at)} UTC)`;
}

/** A day in a notice's text: "in 90 days (Sat, Mar 6)". */
export function noticeDay(at: Date, now: Date = new Date()): string {
  return `${humanDate(at, now)} (${DAY.format(at)})`;
}
