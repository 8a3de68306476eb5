// Revenue council benchmark (issue 13; not part of the test suite): npm run bench:council
//
// On the scaled database of tests/bench/council/scale-seed.ts (1,000,000 opportunities, 200,000
// accounts, 5,000 partners, 300,000 registrations, 100,000 conflicts), in one run it times, p50/p95
// over BENCH_RUNS calls after warm-up:
//   - the council page's server render over HTTP (GET /exec?month=… on the built app, `next start`
//     through lib/cli/start.mjs, with an EXEC's next-auth session cookie) and GET /api/v1/council,
//   - getCouncilMetrics (lib/db/council-metrics.ts) and getForecast (lib/db/forecast.ts) in-process,
//   - the bare SQL aggregates for the same figures (tests/bench/council/bare.ts: hand-written GROUP BY
//     queries through the driver that compute the SAME figures; the bench checks they agree),
// and prints each one's ratio to its bare aggregate (target ≤ 2×), the SQL statements per call (no
// query per row) and the server's RSS (target < 512 MB). Targets are reported, not enforced: the
// bench exits non-zero only when something fails or the figures disagree.
//
// Environment: BENCH_DATABASE_URL (postgresql://… to run on PostgreSQL; the database is dropped and
// rebuilt when its seed is stale), BENCH_RUNS (default 20), BENCH_SCALE (0.01 = a quick try; its own
// SQLite file), BENCH_RESEED=1, BENCH_HTTP=0 (in-process only: no `npm run build` needed), BENCH_PORT.
import "./registrations/server-only"; // first: lets app modules that import "server-only" load here
import os from "node:os";
import path from "node:path";
import { root } from "../../lib/cli/paths.mjs";
import { percentile, table } from "./rules/harness";
import { finish, groupRss, sessionCookie, timedGet } from "./council/http";
import { ensureCouncilDb } from "./council/scale-seed";
import { countStatements } from "./council/statements";
import { BENCH_AUTH_SECRET, freePort, startServer } from "./registrations/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const PG_URL = process.env.BENCH_DATABASE_URL;
const errors: string[] = [];

type Timing = { name: string; p50: number; p95: number };

async function time(name: string, fn: () => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      await fn();
      if (i >= WARMUP) samples.push(performance.now() - t0);
    }
  } catch (error) {
    errors.push(`${name}: ${(error as Error).message}`);
    return { name, p50: NaN, p95: NaN };
  }
  samples.sort((a, b) => a - b);
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The month and quarter the council shows for `now`: the last full month and the current quarter. */
function periods(now: Date) {
  const m = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return {
    month: m.toISOString().slice(0, 7),
    quarter: `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`,
  };
}

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const HTTP = process.env.BENCH_HTTP !== "0";

async function main() {
  const file = path.join("data", SCALE === 1 ? "bench-council.db" : `bench-council-${SCALE}.db`);
  const url = PG_URL ?? `file:${file}`;
  const provider = PG_URL ? "postgresql" : "sqlite";
  console.log(`Council benchmark on ${provider} at scale ${SCALE}, ${RUNS} timed calls each (after ${WARMUP} warm-up)`);
  console.log(`machine: ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)} at start`);
  const { report, builtMs } = await ensureCouncilDb(url);
  if (builtMs === null) console.log("seed: cached database reused (BENCH_RESEED=1 rebuilds it)");
  else {
    const rows = report.reduce((s, x) => s + x.rows, 0);
    const ms = report.reduce((s, x) => s + x.ms, 0);
    console.log(
      `seed: built in ${(builtMs / 1000).toFixed(0)} s; bulk rows ${rows.toLocaleString("en-US")} at ` +
        `${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s`,
    );
  }
  process.env.DATABASE_URL = PG_URL ?? `file:${path.join(root, file)}`;
  const { db, sql } = await import("@/lib/db/client");
  const { loadSessionContext } = await import("@/lib/db/users");
  const { getCouncilMetrics } = await import("@/lib/db/council-metrics");
  const { getForecast } = await import("@/lib/db/forecast");
  const { parsePeriod } = await import("@/lib/pricing/period");
  const { parseQuarter } = await import("@/lib/forecast");
  const { bareCouncil, bareForecast, compareCouncil, compareForecast } = await import("./council/bare");
  const exec = await db.user.findFirstOrThrow({
    where: { role: "EXEC", active: true },
    select: { id: true, email: true, name: true },
    orderBy: { id: "asc" },
  });
  const ctx = (await loadSessionContext(exec.id))!;
  const now = new Date();
  const { month, quarter } = periods(now);
  const period = parsePeriod(month)!;
  const q = parseQuarter(quarter)!;

  const app = () => getCouncilMetrics(ctx, month, now);
  const bare = () => sql.session((s) => bareCouncil(s, period));
  const appForecast = () => getForecast(ctx, quarter, now);
  const bareFc = () => sql.session((s) => bareForecast(s, q, now));

  // the floor is honest only if it computes the same figures
  const disagreements = [
    ...compareCouncil(await app(), await bare()),
    ...compareForecast(await appForecast(), await bareFc()),
  ];
  if (disagreements.length) errors.push(`the bare aggregates disagree with the app: ${disagreements.join("; ")}`);
  else console.log("bare aggregates: the same figures as the app (council and forecast)");
  const statements = {
    council: await countStatements(app),
    bareCouncil: await countStatements(bare),
    forecast: await countStatements(appForecast),
    bareForecast: await countStatements(bareFc),
  };

  const bareCouncilTiming = await time("bare council aggregates", bare);
  const rows: [Timing, Timing, string][] = [
    [
      await time(`getCouncilMetrics(${month})`, app),
      bareCouncilTiming,
      `${statements.council} vs ${statements.bareCouncil}`,
    ],
    [
      await time(`getForecast(${quarter})`, appForecast),
      await time("bare forecast aggregates", bareFc),
      `${statements.forecast} vs ${statements.bareForecast}`,
    ],
  ];

  let serverMem: { rss: number; peak: number } | null = null;
  if (HTTP) {
    const server = await startServer({
      dbFile: path.join(root, file),
      databaseUrl: PG_URL,
      port: Number(process.env.BENCH_PORT ?? (await freePort())),
      timeoutMs: 300_000,
    });
    try {
      const cookie = await sessionCookie(exec, BENCH_AUTH_SECRET);
      const page = `${server.url}/exec?month=${month}`;
      const api = `${server.url}/api/v1/council?month=${month}`;
      rows.unshift(
        [
          await time(`GET /exec?month=${month}`, () => timedGet(page, cookie, "Pipeline created")),
          bareCouncilTiming,
          "—",
        ],
        [
          await time(`GET /api/v1/council?month=${month}`, () => timedGet(api, cookie, "pipelineCreated")),
          bareCouncilTiming,
          "—",
        ],
      );
      serverMem = groupRss(server.pid);
    } catch (error) {
      errors.push(`HTTP: ${(error as Error).message}\n${server.log().split("\n").slice(-20).join("\n")}`);
    } finally {
      await server.stop();
    }
  }

  const ms = (x: number) => (Number.isNaN(x) ? "failed" : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
  console.log(
    table(
      ["timed", "p50", "p95", "bare p50", "bare p95", "ratio p50", "target ≤ 2×", "statements (app vs bare)"],
      rows.map(([a, b, st]) => [
        a.name,
        ms(a.p50),
        ms(a.p95),
        ms(b.p50),
        ms(b.p95),
        `${(a.p50 / b.p50).toFixed(2)}×`,
        a.p50 <= 2 * b.p50 ? "ok" : "MISSED",
        st,
      ]),
    ),
  );
  await finish(serverMem, errors, () => db.$disconnect());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
