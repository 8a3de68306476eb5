// Simulation benchmark (issue 15; not part of the test suite): npm run bench:simulation
//
// On the scaled database of tests/bench/council/scale-seed.ts (1,000,000 opportunities; the ~60% the
// engine routed carry their route decision's facts), it simulates a draft that narrows rule 70 to
// "under $150K" over the whole history against the rule set in force, and times, p50/p95 over
// BENCH_RUNS rounds after one warm-up round (each round runs each of these once, in turn, so that on a
// shared machine each is measured under the same load as the bare read beside it):
//   - end to end over HTTP: POST /api/v1/rulesets/{draft}/simulations on the built app (`next start`
//     through lib/cli/start.mjs, an ops session cookie), reading the NDJSON stream to its result line,
//   - in-process: prepareSimulation + run (lib/db/simulation.ts),
//   - the bare read of the same rows: the same keyset statements through the driver, same columns,
//     rows discarded (no JSON parsing, no evaluation) — the floor any simulation pays,
// and prints each one's ratio to the bare read, the rows, the progress lines, and the RSS peaks of
// the server and of this process (target: ≤ 10 s end to end on SQLite, < 512 MB). Targets are
// reported, not enforced: the bench exits non-zero only when something fails or the runs disagree.
//
// Environment: BENCH_DATABASE_URL (postgresql://… to run on PostgreSQL), BENCH_RUNS (default 5),
// BENCH_SCALE (0.02 = a quick try; its own SQLite file), BENCH_RESEED=1, BENCH_HTTP=0 (in-process only:
// no `npm run build` needed), BENCH_PORT.
import "./registrations/server-only"; // first: lets app modules that import "server-only" load here
import os from "node:os";
import path from "node:path";
import { root } from "../../lib/cli/paths.mjs";
import { percentile, table } from "./rules/harness";
import { finish, groupRss, sessionCookie } from "./council/http";
import { ensureCouncilDb } from "./council/scale-seed";
import { BENCH_AUTH_SECRET, freePort, startServer } from "./registrations/server";
import { postSimulation } from "./simulation/stream";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARMUP = 1;
const PG_URL = process.env.BENCH_DATABASE_URL;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const HTTP = process.env.BENCH_HTTP !== "0";
const DRAFT_NOTE = "bench:simulation — rule 70 narrowed to under $150K";
const errors: string[] = [];

type Timing = { name: string; p50: number; p95: number; rows: number };

type Contender = { name: string; fn: () => Promise<number> };

/**
 * Rounds of one run of each contender in turn (after WARMUP rounds), so that on a shared machine each
 * is measured under the same load as the bare read beside it. `fn` returns the rows it went through;
 * every run of every contender must go through the same number.
 */
async function timeRounds(contenders: Contender[]): Promise<{ timings: Timing[]; loads: number[] }> {
  const samples = contenders.map(() => [] as number[]);
  const loads: number[] = [];
  let rows = -1;
  for (let round = 0; round < WARMUP + RUNS; round++) {
    loads.push(os.loadavg()[0]);
    for (const [k, c] of contenders.entries()) {
      const t0 = performance.now();
      const n = await c.fn();
      if (round >= WARMUP) samples[k].push(performance.now() - t0);
      if (rows >= 0 && n !== rows) throw new Error(`${c.name} went through ${n} rows, an earlier run ${rows}`);
      rows = n;
    }
  }
  const timings = contenders.map((c, k) => {
    const sorted = samples[k].sort((a, b) => a - b);
    return { name: c.name, p50: percentile(sorted, 50), p95: percentile(sorted, 95), rows };
  });
  return { timings, loads };
}

async function main() {
  const file = path.join("data", SCALE === 1 ? "bench-council.db" : `bench-council-${SCALE}.db`);
  const provider = PG_URL ? "postgresql" : "sqlite";
  console.log(
    `Simulation benchmark on ${provider} at scale ${SCALE}, ${RUNS} timed runs each (after ${WARMUP} warm-up)`,
  );
  console.log(`machine: ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)} at start`);
  const { builtMs } = await ensureCouncilDb(PG_URL ?? `file:${file}`);
  console.log(builtMs === null ? "seed: cached database reused" : `seed: built in ${(builtMs / 1000).toFixed(0)} s`);
  process.env.DATABASE_URL = PG_URL ?? `file:${path.join(root, file)}`;
  const { db } = await import("@/lib/db/client");
  const { loadSessionContext } = await import("@/lib/db/users");
  const { createDraft, saveDraft } = await import("@/lib/db/rule-set-writes");
  const { findRuleSet } = await import("@/lib/db/rule-sets");
  const { prepareSimulation } = await import("@/lib/db/simulation");
  const { bareRead } = await import("./simulation/bare");

  const ops = await db.user.findFirstOrThrow({
    where: { role: "ADMIN", active: true },
    select: { id: true, email: true, name: true },
    orderBy: { id: "asc" },
  });
  const ctx = (await loadSessionContext(ops.id))!;
  // the draft: made once per database, found again on later runs
  let draft = await db.ruleSet.findFirst({ where: { status: "DRAFT", changeNote: DRAFT_NOTE }, select: { id: true } });
  if (!draft) {
    const { id } = await createDraft(ctx);
    const set = (await findRuleSet(ctx, id))!;
    await saveDraft(ctx, {
      id,
      lockVersion: set.lockVersion,
      changeNote: DRAFT_NOTE,
      rules: set.engine.rules.map((r) =>
        r.priority === 70
          ? { ...r, name: "Under $150K ACV", conditions: [{ field: "acv", op: "lt", value: 15_000_000 }] }
          : r,
      ),
      defaultOutcome: set.engine.defaultOutcome,
    });
    draft = { id };
  }
  const period = { from: new Date("2000-01-01T00:00:00Z"), to: new Date("2100-01-01T00:00:00Z") };
  const body = { from: period.from.toISOString(), to: period.to.toISOString(), baseline: "CURRENT_RULE_SET" as const };

  let summary = "";
  const inProcess = async () => {
    const simulation = await prepareSimulation(ctx, draft.id, { ...period, baseline: "CURRENT_RULE_SET" });
    let batches = 0;
    const report = (await simulation.run(() => batches++))!;
    summary =
      `${report.totalDeals.toLocaleString("en-US")} deals, ${report.changedDeals.toLocaleString("en-US")} change route ` +
      `in ${batches} batches; ${report.warnings.length} warning(s)` +
      (report.warnings[0]
        ? `, the first: rule ${report.warnings[0].rule.priority} → ${report.warnings[0].to?.priority ?? "default"}, ` +
          `${report.warnings[0].deals.toLocaleString("en-US")} deals`
        : "");
    return report.totalDeals;
  };
  const bare = () => bareRead(period.from, period.to);

  const contenders: Contender[] = [
    { name: "bare read (same statements, rows discarded)", fn: bare },
    { name: "in-process: prepareSimulation + run", fn: inProcess },
  ];
  const server = HTTP
    ? await startServer({
        dbFile: path.join(root, file),
        databaseUrl: PG_URL,
        port: Number(process.env.BENCH_PORT ?? (await freePort())),
        timeoutMs: 300_000,
      })
    : null;
  let lines = 0;
  if (server) {
    const cookie = await sessionCookie(ops, BENCH_AUTH_SECRET);
    const url = `${server.url}/api/v1/rulesets/${draft.id}/simulations`;
    contenders.push({
      name: "POST /api/v1/rulesets/{draft}/simulations",
      fn: async () => {
        const r = await postSimulation(url, server.url, cookie, body);
        lines = r.progressLines;
        return r.totalDeals;
      },
    });
  }
  let timings: Timing[] = [];
  let serverMem: { rss: number; peak: number } | null = null;
  try {
    const measured = await timeRounds(contenders);
    timings = measured.timings;
    console.log(`simulation: ${summary}`);
    if (server) console.log(`HTTP: ${lines} progress lines per simulation`);
    const loads = measured.loads.map((l) => l.toFixed(1));
    console.log(`load (1 min) at the start of each round: ${loads.join(", ")}`);
    if (server) serverMem = groupRss(server.pid);
  } catch (error) {
    errors.push(`${(error as Error).message}${server ? `\n${server.log().split("\n").slice(-20).join("\n")}` : ""}`);
  } finally {
    await server?.stop();
  }
  const [bareTiming, ...rows] = timings;

  const ms = (x: number) => (Number.isNaN(x) ? "failed" : `${x.toFixed(0)} ms`);
  console.log(
    table(
      ["timed", "p50", "p95", "bare p50", "bare p95", "ratio p50", "rows", "target ≤ 10 s"],
      (bareTiming ? rows : []).map((a) => [
        a.name,
        ms(a.p50),
        ms(a.p95),
        ms(bareTiming.p50),
        ms(bareTiming.p95),
        `${(a.p50 / bareTiming.p50).toFixed(2)}×`,
        a.rows.toLocaleString("en-US"),
        a.p50 <= 10_000 ? "ok" : "MISSED",
      ]),
    ),
  );
  await finish(serverMem, errors, () => db.$disconnect());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
