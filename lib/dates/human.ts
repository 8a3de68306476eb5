// Human dates (docs/domain.md#notifications): "in 2 days", "3 hours ago", in pages and e-mails
// alike, never ISO text. Pure: `now` is an argument.
import { formatDistanceStrict } from "date-fns";

export function humanDate(value: Date | string, now: Date): string {
  const at = new Date(value);
  if (Math.abs(at.getTime() - now.getTime()) < 60_000) return "just now";
  return formatDistanceStrict(at, now, { addSuffix: true, roundingMethod: "round" });
}
