#!/usr/bin/env node
// Builds the app only when its inputs changed since the last build: a content fingerprint of the
// sources is kept next to the build output.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { generateClients } from "./generate.mjs";
import { bin, root } from "./paths.mjs";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", "generated", ".next", "cli"]);
const STAMP = path.join(root, ".next", "accord-build.json");

function* files(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield p;
    return;
  }
  for (const entry of readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name)) continue;
    yield* files(path.join(p, entry.name));
  }
}

export function fingerprint() {
  const hash = createHash("sha256");
  for (const input of INPUTS)
    for (const f of files(input))
      hash
        .update(f)
        .update("\0")
        .update(readFileSync(path.join(root, f)))
        .update("\0");
  return hash.digest("hex");
}

export function isBuildCurrent() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(STAMP)) return false;
  if (
    !existsSync(path.join(root, "lib/db/generated/sqlite")) ||
    !existsSync(path.join(root, "lib/db/generated/postgres"))
  )
    return false;
  try {
    return JSON.parse(readFileSync(STAMP, "utf8")).fingerprint === fingerprint();
  } catch {
    return false;
  }
}

export function build({ force = false } = {}) {
  if (!force && isBuildCurrent()) {
    console.log("[build] up to date");
    return;
  }
  const started = Date.now();
  generateClients();
  const print = fingerprint();
  const res = spawnSync(process.execPath, [bin.next, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
  writeFileSync(STAMP, JSON.stringify({ fingerprint: print, builtAt: new Date().toISOString() }));
  console.log(`[build] done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) build({ force: process.argv.includes("--force") });
