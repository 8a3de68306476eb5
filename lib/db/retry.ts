// The one retry policy for write transactions (lib/db/transaction.ts, and the plain-SQL
// registration path in lib/db/registration-submit.ts). Contention is normal, not a fault: another
// process writing the SQLite file, or two PostgreSQL transactions that the database refuses to
// serialize (40001) or finds deadlocked (40P01). Each of these leaves nothing behind (the
// transaction was rolled back), so running the WHOLE transaction again is safe; a bounded number of
// attempts with jittered backoff, then a 503 with Retry-After — never a 500.
// Pure: no database import, so the policy is unit-tested on its own (tests/unit/db/retry.test.ts).
import { AppError } from "../errors";

/** Attempts in all (the first one included) before the caller is told to come back. */
export const MAX_ATTEMPTS = 4;
/** What a caller is told once the attempts are used up (seconds, sent as Retry-After). */
const RETRY_AFTER_SECONDS = 2;
const BASE_DELAY_MS = 20;
const MAX_DELAY_MS = 500;

// SQLite: SQLITE_BUSY (a lock wait that outlasted busy_timeout; Prisma reports it as P1008 with the
// driver's code in meta.driverAdapterError.cause.originalCode) and its extended codes, which Prisma
// passes on as the error's own code (SQLITE_BUSY_SNAPSHOT: a read snapshot went stale before the
// write). PostgreSQL: serialization_failure arrives as P2034 ("write conflict or deadlock"), and
// deadlock_detected as the raw SQLSTATE in the adapter error (kind "postgres", code "40P01").
const RETRYABLE_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_BUSY_TIMEOUT",
  "P2034",
  "40001",
  "40P01",
]);

type Coded = {
  code?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** Every error code on an error: its own, the driver adapter's, and those of its causes. */
function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const e = error as Coded;
  const own = [e.code, e.originalCode].filter((c): c is string => typeof c === "string");
  return [...own, ...codesOf(e.meta?.driverAdapterError, depth + 1), ...codesOf(e.cause, depth + 1)];
}

/** Did the database refuse this transaction only because of contention (so running it again may succeed)? */
export function isRetryable(error: unknown): boolean {
  return codesOf(error).some((code) => RETRYABLE_CODES.has(code));
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1): exponential with full
 * jitter, so transactions that collided once do not collide again in lockstep.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const busyError = () =>
  new AppError("UNAVAILABLE", "The database is busy; try again in a moment.", undefined, RETRY_AFTER_SECONDS);

export interface RetryOptions {
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` and runs it again while it fails on contention, at most `attempts` times in all;
 * then throws AppError UNAVAILABLE (503, Retry-After). Any other error passes through at once.
 * `work` must be a whole transaction: a retry repeats everything it did.
 */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = MAX_ATTEMPTS, sleep = pause, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts) {
        console.warn(
          `[db] transaction still refused after ${attempt} attempts (contention):`,
          codesOf(error).join(", "),
        );
        throw busyError();
      }
      await sleep(retryDelayMs(attempt, random));
    }
  }
}
