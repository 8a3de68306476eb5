// The one way to run a Prisma transaction: `transaction(db, async (tx) => …)`. It runs the whole
// callback again when the database refuses it for contention (lib/db/retry.ts: SQLite busy, a
// PostgreSQL serialization failure or deadlock), and answers 503 with Retry-After once the bounded
// attempts are used up. So the callback must be safe to run twice: everything it changes goes
// through `tx` (rolled back with it), and it keeps no count or state outside that a failed attempt
// would leave behind. tests/unit/db/transaction-calls.test.ts keeps `$transaction` out of the rest
// of lib/ and prisma/.
import type { Db, Tx } from "./connect";
import type { Prisma } from "./generated/sqlite/client";
import { withRetry } from "./retry";

export interface TransactionOptions {
  /** How long to wait for the connection (SQLite: the one connection's lock; PostgreSQL: a pool client). */
  maxWait?: number;
  /** How long the callback may run before Prisma rolls it back. */
  timeout?: number;
  /** PostgreSQL's serialization failures under Serializable are retried like any contention. */
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

export function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return withRetry(() => db.$transaction(fn, options));
}
