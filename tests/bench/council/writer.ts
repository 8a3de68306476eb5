// Bulk row writers for the council scale seed (tests/bench/council/scale-seed.ts): rows go in as
// arrays of plain values (string, number, bigint, boolean, Date, null) and are stored the way the app
// stores them (lib/db/sql.ts: SQLite DateTime as ISO-8601 text with "+00:00", booleans 0/1).
//   - SQLite: one better-sqlite3 connection, a prepared multi-row INSERT of ROWS_PER_STATEMENT rows,
//     every `flush` one transaction.
//   - PostgreSQL: one pg connection, `INSERT … SELECT * FROM unnest($1::type[], …)`: one statement
//     and one array parameter per column for a whole batch, the fastest path short of COPY and
//     without another dependency. Column types come from information_schema, so enums, timestamps,
//     jsonb and bigint are cast as the migration created them.
import Database from "better-sqlite3";
import pg from "pg";

export type Value = string | number | bigint | boolean | Date | null;

export interface BulkWriter {
  readonly provider: "sqlite" | "postgresql";
  /** Writes `rows` (each in `columns` order) to `table` in one transaction. */
  insert(table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void>;
  all<T>(text: string): Promise<T[]>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

const ROWS_PER_STATEMENT = 200;

const sqliteValue = (v: Value) =>
  v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v;

export function sqliteWriter(file: string): BulkWriter {
  const db = new Database(file, { timeout: 15_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // a throwaway benchmark file
  db.pragma("cache_size = -262144");
  const statements = new Map<string, Database.Statement>();
  const statement = (table: string, columns: readonly string[], n: number) => {
    const key = `${table}|${columns.join(",")}|${n}`;
    let s = statements.get(key);
    if (!s) {
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      s = db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: n }, () => tuple).join(", ")}`,
      );
      statements.set(key, s);
    }
    return s;
  };
  const write = db.transaction((table: string, columns: readonly string[], rows: readonly Value[][]) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      const values: unknown[] = [];
      for (const row of chunk) for (const v of row) values.push(sqliteValue(v));
      statement(table, columns, chunk.length).run(values);
    }
  });
  return {
    provider: "sqlite",
    async insert(table, columns, rows) {
      if (rows.length) write(table, columns, rows);
    },
    async all<T>(text: string) {
      return db.prepare(text).all() as T[];
    },
    async exec(text) {
      db.exec(text);
    },
    async close() {
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}

type PgColumn = { column_name: string; data_type: string; udt_name: string };

function pgCast(c: PgColumn): string {
  if (c.data_type === "USER-DEFINED") return `"${c.udt_name}"[]`;
  switch (c.udt_name) {
    case "timestamp":
      return "timestamp(3)[]";
    case "int4":
      return "integer[]";
    case "int8":
      return "bigint[]";
    case "float8":
      return "double precision[]";
    case "bool":
      return "boolean[]";
    case "jsonb":
      return "jsonb[]";
    default:
      return "text[]";
  }
}

const pgValue = (v: Value) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v);

export async function pgWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  const casts = new Map<string, Map<string, string>>();
  const castsOf = async (table: string) => {
    let m = casts.get(table);
    if (!m) {
      const res = await client.query<PgColumn>(
        `SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        [table],
      );
      m = new Map(res.rows.map((c) => [c.column_name, pgCast(c)]));
      casts.set(table, m);
    }
    return m;
  };
  return {
    provider: "postgresql",
    async insert(table, columns, rows) {
      if (!rows.length) return;
      const cast = await castsOf(table);
      const arrays = columns.map((_, c) => rows.map((row) => pgValue(row[c])));
      const text =
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(` +
        columns
          .map((c, i) => {
            const t = cast.get(c);
            if (!t) throw new Error(`${table}.${c}: no such column`);
            return `$${i + 1}::${t}`;
          })
          .join(", ") +
        ")";
      await client.query(text, arrays);
    },
    async all<T>(text: string) {
      return (await client.query(text)).rows as T[];
    },
    async exec(text) {
      await client.query(text);
    },
    async close() {
      await client.end();
    },
  };
}
