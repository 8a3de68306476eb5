// Deal search benchmark (issue 15, the decision explorer's picker; not part of the test suite):
// npm run bench -- deal-search
//
// On the council benchmark's database (tests/bench/council/scale-seed.ts: 1,000,000 opportunities,
// 200,000 accounts; cached and shared with `npm run bench:council`), in one run it times, p50/p95
// over the prefixes typed (BENCH_RUNS of each length, from real deal and account names):
//   - searchDeals (lib/db/deal-search.ts) as channel operations (every deal: the lower(name) index
//     ranges) and as the AE with the most deals (their own book through the aeId index),
//   - the bare read of the same page: the hand-written indexed range query through the driver,
//   - for contrast, what a substring search costs: name LIKE '%…%' over the whole table, once per length.
// It checks that every row searchDeals returns starts with the prefix. Figures are reported, not enforced.
//
// Environment: BENCH_DATABASE_URL (postgresql://…), BENCH_SCALE (0.01 = a quick try), BENCH_RUNS (default 20).
import "./registrations/server-only"; // first: lets app modules that import "server-only" load here
import os from "node:os";
import path from "node:path";
import { root } from "../../lib/cli/paths.mjs";
import { percentile, table } from "./rules/harness";
import { ensureCouncilDb } from "./council/scale-seed";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PG_URL = process.env.BENCH_DATABASE_URL;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);

async function timed(fn: () => Promise<unknown>, times: number): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < times + 2; i++) {
    const t0 = performance.now();
    await fn();
    if (i >= 2) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  const file = path.join("data", SCALE === 1 ? "bench-council.db" : `bench-council-${SCALE}.db`);
  const provider = PG_URL ? "postgresql" : "sqlite";
  console.log(`Deal search benchmark on ${provider} at scale ${SCALE}, ${RUNS} prefixes of each length`);
  console.log(`machine: ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)} at start`);
  const { builtMs } = await ensureCouncilDb(PG_URL ?? `file:${file}`);
  console.log(builtMs === null ? "seed: cached database reused" : `seed: built in ${(builtMs / 1000).toFixed(0)} s`);
  process.env.DATABASE_URL = PG_URL ?? `file:${path.join(root, file)}`;
  const { db, sql } = await import("@/lib/db/client");
  const { loadSessionContext } = await import("@/lib/db/users");
  const { searchDeals } = await import("@/lib/db/deal-search");

  const ctxOf = async (where: object) => {
    const user = await db.user.findFirstOrThrow({ where, select: { id: true } });
    return (await loadSessionContext(user.id))!;
  };
  const ops = await ctxOf({ email: "ops@accord.test" });
  const [busiest] = await db.opportunity.groupBy({
    by: ["aeId"],
    where: { aeId: { not: null } },
    _count: { _all: true },
    orderBy: { _count: { aeId: "desc" } },
    take: 1,
  });
  const ae = await ctxOf({ id: busiest.aeId! });
  const total = await db.opportunity.count();
  console.log(
    `${total.toLocaleString("en-US")} deals; the AE searched as has ${busiest._count._all.toLocaleString("en-US")}`,
  );

  // prefixes people type: the start of real deal names (which begin with the account's name)
  const step = Math.max(1, Math.floor(total / RUNS));
  const names: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const row = await db.opportunity.findFirst({ select: { name: true }, orderBy: { id: "asc" }, skip: i * step });
    if (row) names.push(row.name);
  }
  const pg = provider === "postgresql";
  const key = pg ? `(lower("name") COLLATE "C")` : `lower("name")`;
  const bare = (q: string) =>
    sql.session((s) =>
      s.all(
        `SELECT o."id", o."name", a."name" AS "account" FROM "Opportunity" o JOIN "Account" a ON a."id" = o."accountId"
         WHERE ${key.replaceAll('"name"', 'o."name"')} >= lower(?) AND ${key.replaceAll('"name"', 'o."name"')} < lower(?) || ${pg ? "chr" : "char"}(1114111)
         ORDER BY ${key.replaceAll('"name"', 'o."name"')}, o."id" LIMIT 10`,
        [q, q],
      ),
    );
  const substring = (q: string) =>
    sql.session((s) =>
      s.all(`SELECT "id" FROM "Opportunity" WHERE lower("name") LIKE ? ORDER BY lower("name"), "id" LIMIT 10`, [
        `%${q.toLowerCase()}%`,
      ]),
    );

  const rows: string[][] = [];
  let bad = 0;
  for (const length of [1, 3, 6]) {
    const prefixes = names.map((n) => n.slice(0, length).toLowerCase());
    let i = 0;
    const next = () => prefixes[i++ % prefixes.length];
    for (const hit of await Promise.all(
      prefixes.slice(0, 3).map((p) => searchDeals(ops, p).then((r) => [p, r] as const)),
    ))
      bad += hit[1].filter(
        (d) => !d.name.toLowerCase().startsWith(hit[0]) && !d.account.name.toLowerCase().startsWith(hit[0]),
      ).length;
    const o = await timed(() => searchDeals(ops, next()), RUNS);
    const b = await timed(() => bare(next()), RUNS);
    const a = await timed(() => searchDeals(ae, next()), RUNS);
    const s = await timed(() => substring(next()), 1);
    rows.push([
      `${length} char${length > 1 ? "s" : ""}`,
      `${o.p50.toFixed(1)} / ${o.p95.toFixed(1)}`,
      `${b.p50.toFixed(1)} / ${b.p95.toFixed(1)}`,
      `${(o.p50 / b.p50).toFixed(1)}×`,
      `${a.p50.toFixed(1)} / ${a.p95.toFixed(1)}`,
      `${s.p50.toFixed(0)}`,
    ]);
  }
  console.log(
    "\n" +
      table(
        [
          "prefix",
          "ops search ms p50/p95",
          "bare read ms p50/p95",
          "ratio",
          "AE search ms p50/p95",
          "substring scan ms",
        ],
        rows,
      ),
  );
  if (bad) console.log(`\n${bad} returned rows did not start with the prefix`);
  await db.$disconnect();
  process.exit(bad ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
