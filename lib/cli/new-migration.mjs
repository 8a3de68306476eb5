#!/usr/bin/env node
// `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes the migration for
// both providers (prisma/migrations and prisma/postgres/migrations) from the difference between the
// committed schema (or `--from <git rev>`) and the working one, with Prisma's own differ, then
// regenerates the clients. The PostgreSQL differ needs a reachable server: TEST_DATABASE_URL when it
// names one, else a throwaway cluster started here (lib/cli/pg-cluster.sh). The drift check
// (tests/integration/migration-drift.test.ts) then proves the folders add up to the schema.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateClients, toPostgresSchema } from "./generate.mjs";
import { root } from "./paths.mjs";
import { startPostgres } from "./system-deps.mjs";

const args = process.argv.slice(2);
const fromAt = args.indexOf("--from");
const rev = fromAt >= 0 ? args.splice(fromAt, 2)[1] : "HEAD";
const name = args[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name> [--from <git rev>]");
  process.exit(2);
}

const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "accord-migration-"));
const oldSqlite = path.join(tmp, "old.prisma");
const oldPostgres = path.join(tmp, "old-pg.prisma");
const before = execFileSync("git", ["show", `${rev}:prisma/schema.prisma`], { cwd: root, encoding: "utf8" });
writeFileSync(oldSqlite, before);
writeFileSync(oldPostgres, toPostgresSchema(before));
generateClients(); // also writes prisma/postgres/schema.prisma from the working schema

function diff(from, to, url) {
  return execFileSync(
    process.execPath,
    [prismaBin, "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    },
  );
}

let cluster = null;
try {
  const sqliteSql = diff(oldSqlite, "prisma/schema.prisma", `file:${path.join(tmp, "differ.db")}`);
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sqliteSql)) {
    console.error(`prisma/schema.prisma does not differ from ${rev}: nothing to migrate.`);
    process.exit(1);
  }
  let pgUrl = /^postgres/.test(process.env.TEST_DATABASE_URL ?? "") ? process.env.TEST_DATABASE_URL : null;
  if (!pgUrl) {
    cluster = await startPostgres();
    if (!cluster)
      throw new Error("PostgreSQL is needed to write the PostgreSQL migration: install it or set TEST_DATABASE_URL");
    pgUrl = cluster.url;
  }
  const postgresSql = diff(oldPostgres, "prisma/postgres/schema.prisma", pgUrl);
  const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  for (const [dir, sql] of [
    ["prisma/migrations", sqliteSql],
    ["prisma/postgres/migrations", postgresSql],
  ]) {
    mkdirSync(path.join(root, dir, folder), { recursive: true });
    writeFileSync(path.join(root, dir, folder, "migration.sql"), sql);
    console.log(`wrote ${dir}/${folder}/migration.sql (${sql.split("\n").length} lines)`);
  }
  console.log(
    "Add any data backfill to both files by hand, then run the drift check: npx vitest run --project integration tests/integration/migration-drift.test.ts",
  );
} finally {
  cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
