// What happens to a deal in the hand-off queue when it needs a partner: offered to the top-ranked
// candidate, or back to ops (docs/domain.md#hand-offs). Pure: the ranking and the round's count
// are arguments.
import { addBusinessDays } from "date-fns";
import type { RankedCandidate } from "./ranking";

/** Offers in one round before the deal returns to ops. */
export const MAX_OFFERS_PER_ROUND = 3;

export type NextStep =
  { kind: "OFFER"; candidate: RankedCandidate; offerNumber: number } | { kind: "RETURN_TO_OPS"; note: string };

/** After `offersInRound` offers of this round (declined, expired or withdrawn), the next move. */
export function nextStep(offersInRound: number, ranked: readonly RankedCandidate[]): NextStep {
  if (offersInRound >= MAX_OFFERS_PER_ROUND)
    return { kind: "RETURN_TO_OPS", note: `${MAX_OFFERS_PER_ROUND} offers made without an acceptance` };
  const top = ranked[0];
  if (!top)
    return {
      kind: "RETURN_TO_OPS",
      note:
        offersInRound === 0
          ? "No partner to offer: none active serves the deal's region"
          : "No partner left to offer: every one serving the region was offered",
    };
  return { kind: "OFFER", candidate: top, offerNumber: offersInRound + 1 };
}

/** When the offer's acceptance SLA ends: `slaBusinessDays` business days (Mon–Fri, UTC) after the offer. */
export function offerDueAt(offeredAt: Date, slaBusinessDays: number): Date {
  return addBusinessDays(offeredAt, slaBusinessDays);
}

/** The due time in words for the partner: "due in 2 days", "due in 5 hours", "overdue". */
export function dueInWords(dueAt: Date, now: Date): string {
  const ms = dueAt.getTime() - now.getTime();
  if (ms <= 0) return "overdue";
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 48) return `due in ${Math.floor(hours / 24)} days`;
  if (hours >= 24) return "due in 1 day";
  if (hours >= 1) return `due in ${hours} ${hours === 1 ? "hour" : "hours"}`;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  return `due in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}
