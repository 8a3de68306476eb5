#!/usr/bin/env node
// Derives the PostgreSQL schema from the single source (prisma/schema.prisma, SQLite) and generates
// both Prisma clients under lib/db/generated/. Run by the build; safe to run any time.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");

/** The PostgreSQL variant of a schema written for SQLite (provider and client output swapped). */
export function toPostgresSchema(source) {
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/db/generated/sqlite"', 'output     = "../../lib/db/generated/postgres"')
    .replace(
      /^\/\/ This file targets SQLite;.*\n/m,
      "// GENERATED from ../schema.prisma by lib/cli/generate.mjs: do not edit.\n",
    );
  if (!derived.includes('provider = "postgresql"') || !derived.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the datasource/generator lines generate.mjs rewrites");
  }
  return derived;
}

export function derivePostgresSchema() {
  const derived = toPostgresSchema(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
  mkdirSync(path.join(root, "prisma/postgres"), { recursive: true });
  writeFileSync(path.join(root, "prisma/postgres/schema.prisma"), derived);
}

export function generateClients() {
  derivePostgresSchema();
  for (const url of ["file:./data/accord.db", "postgresql://localhost:5432/accord"]) {
    execFileSync(process.execPath, [prismaBin, "generate"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateClients();
  console.log("Generated Prisma clients for SQLite and PostgreSQL.");
}
