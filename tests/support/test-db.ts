// Real databases for tests: a SQLite file per test file, or — when TEST_DATABASE_URL names a
// PostgreSQL server — a database per test file on that server. Both are cloned from a template
// that global setup migrated and seeded once (copying a file / CREATE DATABASE … TEMPLATE is far
// faster than seeding again).
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { providerOf } from "@/lib/db/provider";

export const FIXED_NOW = new Date("2026-11-15T12:00:00.000Z");
export const TEMPLATE_NAME = "accord_template";

export function testTarget(): "sqlite" | "postgresql" {
  const url = process.env.TEST_DATABASE_URL;
  return url && providerOf(url) === "postgresql" ? "postgresql" : "sqlite";
}

// One directory per checkout, so test runs in two clones (or worktrees) never share a template.
const checkout = createHash("sha256").update(path.resolve(__dirname, "../..")).digest("hex").slice(0, 8);
export const sqliteDir = path.join(os.tmpdir(), `accord-tests-${checkout}`);
export const sqliteTemplate = path.join(sqliteDir, "template.db");

export function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the seeded template; returns its URL and a function that drops it. */
export async function cloneTemplate(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, "_")
    .toLowerCase()
    .slice(0, 30)}_${process.pid}_${Date.now().toString(36)}`;
  if (testTarget() === "postgresql") {
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_NAME}"`);
    return { url: serverUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  if (!existsSync(sqliteTemplate))
    throw new Error("The SQLite template is missing: run integration tests through vitest (global setup)");
  mkdirSync(sqliteDir, { recursive: true });
  const file = path.join(sqliteDir, `${name}.db`);
  copyFileSync(sqliteTemplate, file);
  return {
    url: `file:${file}`,
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}
