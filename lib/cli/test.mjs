#!/usr/bin/env node
// `npm test`: every test. Unit tests, integration tests on SQLite (and on PostgreSQL as well when
// TEST_DATABASE_URL points at a server), then Playwright end-to-end tests against `next start`.
import { spawnSync } from "node:child_process";
import { build } from "./build.mjs";
import { bin, root } from "./paths.mjs";
import { chromiumPath, startPostgres } from "./system-deps.mjs";

const steps = [];

function run(label, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${label} ━━`);
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  steps.push({ label, ok: res.status === 0, seconds });
  if (res.status !== 0) {
    summary();
    process.exit(res.status ?? 1);
  }
}

function summary() {
  console.log("\n━━ summary ━━");
  for (const s of steps) console.log(`${s.ok ? "✔" : "✘"} ${s.label} (${s.seconds} s)`);
}

const only = process.argv[2]; // optional: unit | integration | e2e
let pgUrl =
  process.env.TEST_DATABASE_URL && /^postgres/.test(process.env.TEST_DATABASE_URL)
    ? process.env.TEST_DATABASE_URL
    : null;
let cluster = null;
if (!pgUrl && (!only || only === "integration")) {
  cluster = await startPostgres();
  pgUrl = cluster?.url ?? null;
  if (cluster) process.on("exit", () => cluster.stop());
}

if (!only || only === "unit" || only === "integration") {
  // integration tests import the generated clients; build() regenerates them when needed
  build();
}
if (!only || only === "unit") {
  run("lint", [bin.eslint, "--max-warnings=0", "."]);
  run("formatting (Prettier)", [bin.prettier, "--check", "."]);
  run("unused code (knip)", [bin.knip]);
  run("unit tests", [bin.vitest, "run", "--project", "unit"]);
}
if (!only || only === "integration") {
  run("integration tests · SQLite", [bin.vitest, "run", "--project", "integration"], { TEST_DATABASE_URL: "" });
  if (pgUrl)
    run("integration tests · PostgreSQL", [bin.vitest, "run", "--project", "integration"], {
      TEST_DATABASE_URL: pgUrl,
    });
  else
    console.log(
      "(no PostgreSQL server on this machine and none given in TEST_DATABASE_URL: the PostgreSQL run was skipped)",
    );
}
if (!only || only === "e2e") {
  build();
  run("end-to-end tests · Chromium", [bin.playwright, "test"], { CHROMIUM_PATH: chromiumPath() });
}
summary();
