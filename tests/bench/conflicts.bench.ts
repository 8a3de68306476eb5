// Precedent search benchmark (issue 11; not part of the test suite): npm run bench:conflicts
//
// The demo company (migrations + seed) grown to 10,000 and then 100,000 resolved conflict cases,
// written in batched multi-row INSERTs so the database's own triggers index them
// (prisma/migrations/*_conflict_precedent_search). At each size, in-process and on the app's own
// connection, it times:
//   - similarCases (lib/db/conflict-precedents.ts) for open and resolved cases,
//   - searchPrecedents (lib/db/conflict-precedent-log.ts): the log newest first, by type, by region and tag, searches for a common
//     word, two words, words with a filter, and the second page of a search,
//   - beside them a bare full-text query: the same words ranked over all their matches (FTS5 ORDER
//     BY rank / ts_rank), which is what a search that does not bound its candidates costs.
// Target: p95 < 50 ms and flat from 10k to 100k for the app's queries. Reported, not enforced;
// a query that fails exits non-zero.
//
// Environment: BENCH_DATABASE_URL (a postgresql:// server database to use instead of SQLite; it is
// dropped and recreated), BENCH_RUNS (200 timed calls per query), BENCH_KEEP_DB=1 keeps the SQLite
// file (data/bench-conflicts.db).
import "./registrations/server-only"; // first: lets app modules that import "server-only" load here
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import type { Ctx } from "@/lib/auth/types";
import { root } from "../../lib/cli/paths.mjs";
import { NARRATIVES } from "../../prisma/seed/conflict-narratives";
import { percentile, table } from "./rules/harness";
import { removeDb } from "./registrations/scale-seed";
import { prng } from "./rules/generate";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;
const PG_URL = process.env.BENCH_DATABASE_URL;
const SQLITE_FILE = path.join(root, "data/bench-conflicts.db");
const SIZES = [10_000, 100_000];
const BATCH = 500;
const errors: string[] = [];

type Timing = { name: string; p50: number; p95: number; max: number; rows: number };

async function prepareDatabase(): Promise<string> {
  if (PG_URL) {
    const url = new URL(PG_URL);
    const name = url.pathname.slice(1);
    const admin = new URL(PG_URL);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    return PG_URL;
  }
  removeDb(SQLITE_FILE);
  return `file:${SQLITE_FILE}`;
}

const TYPES = [
  "DUPLICATE_REGISTRATION",
  "DIRECT_VS_PARTNER",
  "NAMED_ACCOUNT",
  "PRICING_UNDERCUT",
  "ATTRIBUTION_DISPUTE",
];
const SUMMARY: Record<string, (account: string) => string> = {
  DUPLICATE_REGISTRATION: (a) => `Two partners registered ${a} for the same product line.`,
  DIRECT_VS_PARTNER: (a) => `A partner registration for ${a} overlaps an open direct opportunity.`,
  NAMED_ACCOUNT: (a) => `A partner registered ${a}, a named account reserved for the direct team.`,
  PRICING_UNDERCUT: (a) => `A direct quote for ${a} discounts a deal on which a partner holds protection.`,
  ATTRIBUTION_DISPUTE: (a) => `Sourcing credit for the ${a} deal is disputed between a partner and the account team.`,
};
// extra clauses so that the vocabulary is wider than the seed's narratives
const CLAUSES = [
  "The customer's procurement team confirmed the timeline in a call.",
  "Evidence: meeting notes, the quote history and the CRM activity log.",
  "The renewal is handled by the same team to keep one point of contact.",
  "Regional leadership reviewed the case with finance before deciding.",
  "The competitor's offer expired at the end of the quarter.",
  "Implementation starts next month with the partner's certified consultants.",
  "Margin protection applies to the first year of the subscription.",
  "The executive sponsor asked for a single commercial owner.",
  "A workshop with both teams settled the territory question.",
  "The partner's marketing event produced the first qualified meeting.",
];

type Pools = {
  accounts: { id: string; name: string }[];
  opportunities: { id: string; accountId: string; name: string }[];
};

async function generate(from: number, to: number, pools: Pools): Promise<number> {
  const { sql } = await import("@/lib/db/client");
  const r = prng(from + 11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const started = performance.now();
  const now = Date.UTC(2026, 10, 15);
  const cols = [
    "id",
    "type",
    "status",
    "level",
    "accountId",
    "opportunityId",
    "summary",
    "slaDueAt",
    "resolution",
    "rationale",
    "tags",
    "openedAt",
    "resolvedAt",
    "updatedAt",
  ];
  const row = (i: number): unknown[] => {
    const type = pick(TYPES);
    const byResolution = NARRATIVES[type as keyof typeof NARRATIVES];
    const resolution = pick(Object.keys(byResolution));
    const [rationale, tags] = pick(byResolution[resolution as keyof typeof byResolution]!);
    const withOpp = type !== "DUPLICATE_REGISTRATION" && r() < 0.7;
    const opp = withOpp ? pick(pools.opportunities) : null;
    const account = opp ? { id: opp.accountId, name: opp.name } : pick(pools.accounts);
    const level = r() < 0.6 ? 1 : r() < 0.6 ? 2 : r() < 0.7 ? 3 : 4;
    // resolved over the last three years, in id order: later ids are later resolutions
    const resolvedAt = new Date(now - (to - i) * ((3 * 365 * 86_400_000) / SIZES[SIZES.length - 1]));
    const openedAt = new Date(resolvedAt.getTime() - (2 + Math.floor(r() * 20)) * 86_400_000);
    return [
      `cbench${String(i).padStart(7, "0")}`,
      type,
      "RESOLVED",
      level,
      account.id,
      opp?.id ?? null,
      SUMMARY[type](account.name),
      resolvedAt,
      resolution,
      `${rationale} ${pick(CLAUSES)}`,
      JSON.stringify([...tags, type.toLowerCase().replace(/_/g, "-")]),
      openedAt,
      resolvedAt,
      resolvedAt,
    ];
  };
  for (let start = from; start < to; start += BATCH * 10) {
    await sql.transaction(async (s) => {
      for (let b = start; b < Math.min(to, start + BATCH * 10); b += BATCH) {
        const n = Math.min(BATCH, to - b);
        const values: unknown[] = [];
        for (let i = 0; i < n; i++) values.push(...row(b + i));
        const tuple = `(${cols.map(() => "?").join(", ")})`;
        await s.run(
          `INSERT INTO "Conflict" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: n }, () => tuple).join(", ")}`,
          values,
        );
      }
    });
  }
  // The load writes 90,000 rows in seconds, faster than autovacuum wakes; in steady state autovacuum
  // has merged GIN's pending list and set the visibility map. Without this the bench would time a
  // state a live database is not in (every GIN query scanning an unmerged pending list).
  if (sql.provider === "postgresql") await sql.session((s) => s.run(`VACUUM ANALYZE "Conflict"`));
  return performance.now() - started;
}

async function time(name: string, fn: () => Promise<number>): Promise<Timing> {
  const samples: number[] = [];
  let rows = 0;
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      rows = await fn();
      const t = performance.now() - t0;
      if (i >= WARMUP) samples.push(t);
    }
  } catch (error) {
    errors.push(`${name}: ${(error as Error).message}`);
    return { name, p50: NaN, p95: NaN, max: NaN, rows: 0 };
  }
  samples.sort((a, b) => a - b);
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1], rows };
}

async function measure(ctx: Ctx, targets: string[], regionCode: string): Promise<Timing[]> {
  const { sql } = await import("@/lib/db/client");
  const { similarCases } = await import("@/lib/db/conflict-precedents");
  const { searchPrecedents } = await import("@/lib/db/conflict-precedent-log");
  const { precedentSearchQuery } = await import("@/lib/validation/conflict-precedents");
  const q = (x: Record<string, string>) => precedentSearchQuery.parse(x);
  let n = 0;
  const next = () => targets[n++ % targets.length];
  const page2 = (await searchPrecedents(ctx, q({ q: "partner" }))).nextCursor!;
  const bare = (words: string) =>
    sql.session(async (s) =>
      s.provider === "sqlite"
        ? (
            await s.all(
              `SELECT "conflictId" FROM "ConflictSearch" WHERE "ConflictSearch" MATCH ? ORDER BY rank LIMIT 20`,
              [words.split(" ").join(" AND ")],
            )
          ).length
        : (
            await s.all(
              `SELECT "id" FROM "Conflict" WHERE "searchVector" @@ to_tsquery('english', ?)
               ORDER BY ts_rank("searchVector", to_tsquery('english', ?)) DESC LIMIT 20`,
              [words.split(" ").join(" & "), words.split(" ").join(" & ")],
            )
          ).length,
    );
  const log = (x: Record<string, string>) => async () => (await searchPrecedents(ctx, q(x))).items.length;
  return [
    await time("similarCases (open and resolved cases)", async () => (await similarCases(ctx, next(), 5)).length),
    await time("log: newest first", log({})),
    await time("log: type filter", log({ type: "NAMED_ACCOUNT" })),
    await time("log: region + tag", log({ region: regionCode, tag: "co-sell" })),
    await time("log: search 'partner' (common)", log({ q: "partner" })),
    await time("log: search 'customer preference'", log({ q: "customer preference" })),
    await time("log: search 'discount' + type", log({ q: "discount", type: "PRICING_UNDERCUT" })),
    await time("log: search 'partner', page 2", log({ q: "partner", after: page2 })),
    await time("bare FTS: 'partner' ranked, top 20", () => bare("partner")),
    await time("bare FTS: 'customer preference' ranked", () => bare("customer preference")),
  ];
}

async function main() {
  const url = await prepareDatabase();
  const provider = PG_URL ? "postgresql" : "sqlite";
  console.log(`Precedent search benchmark on ${provider}, ${RUNS} timed calls per query (after ${WARMUP} warm-up)`);
  console.log(`machine: ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
  const t0 = performance.now();
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ||= "bench-secret-not-for-production"; // signs the log's cursors
  const { db, sql } = await import("@/lib/db/client");
  const { seedBase, seedDemo } = await import("@/prisma/seed");
  const now = new Date("2026-11-15T12:00:00.000Z");
  await seedBase(db, { now });
  await seedDemo(db, { now });
  console.log(`demo company migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const { loadSessionContext } = await import("@/lib/db/users");
  const ops = await db.user.findUniqueOrThrow({ where: { email: "ops@accord.test" }, select: { id: true } });
  const ctx = (await loadSessionContext(ops.id))!;
  const pools: Pools = await sql.session(async (s) => ({
    accounts: (await s.all(`SELECT "id", "name" FROM "Account" ORDER BY "id"`)).map((a) => ({
      id: String(a.id),
      name: String(a.name),
    })),
    opportunities: (
      await s.all(
        `SELECT o."id", o."accountId", a."name" FROM "Opportunity" o JOIN "Account" a ON a."id" = o."accountId"
         WHERE o."routeDecisionId" IS NOT NULL ORDER BY o."id"`,
      )
    ).map((o) => ({ id: String(o.id), accountId: String(o.accountId), name: String(o.name) })),
  }));
  const region = await db.region.findFirstOrThrow({ orderBy: { code: "asc" }, select: { code: true } });
  const seeded = await db.conflict.count({ where: { status: "RESOLVED" } });

  const results = new Map<number, Timing[]>();
  let have = seeded;
  for (const size of SIZES) {
    const took = await generate(have, size, pools);
    const written = size - have;
    have = size;
    const indexed = await sql.session(async (s) =>
      Number(
        (s.provider === "sqlite"
          ? await s.get(`SELECT count(*) AS "n" FROM "ConflictSearch"`)
          : await s.get(`SELECT count(*) AS "n" FROM "Conflict" WHERE "searchVector" IS NOT NULL`))!.n,
      ),
    );
    console.log(
      `\n${size.toLocaleString("en-US")} resolved cases (${indexed.toLocaleString("en-US")} indexed), ` +
        `written in ${(took / 1000).toFixed(1)} s (${Math.round(written / (took / 1000)).toLocaleString("en-US")} rows/s with triggers)`,
    );
    if (indexed !== size) errors.push(`at ${size}: ${indexed} rows indexed`);
    // targets: every open seeded case and a spread of resolved ones
    const open = await db.conflict.findMany({
      where: { status: "OPEN" },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const resolved = await db.conflict.findMany({
      where: { status: "RESOLVED" },
      select: { id: true },
      orderBy: { id: "asc" },
      skip: 7,
      take: 40,
    });
    const timings = await measure(
      ctx,
      [...open, ...resolved].map((c) => c.id),
      region.code,
    );
    results.set(size, timings);
    console.log(
      table(
        ["query", "rows", "p50", "p95", "max"],
        timings.map((t) => [t.name, String(t.rows), ms(t.p50), ms(t.p95), ms(t.max)]),
      ),
    );
  }

  const [small, large] = SIZES.map((s) => results.get(s)!);
  console.log(`\np95 from ${SIZES[0].toLocaleString("en-US")} to ${SIZES[1].toLocaleString("en-US")} resolved cases`);
  console.log(
    table(
      ["query", "target", "p95 10k", "p95 100k", "ratio", "verdict"],
      small.map((t, i) => {
        const big = large[i];
        const app = !t.name.startsWith("bare");
        const ok = big.p95 < 50 && big.p95 < Math.max(2 * t.p95, t.p95 + 5);
        return [
          t.name,
          app ? "< 50 ms, flat" : "baseline",
          ms(t.p95),
          ms(big.p95),
          `${(big.p95 / t.p95).toFixed(2)}×`,
          app ? (ok ? "ok" : "MISSED") : "",
        ];
      }),
    ),
  );
  await db.$disconnect();
  if (!PG_URL && process.env.BENCH_KEEP_DB !== "1") removeDb(SQLITE_FILE);
  if (errors.length) {
    console.error(`\nErrors:\n- ${errors.join("\n- ")}`);
    process.exit(1);
  }
}

const ms = (x: number) => (Number.isNaN(x) ? "failed" : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
