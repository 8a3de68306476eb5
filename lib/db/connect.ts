// Builds a Prisma client for a DATABASE_URL. SQLite and PostgreSQL need different generated clients
// (the SQLite client refuses the pg adapter); both expose the same API, typed as the SQLite one.
// Beside it, a plain-SQL driver on the same connection (lib/db/sql.ts) for the hot paths.
import type BetterSqlite3 from "better-sqlite3";
import type { MutexInterface } from "async-mutex";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { providerOf, sqlitePath, type Provider } from "./provider";
import { pgDriver, sqliteDriver, type SqlDriver } from "./sql";
import { databaseTimeouts, type DatabaseTimeouts } from "./timeouts";
import { boundedLock } from "./bounded-lock";
import { beginImmediate } from "./sqlite-transaction";

export type Db = SqliteClient;
/** The client handed to a `$transaction` callback. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// Waiting for a transaction slot (the SQLite lock, a pool client) is normal under load and bounded
// by the queue, not a fault: Prisma's default maxWait of 2 s would turn a burst into P2028 errors.
// But never longer than the acquire bound (lib/db/timeouts.ts), or a stopped database would hold
// a request past it.
const transactionOptions = (t: DatabaseTimeouts) => ({ maxWait: t.acquireMs, timeout: 10_000 });

export function connect(
  url: string,
  timeouts: DatabaseTimeouts = databaseTimeouts(),
): { db: Db; provider: Provider; sql: SqlDriver } {
  const provider = providerOf(url);
  if (provider === "postgresql") {
    // pg is pinned to 8 (package.json): Prisma 6.19's query interpreter loads relations by running a
    // join's child queries with Promise.all on the transaction's one client, which pg 8 queues with a
    // deprecation warning and pg 9 will refuse. Our own transactions never overlap queries
    // (tests/integration/faults/pg-overlap.test.ts); lift the pin once Prisma serializes them.
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // a pool checkout, and a new connection's TCP connect and start-up, give up after this
      connectionTimeoutMillis: timeouts.acquireMs,
      // the server cancels a slow statement (57014) and ends a forgotten transaction …
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.statementMs,
      // … and a server that does not answer at all (frozen) is given up on by the client
      query_timeout: timeouts.queryMs,
    });
    const adapter = new GuardedAdapterFactory(new PrismaPg(pool, { disposeExternalPool: true }));
    return {
      db: new PostgresClient({ adapter, transactionOptions: transactionOptions(timeouts) }) as unknown as Db,
      provider,
      sql: pgDriver(pool, pg.types),
    };
  }
  // busy_timeout: wait for a concurrent writer (another process) instead of failing at once with
  // SQLITE_BUSY; better-sqlite3 waits on the event loop's thread, so this stays short. The lock
  // that serializes this process's work is bounded by the same acquire timeout.
  const lock = boundedLock(timeouts.acquireMs);
  const factory = new GuardedAdapterFactory(
    new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: timeouts.acquireMs }),
    lock,
  );
  const db = new SqliteClient({ adapter: factory, transactionOptions: transactionOptions(timeouts) });
  const connection = async () => {
    if (!factory.connection) await db.$connect();
    return factory.connection!;
  };
  return { db, provider, sql: sqliteDriver(connection, lock) };
}

/**
 * Two repairs to Prisma 6.19's driver adapters, on both databases:
 *
 * - Prisma ends an interactive transaction by sending COMMIT (or ROLLBACK) through `executeRaw` and
 *   only then calls the adapter's `commit()`/`rollback()`, which give the connection back (pg: to
 *   the pool; better-sqlite3: its transaction mutex). When that statement fails (a deferred
 *   constraint, a serialization failure, a full disk), neither is called: PostgreSQL loses a pool
 *   client for good, and on SQLite every later query waits forever. Here a failed end rolls back
 *   what is left and frees the connection before the error goes on.
 * - On SQLite (`lock` given), the adapter serializes transactions but lets other queries run on the
 *   shared connection while one is open: they would read its uncommitted rows, and a write would
 *   join it and roll back with it. Every query and transaction takes one lock, shared with the
 *   plain-SQL driver, so the connection runs one unit of work at a time. Its transactions begin
 *   IMMEDIATE (lib/db/sqlite-transaction.ts), so another process's writes mean a wait, not an error.
 */
class GuardedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider: SqlDriverAdapterFactory["provider"];
  readonly adapterName: string;
  connection: BetterSqlite3.Database | null = null;

  constructor(
    private readonly inner: SqlDriverAdapterFactory,
    readonly lock: MutexInterface | null = null,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    if (this.lock) this.connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    const lock = this.lock;
    const exclusive = <T>(fn: () => Promise<T>): Promise<T> => (lock ? lock.runExclusive(fn) : fn());
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => exclusive(() => adapter.queryRaw(query)),
      executeRaw: (query) => exclusive(() => adapter.executeRaw(query)),
      executeScript: (script) => exclusive(() => adapter.executeScript(script)),
      getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
      startTransaction: async (isolationLevel) => {
        const release = lock ? await lock.acquire() : () => {};
        try {
          // SQLite: BEGIN IMMEDIATE instead of the adapter's deferred BEGIN (lib/db/sqlite-transaction.ts)
          return guarded(
            lock ? await beginImmediate(adapter, isolationLevel) : await adapter.startTransaction(isolationLevel),
            release,
          );
        } catch (error) {
          release();
          throw error;
        }
      },
      dispose: async () => {
        this.connection = null;
        await adapter.dispose();
      },
    };
  }
}

const ROLLBACK = { sql: "ROLLBACK", args: [], argTypes: [] };

function guarded(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (released) return;
    released = true;
    release();
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: async (query) => {
      if (query.sql !== "COMMIT" && query.sql !== "ROLLBACK") return tx.executeRaw(query);
      try {
        return await tx.executeRaw(query);
      } catch (error) {
        // The transaction is over for Prisma either way: undo what the database still holds
        // (SQLite keeps it open after a failed COMMIT; PostgreSQL has already rolled it back and
        // only warns), then hand the connection back.
        await tx.executeRaw(ROLLBACK).catch(() => undefined);
        await tx.rollback().catch(() => undefined);
        done();
        throw error;
      }
    },
    commit: () => tx.commit().finally(done),
    rollback: () => tx.rollback().finally(done),
  };
}
