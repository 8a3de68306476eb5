// Counts the SQL statements the app sends while a function runs, on either provider: on SQLite every
// execution of a better-sqlite3 statement (Prisma's adapter and lib/db/sql.ts both go through it), on
// PostgreSQL every query a pg client sends (the one pool Prisma's adapter and lib/db/sql.ts share).
// So "no query per row" is a number the bench prints, not a claim.
import Database from "better-sqlite3";
import pg from "pg";

type Runner = (...params: unknown[]) => unknown;

export async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  const probe = new Database(":memory:");
  const sqliteProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, Runner>;
  probe.close();
  const pgProto = pg.Client.prototype as unknown as Record<string, Runner>;
  const patched: [Record<string, Runner>, string, Runner][] = [
    ...(["run", "get", "all", "iterate"] as const).map(
      (m) => [sqliteProto, m, sqliteProto[m]] as [typeof sqliteProto, string, Runner],
    ),
    [pgProto, "query", pgProto.query],
  ];
  let count = 0;
  for (const [proto, method, original] of patched)
    proto[method] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  try {
    await fn();
  } finally {
    for (const [proto, method, original] of patched) proto[method] = original;
  }
  return count;
}
