// Registration benchmark (issue 4; not part of the test suite): npx tsx tests/bench/registrations.bench.ts
//
// At the scale docs/domain.md#scale asks for (200,000 accounts, 300,000 registrations, SQLite):
//   1. duplicate lookup (matchAccount) timed at 20,000 and at 200,000 accounts, with the query plans;
//   2. `next start` on loopback, then autocannon at a fixed rate: GET /api/health (the no-op
//      baseline) and POST /api/v1/registrations with a partner API key and a new body per request;
//   3. the app's submitRegistration called in-process on the same bodies, its CPU time and SQL
//      statements counted (how much of a request is the framework, how much the data layer).
// Scaled databases are built once (tests/bench/registrations/scale-seed.ts) and cached as
// data/bench-20k.db and data/bench-200k.db; the HTTP run works on a copy, so every run starts from
// the same data. Targets are reported, not enforced; errors (unexpected statuses, lost rows, a plan
// that scans, a server that does not start) exit non-zero.
//
// Environment: BENCH_SECONDS (60) per measured phase, BENCH_RATE (200 req/s), BENCH_CONNECTIONS (10),
// BENCH_PACING (autocannon | even, see registrations/load.ts), BENCH_WARMUP_SECONDS (min(5, seconds)),
// BENCH_LOOKUPS (5000), BENCH_IN_PROCESS (500 calls), BENCH_PORT (a free one), BENCH_KEEP_DB=1
// keeps data/bench-200k.run.db.
import "./registrations/server-only"; // first: lets app modules that import "server-only" load here
import { spawnSync } from "node:child_process";
import { copyFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "@/lib/db/migrate";
import type { Vertical } from "@/lib/rules/types";
import { SETTING_KEYS } from "@/lib/settings";
import { root } from "../../lib/cli/paths.mjs";
import { prng } from "./rules/generate";
import { fmt, table } from "./rules/harness";
import { runPhase, type Pacing, type PhaseOptions, type PhaseResult } from "./registrations/load";
import { profileSubmit, type InProcess } from "./registrations/in-process";
import { benchLookups, type LookupResult } from "./registrations/lookup";
import { ensureScaledDb, iso, removeDb, SCALES } from "./registrations/scale-seed";
import { freePort, startServer, type Server } from "./registrations/server";
import { makeWorkload, type ExistingAccount, type PartnerKey } from "./registrations/workload";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PACING = (process.env.BENCH_PACING ?? "autocannon") as Pacing;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? Math.min(5, SECONDS));
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 5_000);
const IN_PROCESS_CALLS = Number(process.env.BENCH_IN_PROCESS ?? 500);
const KEEP_DB = process.env.BENCH_KEEP_DB === "1";
const EXISTING_SHARE = 0.2;
const API_KEY_PARTNERS = 4;
const REGISTER_PATH = "/api/v1/registrations";

const errors: string[] = [];
let server: Server | null = null;

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const micros = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} µs`;
const pct = (x: number) => `${Math.round(100 * x)}%`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

/** Partner API keys made the way the app makes them (generateApiKey/hashApiKey), stored hashed. */
async function addApiKeys(db: Database.Database): Promise<PartnerKey[]> {
  const { generateApiKey, hashApiKey } = await import("@/lib/db/api-keys");
  const partners = db
    .prepare(
      `SELECT p.id, p.name, (SELECT u.id FROM "User" u WHERE u.partnerId = p.id ORDER BY u.id LIMIT 1) AS userId
       FROM "Partner" p WHERE p.status = 'ACTIVE' AND p.managerId IS NOT NULL ORDER BY p.id LIMIT ?`,
    )
    .all(API_KEY_PARTNERS) as { id: string; name: string; userId: string | null }[];
  const insert = db.prepare(
    `INSERT INTO "ApiKey" (id, name, prefix, keyHash, scope, partnerId, createdById, createdAt) VALUES (?, ?, ?, ?, 'PARTNER', ?, ?, ?)`,
  );
  return partners.map((p, i) => {
    const { key, prefix } = generateApiKey();
    insert.run(
      `cbkey${String(i + 1).padStart(4, "0")}`,
      "Registration benchmark",
      prefix,
      hashApiKey(key),
      p.id,
      p.userId,
      iso(Date.now()),
    );
    return { partnerId: p.id, partnerName: p.name, userId: p.userId, key };
  });
}

/**
 * Turns the per-key API rate limit off (api.rateLimitPerMinute = 0, lib/db/api-keys.ts) in the run
 * copy only: the load is a few keys at RATE req/s, far above the default 600 a minute per key, and
 * the benchmark measures registration, not how fast 429s come back.
 */
function disableApiRateLimit(db: Database.Database) {
  db.prepare(
    `INSERT INTO "AppSetting" ("key", "value", "updatedAt") VALUES (?, ?, ?)
     ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`,
  ).run(SETTING_KEYS.apiRateLimitPerMinute, JSON.stringify(0), iso(Date.now()));
}

/** Accounts the load generator names again (the "existing" 20%), drawn evenly from the whole table. */
function sampleAccounts(db: Database.Database, count: number): ExistingAccount[] {
  const r = prng(77);
  const maxRowid = (db.prepare(`SELECT max(rowid) AS m FROM "Account"`).get() as { m: number }).m;
  const byRowid = db.prepare(
    `SELECT name, nameKey, domain, domainKey, country, vertical FROM "Account" WHERE rowid = ?`,
  );
  const out: ExistingAccount[] = [];
  while (out.length < count) {
    const row = byRowid.get(1 + Math.floor(r() * maxRowid)) as (ExistingAccount & { vertical: Vertical }) | undefined;
    if (row) out.push(row);
  }
  return out;
}

function registrationOutcome(status: number, body: string): string {
  try {
    const json = JSON.parse(body) as { conflict?: { type: string }; error?: { code: string } };
    if (status === 201) return json.conflict ? `201 ${json.conflict.type}` : "201 no conflict";
    return `${status} ${json.error?.code ?? ""}`.trim();
  } catch {
    return `${status} (not JSON)`;
  }
}

function check(result: PhaseResult) {
  if (result.unexpected > 0)
    errors.push(`${result.name}: ${result.unexpected} unexpected responses, e.g. ${result.unexpectedSamples[0]}`);
  if (result.errors > 0 || result.timeouts > 0)
    errors.push(`${result.name}: ${result.errors} connection errors, ${result.timeouts} timeouts`);
  if (result.completed === 0) errors.push(`${result.name}: no responses`);
}

async function main() {
  // app modules imported below (api-keys, registration-submit) build the app's Prisma client from
  // DATABASE_URL on import and connect on first use: only the in-process step uses it, on the run copy
  const runFile = path.join(root, "data/bench-200k.run.db");
  process.env.DATABASE_URL = `file:${runFile}`;
  const cpu = os.cpus();
  console.log(
    `Accord registration benchmark — node ${process.version}, ${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length}`,
  );
  console.log(`load average (1/5/15 min) at start: ${load()}`);
  console.log(
    `HTTP: ${SECONDS} s per endpoint at ${RATE} req/s over ${CONNECTIONS} connections (pacing: ${PACING}), ` +
      `${WARMUP_SECONDS} s warm-up each; lookups: ${fmt.int(LOOKUPS)} per size\n`,
  );

  // 1. the scaled databases
  const dataRows: string[][] = [];
  for (const scale of [SCALES.small, SCALES.large]) {
    const { file, builtMs } = ensureScaledDb(scale);
    const { applied } = await migrate(`file:${file}`);
    if (applied.length) console.log(`[seed] ${scale.label}: applied ${applied.join(", ")}`);
    const mb = statSync(file).size / 1024 / 1024;
    dataRows.push([
      scale.file,
      fmt.int(scale.accounts),
      fmt.int(scale.registrations),
      `${mb.toFixed(0)} MB`,
      builtMs === null ? "reused" : `built in ${(builtMs / 1000).toFixed(1)} s`,
    ]);
  }
  console.log(table(["database", "accounts", "registrations", "size", "cache"], dataRows));

  // 2. duplicate lookup at both sizes, before any HTTP load
  console.log(
    `\n[lookup] ${fmt.int(LOOKUPS)} matchAccount lookups per size (40% by domain, 40% by name, 20% unknown) …`,
  );
  const lookups: [string, LookupResult][] = [];
  for (const scale of [SCALES.small, SCALES.large])
    lookups.push([scale.label, await benchLookups(path.join(root, scale.file), LOOKUPS)]);
  for (const [label, l] of lookups) {
    if (l.mismatches) errors.push(`lookup ${label}: matchAccount and the raw queries disagree on ${l.mismatches} keys`);
    for (const plan of l.plans)
      if (!plan.indexed) errors.push(`lookup ${label}: the plan does not search an index: ${plan.detail.join("; ")}`);
    if (l.plans.length < 2)
      errors.push(`lookup ${label}: expected the domain and the name query, saw ${l.plans.length}`);
  }

  // 3. the server on a copy of the 200k database
  const build = spawnSync(process.execPath, [path.join(root, "lib/cli/build.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`lib/cli/build.mjs failed (exit ${build.status})`);
  removeDb(runFile);
  copyFileSync(path.join(root, SCALES.large.file), runFile);
  const db = new Database(runFile, { timeout: 15_000 });
  const keys = await addApiKeys(db);
  disableApiRateLimit(db);
  const existing = sampleAccounts(db, 20_000);
  const productLines = (db.prepare(`SELECT name FROM "ProductLine" ORDER BY name`).all() as { name: string }[]).map(
    (p) => p.name,
  );
  db.close();
  if (keys.length === 0) throw new Error("no active partner with a manager to give an API key to");
  const runTag = Date.now().toString(36);
  const workload = makeWorkload({ existing, keys, productLines, runTag, existingShare: EXISTING_SHARE });

  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  console.log(`\n[server] node lib/cli/start.mjs on 127.0.0.1:${port} against ${path.relative(root, runFile)} …`);
  const startedAt = Date.now();
  server = await startServer({ dbFile: runFile, port });
  console.log(
    `[server] healthy after ${((Date.now() - startedAt) / 1000).toFixed(1)} s; API keys for ${keys.map((k) => k.partnerName).join(", ")}`,
  );

  const health = (name: string, seconds: number, rate: number): PhaseOptions => ({
    name,
    server: server!,
    seconds,
    rate,
    connections: CONNECTIONS,
    pacing: PACING,
    method: "GET",
    path: "/api/health",
    expected: [200],
  });
  const register = (name: string, seconds: number, rate: number, phase: string): PhaseOptions => ({
    name,
    server: server!,
    seconds,
    rate,
    connections: CONNECTIONS,
    pacing: PACING,
    method: "POST",
    path: REGISTER_PATH,
    next: workload(phase),
    expected: [201, 409],
    outcome: registrationOutcome, // 409: this partner already holds the claim
  });

  if (WARMUP_SECONDS > 0) {
    console.log(`[warm-up] ${WARMUP_SECONDS} s of each endpoint at ${Math.min(RATE, 50)} req/s`);
    for (const opts of [
      health("warm-up health", WARMUP_SECONDS, Math.min(RATE, 50)),
      register("warm-up register", WARMUP_SECONDS, Math.min(RATE, 50), "warm"),
    ]) {
      const w = await runPhase(opts);
      if (w.unexpected > w.completed / 2)
        throw new Error(
          `${w.name}: ${w.unexpected} of ${w.completed} responses unexpected, e.g.\n  ${w.unexpectedSamples.join("\n  ")}`,
        );
    }
  }
  console.log(`[measure] GET /api/health for ${SECONDS} s … (load ${load()})`);
  const h = await runPhase(health("GET /api/health", SECONDS, RATE));
  console.log(`[measure] POST ${REGISTER_PATH} for ${SECONDS} s … (load ${load()})`);
  const reg = await runPhase(register(`POST ${REGISTER_PATH}`, SECONDS, RATE, "measure"));
  console.log(`[measure] done (load ${load()})`);
  check(h);
  check(reg);
  await server.stop();
  server = null;

  // every 201 is a row: count the registrations the measured phase wrote
  const verify = new Database(runFile, { readonly: true });
  const written = (
    verify
      .prepare(`SELECT count(*) AS n FROM "DealRegistration" WHERE idempotencyKey LIKE ?`)
      .get(`bench-${runTag}-measure-%`) as { n: number }
  ).n;
  const total = (verify.prepare(`SELECT count(*) AS n FROM "DealRegistration"`).get() as { n: number }).n;
  verify.close();
  const created = reg.statuses.get(201) ?? 0;
  if (written < created)
    errors.push(`register: ${fmt.int(created)} answered 201 but only ${fmt.int(written)} rows were written`);

  console.log(`[in-process] ${fmt.int(IN_PROCESS_CALLS)} submitRegistration calls without HTTP …`);
  const inProcess = IN_PROCESS_CALLS > 0 ? await profileSubmit(workload("inproc"), keys, IN_PROCESS_CALLS) : null;
  if (!KEEP_DB) removeDb(runFile);

  report(lookups, h, reg, inProcess, { written, total, runFile });
}

function report(
  lookups: [string, LookupResult][],
  h: PhaseResult,
  reg: PhaseResult,
  inProcess: InProcess | null,
  db: { written: number; total: number; runFile: string },
) {
  console.log(
    `\nDuplicate lookup — matchAccount (domain, then name; indexed equality, first by createdAt), ${fmt.int(LOOKUPS)} lookups per size:`,
  );
  console.log(
    table(
      ["accounts", "via", "mean", "p50", "p95", "p99", "hits"],
      lookups.flatMap(([, l]) => [
        [
          fmt.int(l.accounts),
          "app matchAccount",
          micros(l.app.mean),
          micros(l.app.p50),
          micros(l.app.p95),
          micros(l.app.p99),
          fmt.int(l.hits),
        ],
        [
          fmt.int(l.accounts),
          "same SQL, better-sqlite3",
          micros(l.raw.mean),
          micros(l.raw.p50),
          micros(l.raw.p95),
          micros(l.raw.p99),
          fmt.int(l.hits),
        ],
      ]),
    ),
  );
  const [small, large] = [lookups[0][1], lookups[1][1]];
  console.log(
    `200k ÷ 20k (mean): ${fmt.x(large.app.mean / small.app.mean)} through the app, ` +
      `${fmt.x(large.raw.mean / small.raw.mean)} bare SQLite (a scan would be ~10×)`,
  );
  console.log(`\nQuery plans of the SQL the app sent (200k accounts):`);
  for (const plan of large.plans)
    console.log(
      `  ${plan.indexed ? "✓" : "✗"} ${plan.sql.replace(/\s+/g, " ")}\n      ${plan.detail.join("\n      ")}`,
    );

  console.log(
    `\nHTTP at ${RATE} req/s for ${SECONDS} s, ${CONNECTIONS} connections, pacing ${PACING} (latency per response, ms):`,
  );
  const row = (r: PhaseResult) => [
    r.name,
    fmt.int(r.completed),
    r.rps.toFixed(1),
    ms(r.latency.p50),
    ms(r.latency.p95),
    ms(r.latency.p99),
    ms(r.latency.max),
    fmt.int(r.completed - (r.statuses.get(200) ?? 0) - (r.statuses.get(201) ?? 0)),
    fmt.int(r.unexpected + r.errors + r.timeouts),
  ];
  console.log(
    table(["endpoint", "responses", "req/s", "p50", "p95", "p99", "max", "non-2xx", "errors"], [row(h), row(reg)]),
  );
  console.log(`\nCPU while measuring (machine: ${os.cpus().length} cores, shared):`);
  const cpuRow = (r: PhaseResult) => [
    r.name,
    `${r.serverCpuMsPerRequest.toFixed(2)} ms`,
    `${r.serverCores.toFixed(2)} cores`,
    pct(r.machineBusy),
    `${r.load1[0].toFixed(2)} → ${r.load1[1].toFixed(2)}`,
  ];
  console.log(
    table(
      ["endpoint", "server CPU / request", "server used", "machine busy", "load avg (1 min)"],
      [cpuRow(h), cpuRow(reg)],
    ),
  );
  console.log(`\nRegistration outcomes (${fmt.int(EXISTING_SHARE * 100)}% of requests name an existing account):`);
  const outcomes = [...reg.outcomes.entries()].sort((a, b) => b[1] - a[1]);
  console.log(
    table(
      ["request: response", "count"],
      outcomes.map(([k, v]) => [k, fmt.int(v)]),
    ),
  );
  console.log(
    `rows written by the measured phase: ${fmt.int(db.written)}; DealRegistration rows now: ` +
      `${fmt.int(db.total)}${KEEP_DB ? ` (kept: ${path.relative(root, db.runFile)})` : ""}`,
  );
  if (inProcess) {
    const share = inProcess.cpuMs / reg.serverCpuMsPerRequest;
    console.log(
      `\nsubmitRegistration in-process (no HTTP), ${fmt.int(inProcess.calls)} calls: ` +
        `${inProcess.cpuMs.toFixed(2)} ms CPU and ${inProcess.wallMs.toFixed(2)} ms wall per call, ` +
        `${inProcess.statements.toFixed(1)} SQL statements per call — ${pct(share)} of the server's CPU per registration request` +
        ` (${fmt.int(1000 / inProcess.cpuMs)} registrations per CPU-second at most, one Node process)`,
    );
  }

  const ratio = reg.latency.p95 / h.latency.p95;
  const fullRun = SECONDS >= 60 && RATE >= 200;
  const targets: [string, boolean, string][] = [
    [
      `register p95 < 100 ms at 200 req/s for 60 s${fullRun ? "" : " (this run is shorter or slower: indicative only)"}`,
      reg.latency.p95 < 100 && fullRun,
      `p95 ${ms(reg.latency.p95)} at ${reg.rps.toFixed(1)} req/s over ${SECONDS} s`,
    ],
    ["register p95 ≤ 3× the no-op's", ratio <= 3, `${ms(reg.latency.p95)} ÷ ${ms(h.latency.p95)} = ${fmt.x(ratio)}`],
    [`sustains the offered ${RATE} req/s (≥ 95%)`, reg.rps >= 0.95 * RATE, `${reg.rps.toFixed(1)} req/s`],
    [
      "duplicate lookup independent of size (200k mean ≤ 2× 20k)",
      large.app.mean <= 2 * small.app.mean && large.raw.mean <= 2 * small.raw.mean,
      `${micros(small.app.mean)} → ${micros(large.app.mean)} (app)`,
    ],
  ];
  console.log("\nTargets:");
  for (const [name, met, value] of targets) console.log(`  ${met ? "✓ met   " : "✗ MISSED"}  ${name}: ${value}`);
}

async function shutdown(code: number) {
  if (server) await server.stop().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

main()
  .then(async () => {
    if (errors.length) {
      console.error(`\n${errors.length} error(s):\n  ${errors.join("\n  ")}`);
      await shutdown(1);
    }
    await shutdown(0);
  })
  .catch(async (error) => {
    console.error("\nThe benchmark failed:", error instanceof Error ? error.message : error);
    await shutdown(1);
  });
