// Migrations cannot drift from prisma/schema.prisma: both provider folders list the same migrations,
// and applying a folder to an empty database yields exactly the tables, columns, indexes and
// foreign keys Prisma generates from the schema (compared as catalogues, so formatting and
// statement order do not matter). Triggers and other objects Prisma cannot express are ignored.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "@/lib/db/migrate";
import { adminQuery, serverUrl, testTarget } from "../support/test-db";

const root = process.cwd();
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "accord-drift-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  rmSync(dir, { recursive: true, force: true });
});

/** The SQL Prisma generates for the whole schema, from nothing (what the migrations must add up to). */
function generatedSql(provider: "sqlite" | "postgresql", url: string): string {
  const schema = provider === "sqlite" ? "prisma/schema.prisma" : "prisma/postgres/schema.prisma";
  return execFileSync(
    process.execPath,
    [prismaBin, "migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 90_000,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    },
  );
}

const IGNORED_TABLES = new Set(["_accord_migrations", "sqlite_sequence"]);

// Precedent search's full-text index (prisma/migrations/*_conflict_precedent_search), which Prisma
// cannot model: on SQLite the FTS5 table and its shadow tables, on PostgreSQL the tsvector column
// and its GIN index. Exactly these, by name; anything else still has to match the schema.
const FTS_TABLES = new Set(["", "_data", "_idx", "_content", "_docsize", "_config"].map((s) => `ConflictSearch${s}`));
const FTS_COLUMN = { table_name: "Conflict", column_name: "searchVector" };
const FTS_INDEX = { tablename: "Conflict", indexname: "Conflict_searchVector_idx" };
// Deal search's indexes on lower(name) (prisma/migrations/*_deal_name_search, lib/db/deal-search.ts):
// expression indexes, which Prisma cannot model. Exactly these, by name.
const EXPRESSION_INDEXES = new Set(["Opportunity_name_lower_idx", "Account_name_lower_idx"]);

function sqliteCatalogue(file: string): Record<string, unknown> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((t) => !IGNORED_TABLES.has(t) && !FTS_TABLES.has(t));
    return Object.fromEntries(
      tables.map((t) => [
        t,
        {
          columns: db
            .prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`)
            .all(t),
          indexes: (
            db
              .prepare(`SELECT name, "unique", partial FROM pragma_index_list(?) WHERE origin != 'pk' ORDER BY name`)
              .all(t) as { name: string }[]
          )
            .filter((i) => !EXPRESSION_INDEXES.has(i.name))
            .map((i) => ({
              ...i,
              columns: (
                db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(i.name) as { name: string }[]
              ).map((c) => c.name),
            })),
          foreignKeys: db
            .prepare(
              `SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`,
            )
            .all(t),
        },
      ]),
    );
  } finally {
    db.close();
  }
}

async function postgresCatalogue(url: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    const isFts = (row: Record<string, unknown>, match: Record<string, string>) =>
      Object.entries(match).every(([k, v]) => row[k] === v);
    return {
      enums: await q(
        `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN
          pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
      ),
      columns: await q(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_accord_migrations' ORDER BY table_name, column_name`,
      ).then((rows) => rows.filter((r) => !isFts(r, FTS_COLUMN))),
      indexes: await q(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_accord_migrations' ORDER BY tablename, indexname`,
      ).then((rows) => rows.filter((r) => !isFts(r, FTS_INDEX) && !EXPRESSION_INDEXES.has(String(r.indexname)))),
      constraints: await q(
        `SELECT c.conrelid::regclass::text AS tbl, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
         WHERE n.nspname = 'public' AND c.conrelid <> 0 AND c.conrelid::regclass::text NOT IN ('_accord_migrations', '"_accord_migrations"') ORDER BY 1, 2`,
      ),
    };
  } finally {
    await client.end();
  }
}

describe("migrations and schema.prisma", () => {
  it("both providers have the same migrations, in the same order", () => {
    const names = (folder: string) =>
      readdirSync(path.join(root, folder), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    expect(names("prisma/postgres/migrations")).toEqual(names("prisma/migrations"));
    expect(loadMigrations("postgresql").map((m) => m.name)).toEqual(loadMigrations("sqlite").map((m) => m.name));
  });

  it.runIf(testTarget() === "sqlite")(
    "SQLite: the migrations build exactly the schema's tables, columns, indexes and keys",
    async () => {
      const migrated = path.join(dir, "migrated.db");
      await migrate(`file:${migrated}`);
      const generated = path.join(dir, "generated.db");
      const db = new Database(generated);
      db.exec(generatedSql("sqlite", `file:${path.join(dir, "cli.db")}`));
      db.close();
      expect(sqliteCatalogue(migrated)).toEqual(sqliteCatalogue(generated));
    },
  );

  it.runIf(testTarget() === "postgresql")(
    "PostgreSQL: the migrations build exactly the schema's tables, columns, indexes and keys",
    async () => {
      const suffix = `${process.pid}_${Date.now().toString(36)}`;
      const [a, b] = [`drift_migrated_${suffix}`, `drift_generated_${suffix}`];
      for (const name of [a, b]) {
        await adminQuery(`CREATE DATABASE "${name}"`);
        cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
      await migrate(serverUrl(a));
      const client = new pg.Client({ connectionString: serverUrl(b) });
      await client.connect();
      await client.query(generatedSql("postgresql", serverUrl(b)));
      await client.end();
      expect(await postgresCatalogue(serverUrl(a))).toEqual(await postgresCatalogue(serverUrl(b)));
    },
  );
});
