// How long the app waits for its database before giving up with 503 (lib/db/unavailable.ts).
// Without bounds a stopped or frozen database holds every request open for good: a pg pool waits
// forever for a connection, and a query sent to a frozen server never returns.
//
// - acquire: getting a connection (pg pool checkout or a new TCP connection and its start-up, the
//   SQLite connection lock, SQLite's busy_timeout on another process's write lock, and Prisma's
//   `maxWait` to start a transaction).
// - statement: one statement (PostgreSQL `statement_timeout`; pg's client-side `query_timeout` a
//   moment later, for a server that does not answer at all) and idle time inside a transaction.
import { z } from "zod";

const milliseconds = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : fallback))
    .pipe(z.number().int().min(100).max(600_000));

const envSchema = z.object({
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(15_000),
});

export type DatabaseTimeouts = { acquireMs: number; statementMs: number; queryMs: number };

/** The client-side query timeout trails the server's statement_timeout, so the server cancels first. */
const CLIENT_MARGIN_MS = 1_000;

export function databaseTimeouts(env: Record<string, string | undefined> = process.env): DatabaseTimeouts {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`${fields} must be a whole number of milliseconds between 100 and 600000`);
  }
  const { DATABASE_CONNECT_TIMEOUT_MS: acquireMs, DATABASE_STATEMENT_TIMEOUT_MS: statementMs } = parsed.data;
  return { acquireMs, statementMs, queryMs: statementMs + CLIENT_MARGIN_MS };
}

/** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
export function retryAfterSeconds(timeouts: DatabaseTimeouts = databaseTimeouts()): number {
  return Math.max(1, Math.ceil(timeouts.acquireMs / 1000));
}
