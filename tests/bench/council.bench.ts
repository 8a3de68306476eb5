// Revenue council benchmark (issue 13; not part of the test suite): npm run bench:council
//
// On the scaled database of tests/bench/council/scale-seed.ts (1,000,000 opportunities, 200,000
// accounts, 5,000 partners, 300,000 registrations, 100,000 conflicts), in one run it times, p50/p95
// over BENCH_RUNS calls after warm-up:
//   - getCouncilMetrics (lib/db/council-metrics.ts) and getForecast (lib/db/forecast.ts) in-process,
//     as an EXEC calls them,
//   - beside each, the bare SQL aggregates for the same figures (hand-written GROUP BY queries through
//     the driver): the floor a well-indexed implementation can approach,
// NOT YET: the /exec page's server render and GET /api/v1/council on `next start` with an EXEC session
// and the server's RSS (tests/bench/registrations/server.ts starts the server; left for the integrator).
// Target: each ≤ 2× its bare aggregate; RSS < 512 MB. Reported, not enforced: the bench exits non-zero
// only when something fails.
//
// Environment: BENCH_DATABASE_URL (postgresql://… to run on PostgreSQL; the database is dropped and
// rebuilt when its seed is stale), BENCH_RUNS (default 20), BENCH_SCALE (0.01 = a quick try),
// BENCH_RESEED=1.
import "./registrations/server-only"; // first: lets app modules that import "server-only" load here
import os from "node:os";
import path from "node:path";
import { readFileSync } from "node:fs";
import { root } from "../../lib/cli/paths.mjs";
import { percentile, table } from "./rules/harness";
import { ensureCouncilDb } from "./council/scale-seed";

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

const rssMb = (pid: number | "self") => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) =>
    Number(/(\d+) kB/.exec(status.split("\n").find((l) => l.startsWith(key)) ?? "")?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
};

/** The months and quarter the council shows for `now`: the last full month and the current quarter. */
function periods(now: Date) {
  const m = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = m.toISOString().slice(0, 7);
  const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  return { month, quarter, trendFrom: new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() - 11, 1)) };
}

async function main() {
  const url = PG_URL ?? `file:${path.join("data", "bench-council.db")}`;
  const provider = PG_URL ? "postgresql" : "sqlite";
  console.log(`Council benchmark on ${provider}, ${RUNS} timed calls each (after ${WARMUP} warm-up)`);
  console.log(`machine: ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
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
  process.env.DATABASE_URL = PG_URL ?? `file:${path.join(root, "data", "bench-council.db")}`;
  const { db, sql } = await import("@/lib/db/client");
  const { loadSessionContext } = await import("@/lib/db/users");
  const { getCouncilMetrics } = await import("@/lib/db/council-metrics");
  const { getForecast } = await import("@/lib/db/forecast");
  const exec = await db.user.findFirstOrThrow({
    where: { role: "EXEC" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const ctx = (await loadSessionContext(exec.id))!;
  const now = new Date();
  const { month, quarter, trendFrom } = periods(now);
  const pg = sql.provider === "postgresql";
  const monthOf = (col: string) => (pg ? `to_char(${col}, 'YYYY-MM')` : `substr(${col}, 1, 7)`);
  const days = (a: string, b: string) =>
    pg ? `EXTRACT(EPOCH FROM (${a} - ${b})) / 86400.0` : `julianday(${a}) - julianday(${b})`;
  const from = trendFrom;

  // the council's figures per month (12 months) and route, in GROUP BY queries
  const bareCouncil = () =>
    sql.session(async (s) => {
      await s.all(
        `SELECT ${monthOf(`o."createdAt"`)} AS m, o."route", count(*) AS n, sum(o."acvCents") AS acv,
                sum(CASE WHEN o."source" = 'PARTNER' THEN o."acvCents" ELSE 0 END) AS sourced
         FROM "Opportunity" o WHERE o."createdAt" >= ? GROUP BY 1, 2`,
        [from],
      );
      await s.all(
        `SELECT ${monthOf(`o."closedAt"`)} AS m, o."route", o."stage", count(*) AS n, avg(${days(`o."closedAt"`, `o."createdAt"`)}) AS cycle
         FROM "Opportunity" o WHERE o."closedAt" >= ? AND o."stage" IN ('CLOSED_WON', 'CLOSED_LOST') GROUP BY 1, 2, 3`,
        [from],
      );
      await s.all(
        `SELECT ${monthOf(`c."openedAt"`)} AS m, c."type", c."level", count(*) AS n FROM "Conflict" c WHERE c."openedAt" >= ? GROUP BY 1, 2, 3`,
        [from],
      );
      await s.all(
        `SELECT ${monthOf(`c."resolvedAt"`)} AS m, c."level", count(*) AS n, avg(${days(`c."resolvedAt"`, `c."openedAt"`)}) AS d
         FROM "Conflict" c WHERE c."status" = 'RESOLVED' AND c."resolvedAt" >= ? GROUP BY 1, 2`,
        [from],
      );
      await s.all(
        `SELECT ${monthOf(`r."decidedAt"`)} AS m, r."route", count(*) AS n, avg(${days(`r."decidedAt"`, `r."submittedAt"`)}) AS d,
                sum(CASE WHEN r."decidedAt" <= r."slaDueAt" THEN 1 ELSE 0 END) AS onTime
         FROM "DealRegistration" r WHERE r."decidedAt" >= ? GROUP BY 1, 2`,
        [from],
      );
      await s.all(
        `SELECT ${monthOf(`o."closedAt"`)} AS m, count(*) AS n, sum(o."listPriceCents" - o."acvCents") AS leak
         FROM "Opportunity" o WHERE o."corridorBreach" = ? AND o."stage" = 'CLOSED_WON' AND o."closedAt" >= ? GROUP BY 1`,
        [true, from],
      );
      await s.all(
        `SELECT ${monthOf(`h."respondedAt"`)} AS m, h."status", count(*) AS n FROM "Handoff" h WHERE h."respondedAt" >= ? GROUP BY 1, 2`,
        [from],
      );
    });

  // the forecast: trailing-four-quarter closed deals by category, open deals in the quarter by category x stage
  const qStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  const qEnd = new Date(Date.UTC(qStart.getUTCFullYear(), qStart.getUTCMonth() + 3, 1));
  const yearBefore = new Date(Date.UTC(qStart.getUTCFullYear() - 1, qStart.getUTCMonth(), 1));
  const oneRow = `a."opportunityId" = o."id" AND (a."party" = 'PARTNER' OR o."partnerId" IS NULL)`;
  const bareForecast = () =>
    sql.session(async (s) => {
      await s.all(
        `SELECT a."category", o."stage", count(*) AS n FROM "Opportunity" o JOIN "Attribution" a ON ${oneRow}
         WHERE o."closedAt" >= ? AND o."closedAt" < ? AND o."stage" IN ('CLOSED_WON', 'CLOSED_LOST') GROUP BY 1, 2`,
        [yearBefore, qStart],
      );
      await s.all(
        `SELECT a."category", o."stage", count(*) AS n, sum(o."acvCents") AS acv, sum(o."acvCents" * 1.0 * o."acvCents") AS acv2
         FROM "Opportunity" o JOIN "Attribution" a ON ${oneRow}
         WHERE o."closeDate" >= ? AND o."closeDate" < ? AND o."stage" NOT IN ('CLOSED_WON', 'CLOSED_LOST') GROUP BY 1, 2`,
        [qStart, qEnd],
      );
      await s.all(
        `SELECT a."category", sum(o."acvCents") AS acv FROM "Opportunity" o JOIN "Attribution" a ON ${oneRow}
         WHERE o."stage" = 'CLOSED_WON' AND o."closedAt" >= ? AND o."closedAt" < ? GROUP BY 1`,
        [qStart, qEnd],
      );
    });

  const rows: [Timing, Timing][] = [
    [
      await time(`getCouncilMetrics(${month})`, () => getCouncilMetrics(ctx, month, now)),
      await time("bare council aggregates", bareCouncil),
    ],
    [
      await time(`getForecast(${quarter})`, () => getForecast(ctx, quarter, now)),
      await time("bare forecast aggregates", bareForecast),
    ],
  ];
  const ms = (x: number) => (Number.isNaN(x) ? "failed" : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
  console.log(
    table(
      ["timed", "p50", "p95", "bare p50", "bare p95", "ratio p50", "target ≤ 2×"],
      rows.map(([app, bare]) => [
        app.name,
        ms(app.p50),
        ms(app.p95),
        ms(bare.p50),
        ms(bare.p95),
        `${(app.p50 / bare.p50).toFixed(2)}×`,
        app.p50 <= 2 * bare.p50 ? "ok" : "MISSED",
      ]),
    ),
  );
  const mem = rssMb("self");
  console.log(`bench process RSS ${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB; target < 512 MB)`);
  await db.$disconnect();
  if (errors.length) {
    console.error(`\nErrors:\n- ${errors.join("\n- ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
