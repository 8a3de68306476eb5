// Plain SQL on the app's own database connection, for the few hot paths where Prisma's per-query
// cost dominates: with the client engine every model query is compiled by a WebAssembly query
// compiler and mapped back in JavaScript, 0.2–0.8 ms of CPU each, against 20–40 µs for the same
// statement on better-sqlite3 (measured in tests/bench/registrations). API-key authentication and
// registration submission run here (`npm run bench:registrations`; README "Data access: Prisma,
// and plain SQL on the hot paths"); everything else stays on Prisma.
//
// One connection, one order of work. On SQLite the app has a single better-sqlite3 connection,
// shared with Prisma: the adapter wrapper in connect.ts puts every Prisma query and transaction
// behind the same lock this module takes, so a transaction here never interleaves with a Prisma
// one (nor sees its uncommitted rows). Consequence: never call `session`/`transaction` from inside a
// Prisma `$transaction` callback on the same client; it would wait for that transaction to end.
// On PostgreSQL the statements go through the same pg pool that Prisma uses.
//
// SQL is written once with `?` placeholders and double-quoted identifiers; the PostgreSQL session
// numbers the placeholders (never a `?` inside a string literal, quoted identifier or comment).
// Values are converted here (Date, boolean, bigint, JSON) the way Prisma stores them, so rows written
// either way read back the same. Json columns take `json(value)`.
//
// Typed against prisma/schema.prisma (lib/db/sql-rows.ts): `insert` and `update` take the table's
// columns with their types, and selects name their row as `Selected<"Table", "column" | …>`.
import { randomBytes } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { MutexInterface } from "async-mutex";
import type { Provider } from "./provider";
import type { InsertRow, Match, Table, UpdateSet } from "./sql-rows";

export type { Selected } from "./sql-rows";

export type Row = Record<string, unknown>;
type Params = readonly unknown[];

export interface Sql {
  readonly provider: Provider;
  get<T extends Row>(text: string, params?: Params): Promise<T | undefined>;
  all<T extends Row>(text: string, params?: Params): Promise<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(text: string, params?: Params): Promise<number>;
  /** INSERT of one row; a nullable column left out (or `undefined`) is stored as NULL. */
  insert<T extends Table>(table: T, row: InsertRow<T>): Promise<void>;
  /** `UPDATE table SET … WHERE` every `where` column equals its value; returns the rows changed. */
  update<T extends Table>(table: T, set: UpdateSet<T>, where: Match<T>): Promise<number>;
}

export interface SqlDriver {
  readonly provider: Provider;
  /** Statements outside a transaction: each one is atomic on its own and sees committed data. */
  session<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** One transaction: committed when `fn` resolves, rolled back when it throws. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

/** Is this a plain-SQL session rather than a Prisma client? (Shared writers take either.) */
export function isSql(client: unknown): client is Sql {
  return typeof (client as Sql).insert === "function" && typeof (client as Sql).run === "function";
}

/**
 * A new primary key for rows written in plain SQL, shaped like Prisma's cuid() (25 characters:
 * "c", base-36 milliseconds, a counter, randomness), so that ids sort in creation order, as lists
 * that break ties on time by id (the audit log) expect.
 */
let sequence = 0;
export function newId(): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${sequence.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}

/** A driver error that reports a unique-key violation (SQLite or PostgreSQL), and on which columns. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown; detail?: unknown };
  if (e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY")
    return String(e.message ?? "");
  if (e?.code === "23505") return `${String(e.constraint ?? "")} ${String(e.detail ?? "")}`;
  return null;
}

// A value for a Json column. Marked, because a bare string or number would be written as itself.
// The mark is a registered symbol, not a class: the driver lives on globalThis (lib/db/client.ts)
// and Next.js may load this module more than once (one copy per server bundle), so a class from
// one copy would fail `instanceof` in another.
const JSON_MARK = Symbol.for("accord.sql.json");
export type JsonParam = { readonly [JSON_MARK]: true; readonly value: unknown };
export const json = (value: unknown): JsonParam => ({ [JSON_MARK]: true, value });
const isJsonParam = (v: unknown): v is JsonParam =>
  typeof v === "object" && v !== null && (v as JsonParam)[JSON_MARK] === true;

function plainValue(v: unknown): unknown {
  if (isJsonParam(v)) return JSON.stringify(v.value) ?? null; // json(undefined): SQL NULL
  if (v === undefined) return null;
  if (v !== null && typeof v === "object" && !(v instanceof Date) && !Buffer.isBuffer(v)) {
    throw new TypeError("An object bound to a SQL parameter must be wrapped in json()");
  }
  return v;
}

// Values as Prisma stores them: SQLite DateTime is ISO 8601 text with "+00:00", booleans 0/1,
// Json is text; PostgreSQL takes ISO text for timestamp(3) (UTC wall clock) and JSON text for jsonb.
function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return plainValue(v);
}

function pgValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  return plainValue(v);
}

const defined = (row: object) => Object.entries(row).filter(([, v]) => v !== undefined);

function insertSql(table: Table, row: object): { text: string; values: unknown[] } {
  const entries = defined(row);
  return {
    text: `INSERT INTO "${table}" (${entries.map(([c]) => `"${c}"`).join(", ")}) VALUES (${entries.map(() => "?").join(", ")})`,
    values: entries.map(([, v]) => v),
  };
}

function updateSql(table: Table, set: object, where: object): { text: string; values: unknown[] } {
  const assignments = defined(set);
  const conditions = defined(where);
  // an UPDATE without a condition would change every row: refused, not guessed at
  if (assignments.length === 0 || conditions.length === 0)
    throw new TypeError(`update("${table}") needs at least one column to set and one to match`);
  return {
    text: `UPDATE "${table}" SET ${assignments.map(([c]) => `"${c}" = ?`).join(", ")} WHERE ${conditions.map(([c]) => `"${c}" = ?`).join(" AND ")}`,
    values: [...assignments, ...conditions].map(([, v]) => v),
  };
}

// ---------------------------------------------------------------------------------------------
// SQLite: better-sqlite3 is synchronous; statements are prepared once and reused.

class SqliteSession implements Sql {
  readonly provider = "sqlite" as const;
  constructor(readonly statement: (text: string) => BetterSqlite3.Statement) {}

  async get<T extends Row>(text: string, params: Params = []): Promise<T | undefined> {
    return this.statement(text).get(...params.map(sqliteValue)) as T | undefined;
  }
  async all<T extends Row>(text: string, params: Params = []): Promise<T[]> {
    return this.statement(text).all(...params.map(sqliteValue)) as T[];
  }
  async run(text: string, params: Params = []): Promise<number> {
    return this.statement(text).run(...params.map(sqliteValue)).changes;
  }
  async insert<T extends Table>(table: T, row: InsertRow<T>): Promise<void> {
    const { text, values } = insertSql(table, row);
    await this.run(text, values);
  }
  async update<T extends Table>(table: T, set: UpdateSet<T>, where: Match<T>): Promise<number> {
    const { text, values } = updateSql(table, set, where);
    return this.run(text, values);
  }
}

export function sqliteDriver(connection: () => Promise<BetterSqlite3.Database>, lock: MutexInterface): SqlDriver {
  const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
  const sessionFor = (conn: BetterSqlite3.Database) => {
    let statements = cache.get(conn);
    if (!statements) cache.set(conn, (statements = new Map()));
    const map = statements;
    return new SqliteSession((text) => {
      let stmt = map.get(text);
      if (!stmt) {
        stmt = conn.prepare(text);
        // Prisma's adapter turns on safe integers for the whole connection; the hot paths read
        // counts and small integers, and write BigInt cents explicitly.
        if (stmt.reader) stmt.safeIntegers(false);
        map.set(text, stmt);
      }
      return stmt;
    });
  };
  return {
    provider: "sqlite",
    async session(fn) {
      const conn = await connection();
      return lock.runExclusive(() => fn(sessionFor(conn)));
    },
    async transaction(fn) {
      const conn = await connection();
      return lock.runExclusive(async () => {
        const session = sessionFor(conn);
        // IMMEDIATE: take the write lock now, so another process writing the file (a cron job)
        // makes this wait at BEGIN rather than fail at the first write.
        session.statement("BEGIN IMMEDIATE").run();
        try {
          const result = await fn(session);
          session.statement("COMMIT").run();
          return result;
        } catch (error) {
          if (conn.inTransaction) session.statement("ROLLBACK").run();
          throw error;
        }
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: the pool Prisma's adapter uses; `?` placeholders become $1, $2, …

/**
 * `?` placeholders numbered $1, $2, … for PostgreSQL. A `?` inside a string literal ('…', with ''
 * escapes), a quoted identifier ("…"), a dollar-quoted string ($$…$$, $tag$…$tag$) or a comment
 * (-- …, /* … *\/) is text, not a placeholder, and is left alone. (So PostgreSQL's jsonb `?`
 * operators cannot be written here: use jsonb_exists().)
 */
export function numberPlaceholders(text: string): string {
  let out = "";
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    let end = i + 1; // the end of the token that starts at i
    if (c === "?") {
      out += `$${++n}`;
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      // a doubled quote inside is an escaped quote: the scan simply goes on to the next closing one
      end = text.indexOf(c, i + 1);
      while (end !== -1 && text[end + 1] === c) end = text.indexOf(c, end + 2);
      end = end === -1 ? text.length : end + 1;
    } else if (c === "-" && text[i + 1] === "-") {
      end = text.indexOf("\n", i);
      if (end === -1) end = text.length;
    } else if (c === "/" && text[i + 1] === "*") {
      end = text.indexOf("*/", i + 2);
      end = end === -1 ? text.length : end + 2;
    } else if (c === "$") {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i))?.[0];
      if (tag) {
        end = text.indexOf(tag, i + tag.length);
        end = end === -1 ? text.length : end + tag.length;
      }
    }
    out += text.slice(i, end);
    i = end;
  }
  return out;
}

const numbered = new Map<string, string>();
function pgText(text: string): string {
  let out = numbered.get(text);
  if (out === undefined) {
    out = numberPlaceholders(text);
    numbered.set(text, out);
  }
  return out;
}

// timestamp(3) without time zone holds UTC (as Prisma writes it); pg would read it as local time.
// json and jsonb stay text, as on SQLite, so that asJson reads both the same way.
const TIMESTAMP_OID = 1114;
const JSON_OIDS = new Set([114, 3802]);
const utcTimestamp = (s: string) => new Date(`${s.replace(" ", "T")}Z`);
const asText = (s: string) => s;
function pgTypes(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === TIMESTAMP_OID
        ? utcTimestamp
        : JSON_OIDS.has(oid)
          ? asText
          : types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
  };
}

class PgSession implements Sql {
  readonly provider = "postgresql" as const;
  constructor(
    private readonly client: pg.Pool | pg.PoolClient,
    private readonly types: pg.CustomTypesConfig,
  ) {}

  private query(text: string, params: Params) {
    return this.client.query({ text: pgText(text), values: params.map(pgValue), types: this.types });
  }
  async get<T extends Row>(text: string, params: Params = []): Promise<T | undefined> {
    return (await this.query(text, params)).rows[0] as T | undefined;
  }
  async all<T extends Row>(text: string, params: Params = []): Promise<T[]> {
    return (await this.query(text, params)).rows as T[];
  }
  async run(text: string, params: Params = []): Promise<number> {
    return (await this.query(text, params)).rowCount ?? 0;
  }
  async insert<T extends Table>(table: T, row: InsertRow<T>): Promise<void> {
    const { text, values } = insertSql(table, row);
    await this.run(text, values);
  }
  async update<T extends Table>(table: T, set: UpdateSet<T>, where: Match<T>): Promise<number> {
    const { text, values } = updateSql(table, set, where);
    return this.run(text, values);
  }
}

export function pgDriver(pool: pg.Pool, types: typeof pg.types): SqlDriver {
  const custom = pgTypes(types);
  return {
    provider: "postgresql",
    session: (fn) => fn(new PgSession(pool, custom)),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query("BEGIN");
        const result = await fn(new PgSession(client, custom));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((e: unknown) => (broken = e));
        throw error;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading values back the same on both databases.

export const asBool = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === "1";
export const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
/** A Json column as read by this driver: JSON text on both databases (NULL stays null). */
export const asJson = <T>(v: unknown): T =>
  v === null || v === undefined ? (null as T) : (JSON.parse(String(v)) as T);
