// Duplicate detection must not depend on how many accounts there are (DESIGN §4.2: "lookups use
// indexed keys, never a scan"). Times the app's own matchAccount (through Prisma, as the server runs
// it) and the same two queries as bare better-sqlite3 prepared statements, on the same keys at each
// database size, and asks SQLite for the plan of the exact SQL Prisma sent.
import Database from "better-sqlite3";
import { connect } from "@/lib/db/connect";
import { percentile } from "../rules/harness";
import { prng } from "../rules/generate";
import { domainFor, newCompanyName, pick } from "./names";
import { VERTICALS } from "@/lib/rules/types";
import { normalizeAccountName } from "@/lib/accounts/normalize";

export type Timing = { mean: number; p50: number; p95: number; p99: number }; // µs
export type Plan = { sql: string; detail: string[]; indexed: boolean };
export type LookupResult = { accounts: number; hits: number; raw: Timing; prisma: Timing; mismatches: number; plans: Plan[] };

type Key = { nameKey: string; domainKey: string | null };

/** The same keys at every size: 40% an existing account by domain, 40% by name only, 20% unknown. */
function makeKeys(db: Database.Database, count: number): Key[] {
  const r = prng(4242);
  const maxRowid = (db.prepare(`SELECT max(rowid) AS m FROM "Account"`).get() as { m: number }).m;
  const byRowid = db.prepare(`SELECT nameKey, domainKey FROM "Account" WHERE rowid = ?`);
  const keys: Key[] = [];
  while (keys.length < count) {
    const x = r();
    if (x < 0.8) {
      const row = byRowid.get(1 + Math.floor(r() * maxRowid)) as Key | undefined;
      if (row) keys.push(x < 0.4 ? row : { nameKey: row.nameKey, domainKey: null });
    } else {
      const nameKey = normalizeAccountName(newCompanyName(r, 9_000_000 + keys.length, pick(r, VERTICALS), "US"));
      keys.push({ nameKey, domainKey: domainFor(r, nameKey, "US") });
    }
  }
  return keys;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { mean: sorted.reduce((s, x) => s + x, 0) / sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const us = (start: bigint) => Number(process.hrtime.bigint() - start) / 1_000;

/** Every SQL statement better-sqlite3 prepares while `fn` runs (Prisma's adapter prepares each query). */
export async function captureSql(fn: () => Promise<unknown>): Promise<string[]> {
  const proto = Database.prototype as unknown as { prepare: (sql: string) => unknown };
  const original = proto.prepare;
  const seen: string[] = [];
  proto.prepare = function (this: unknown, sql: string) {
    seen.push(sql);
    return original.call(this, sql);
  };
  try {
    await fn();
  } finally {
    proto.prepare = original;
  }
  return seen;
}

export async function benchLookups(file: string, count: number): Promise<LookupResult> {
  // registration-submit.ts imports server-only: the hook in ./server-only must be registered first
  const { matchAccount } = await import("@/lib/db/registration-submit");
  const raw = new Database(file, { readonly: true });
  const { db: prisma } = connect(`file:${file}`);
  try {
    const accounts = (raw.prepare(`SELECT count(*) AS n FROM "Account"`).get() as { n: number }).n;
    const keys = makeKeys(raw, count);
    const columns = `"id", "name", "tier", "namedAccount", "ownerId"`;
    const byDomain = raw.prepare(`SELECT ${columns} FROM "Account" WHERE "domainKey" = ? ORDER BY "createdAt" ASC LIMIT 1`);
    const byName = raw.prepare(`SELECT ${columns} FROM "Account" WHERE "nameKey" = ? ORDER BY "createdAt" ASC LIMIT 1`);
    const rawMatch = ({ nameKey, domainKey }: Key) => ((domainKey ? byDomain.get(domainKey) : undefined) ?? byName.get(nameKey) ?? null) as { id: string } | null;

    // warm-up: JIT, statement caches, the file's pages in the OS cache
    for (const key of keys.slice(0, 500)) {
      rawMatch(key);
      await matchAccount(key.nameKey, key.domainKey, prisma);
    }
    const rawTimes: number[] = [];
    const rawIds: (string | null)[] = [];
    for (const key of keys) {
      const start = process.hrtime.bigint();
      const found = rawMatch(key);
      rawTimes.push(us(start));
      rawIds.push(found?.id ?? null);
    }
    const prismaTimes: number[] = [];
    let mismatches = 0;
    for (const [i, key] of keys.entries()) {
      const start = process.hrtime.bigint();
      const found = await matchAccount(key.nameKey, key.domainKey, prisma);
      prismaTimes.push(us(start));
      if ((found?.id ?? null) !== rawIds[i]) mismatches++;
    }

    // the plans of the SQL Prisma actually sent: one lookup by domain, one by name
    const miss = keys.find((k) => k.domainKey && rawMatch(k) === null)!;
    const sent = await captureSql(() => matchAccount(miss.nameKey, miss.domainKey, prisma));
    const plans = sent
      .filter((sql) => /FROM\s+[`"]?(main[`"]?\.[`"]?)?Account/i.test(sql))
      .map((sql) => {
        const params = (sql.match(/\?/g) ?? []).map((_, i) => (i === 0 ? "x" : 1));
        const detail = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
        const indexed = detail.some((d) => /^SEARCH .*USING (COVERING )?INDEX/.test(d)) && !detail.some((d) => /^SCAN /.test(d) && !/USING/.test(d));
        return { sql, detail, indexed };
      });
    return { accounts, hits: rawIds.filter(Boolean).length, raw: timing(rawTimes), prisma: timing(prismaTimes), mismatches, plans };
  } finally {
    raw.close();
    await prisma.$disconnect();
  }
}
