// When a failed e-mail is tried again, and when the outbox gives up on it. Pure: time and
// randomness are arguments, so the schedule is unit-tested and the delivery job stays thin.

const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;
/** ±20 %: messages that failed together (an SMTP outage) do not all come back in the same second. */
const JITTER = 0.2;

/** Wait after the n-th failed attempt (n ≥ 1): 1 min, 2, 4, … capped at 1 h, with jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), MAX_RETRY_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

export type FailureOutcome = { status: "PENDING"; nextAttemptAt: Date } | { status: "FAILED"; nextAttemptAt: Date };

/** After a failed attempt: retry later, or give up once the message has been failing longer than
 *  `retryHours` (counted from its first failure, so an outage of any length up to that is survived). */
export function afterFailure(
  attempt: number,
  failingSince: Date,
  now: Date,
  retryHours: number,
  random: () => number = Math.random,
): FailureOutcome {
  if (now.getTime() - failingSince.getTime() >= retryHours * 3_600_000) return { status: "FAILED", nextAttemptAt: now };
  return { status: "PENDING", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt, random)) };
}

/** One line per failure for the log: the error's message only, never a stack. */
export function errorText(error: unknown, max = 500): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw.replace(/\s+/g, " ").trim().slice(0, max) || "unknown error";
}
