// Builds a Prisma client for a DATABASE_URL. SQLite and PostgreSQL need different generated clients
// (the SQLite client refuses the pg adapter); both expose the same API, typed as the SQLite one.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { providerOf, sqlitePath, type Provider } from "./provider";

export type Db = SqliteClient;
/** The client handed to a `$transaction` callback. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function connect(url: string): { db: Db; provider: Provider } {
  const provider = providerOf(url);
  if (provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return { db: new PostgresClient({ adapter }) as unknown as Db, provider };
  }
  // busy timeout: wait for a concurrent writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 15_000 });
  return { db: new SqliteClient({ adapter }), provider };
}
