// Interactive transactions on SQLite take the write lock up front. Prisma 6.19's better-sqlite3
// adapter opens them with a plain (deferred) BEGIN: the transaction reads on a snapshot and only
// asks for the write lock at its first write. When another process (a second app instance, a cron
// job, a sqlite3 shell) commits in between, SQLite cannot upgrade the stale snapshot and fails at
// once with SQLITE_BUSY_SNAPSHOT — busy_timeout does not apply — and approvals answered 500.
// BEGIN IMMEDIATE asks for the write lock at BEGIN, where busy_timeout turns contention into a
// wait (the plain-SQL path in lib/db/sql.ts already begins this way).
//
// The adapter's own startTransaction is not used: it hard-codes BEGIN, and when BEGIN fails it never
// releases its internal mutex, so every later transaction would wait forever. Its Transaction is
// nothing but the same connection's queries plus a release on commit/rollback, which the wrapper
// in lib/db/connect.ts provides (the app's one lock serializes the connection already).
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type Transaction,
} from "@prisma/driver-adapter-utils";

const BEGIN_IMMEDIATE = { sql: "BEGIN IMMEDIATE", args: [], argTypes: [] };

/** Starts a transaction holding the write lock. The caller holds the connection's lock. */
export async function beginImmediate(adapter: SqlDriverAdapter, isolationLevel?: IsolationLevel): Promise<Transaction> {
  // SQLite transactions are serializable; refuse another level as the adapter does
  if (isolationLevel && isolationLevel !== "SERIALIZABLE")
    throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
  // through the adapter, so a lock wait that outlasts busy_timeout is reported like any query's (P1008, SQLITE_BUSY)
  await adapter.executeRaw(BEGIN_IMMEDIATE);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    // Prisma sends COMMIT and ROLLBACK itself, then calls commit()/rollback() to release
    options: { usePhantomQuery: false },
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    commit: async () => {},
    rollback: async () => {},
  };
}
