// Builds a Prisma client for a DATABASE_URL. SQLite and PostgreSQL need different generated clients
// (the SQLite client refuses the pg adapter); both expose the same API, typed as the SQLite one.
// Beside it, a plain-SQL driver on the same connection (lib/db/sql.ts) for the hot paths.
import type BetterSqlite3 from "better-sqlite3";
import { Mutex } from "async-mutex";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { providerOf, sqlitePath, type Provider } from "./provider";
import { pgDriver, sqliteDriver, type SqlDriver } from "./sql";

export type Db = SqliteClient;
/** The client handed to a `$transaction` callback. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function connect(url: string): { db: Db; provider: Provider; sql: SqlDriver } {
  const provider = providerOf(url);
  if (provider === "postgresql") {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    return { db: new PostgresClient({ adapter }) as unknown as Db, provider, sql: pgDriver(pool, pg.types) };
  }
  // busy timeout: wait for a concurrent writer (another process) instead of failing with SQLITE_BUSY.
  const factory = new SerializedSqlite(new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 15_000 }));
  const db = new SqliteClient({ adapter: factory });
  const connection = async () => {
    if (!factory.connection) await db.$connect();
    return factory.connection!;
  };
  return { db, provider, sql: sqliteDriver(connection, factory.lock) };
}

/**
 * The better-sqlite3 adapter serializes transactions but lets other queries run on the shared
 * connection while one is open: they would read its uncommitted rows, and a write would join it and
 * roll back with it. This wrapper puts every query and transaction behind one lock, shared with the
 * plain-SQL driver, so the connection runs one unit of work at a time.
 */
class SerializedSqlite implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly lock = new Mutex();
  connection: BetterSqlite3.Database | null = null;

  constructor(private readonly inner: PrismaBetterSQLite3) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    this.connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    const lock = this.lock;
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => lock.runExclusive(() => adapter.queryRaw(query)),
      executeRaw: (query) => lock.runExclusive(() => adapter.executeRaw(query)),
      executeScript: (script) => lock.runExclusive(() => adapter.executeScript(script)),
      getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
      startTransaction: async (isolationLevel) => {
        const release = await lock.acquire();
        try {
          return releasing(await adapter.startTransaction(isolationLevel), release);
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

function releasing(tx: Transaction, release: () => void): Transaction {
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
    executeRaw: (query) => tx.executeRaw(query),
    commit: () => tx.commit().finally(done),
    rollback: () => tx.rollback().finally(done),
  };
}
