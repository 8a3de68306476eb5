// Applies the committed, Prisma-generated SQL migrations (prisma/migrations for SQLite,
// prisma/postgres/migrations for PostgreSQL) in name order, each in its own transaction, under a
// lock so that several instances starting at once migrate exactly once. We run the SQL ourselves
// because `prisma migrate deploy` with driver adapters needs a patched pg adapter and can hang
// ~60 s after success (README "Schema changes"); authoring uses `npm run db:migration`
// (lib/cli/new-migration.mjs, Prisma's differ).
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqlitePath, type Provider } from "./provider";

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; createdDatabase: boolean };

const TABLE = "_accord_migrations";
const LOCK_ID = 4_224_017; // pg_advisory_lock key for migrations

export function loadMigrations(provider: Provider, root = process.cwd()): Migration[] {
  const dir = path.join(root, "prisma", provider === "sqlite" ? "migrations" : "postgres/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkHistory(applied: Map<string, string>, migrations: Migration[]) {
  for (const m of migrations) {
    const sum = applied.get(m.name);
    if (sum && sum !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
    }
  }
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const file = sqlitePath(url);
  const createdDatabase = file !== ":memory:" && !existsSync(file);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 15_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as { name: string; checksum: string }[];
      const done = new Map(rows.map((r) => [r.name, r.checksum]));
      checkHistory(done, migrations);
      const applied: string[] = [];
      for (const m of migrations.filter((m) => !done.has(m.name))) {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(
          m.name,
          m.checksum,
          new Date().toISOString(),
        );
        applied.push(m.name);
      }
      return applied;
    });
    return { applied: run.immediate(), createdDatabase };
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    const exists = await client.query(`SELECT to_regclass('"${TABLE}"') AS t`);
    const createdDatabase = exists.rows[0].t === null;
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const rows = (await client.query(`SELECT name, checksum FROM "${TABLE}"`)).rows as {
      name: string;
      checksum: string;
    }[];
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    checkHistory(done, migrations);
    const applied: string[] = [];
    for (const m of migrations.filter((m) => !done.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES ($1, $2, now())`, [
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(m.name);
    }
    return { applied, createdDatabase };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

export async function migrate(url: string, root = process.cwd()): Promise<MigrateResult> {
  const provider = providerOf(url);
  const migrations = loadMigrations(provider, root);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
