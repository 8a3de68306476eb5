// Duplicate detection must not depend on how many accounts there are (docs/domain.md#duplicates-and-overlaps: "lookups use
// indexed keys, never a scan"). Times the app's own matchAccount (through lib/db/sql, as the server
// runs it) and the same two queries as bare better-sqlite3 prepared statements, on the same keys at
// each database size, and asks SQLite for the plan of the exact SQL the app sent.
import Database from "better-sqlite3";
import { connect } from "@/lib/db/connect";
import { percentile } from "../rules/harness";
import { prng } from "../rules/generate";
import { domainFor, newCompanyName, pick } from "./names";
import { VERTICALS } from "@/lib/rules/types";
import { normalizeAccountName } from "@/lib/accounts/normalize";

type Timing = { mean: number; p50: number; p95: number; p99: number }; // µs
type Plan = { sql: string; detail: string[]; indexed: boolean };
export type LookupResult = {
  accounts: number;
  hits: number;
  raw: Timing;
  app: Timing;
  mismatches: number;
  plans: Plan[];
};

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
  return {
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

const us = (start: bigint) => Number(process.hrtime.bigint() - start) / 1_000;

type Runner = (...params: unknown[]) => unknown;

/** Every SQL statement better-sqlite3 executes while `fn` runs (prepared statements are reused, so
 *  this counts executions of run/get/all/iterate, with each statement's text). */
export async function captureSql(fn: () => Promise<unknown>): Promise<string[]> {
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, Runner>;
  probe.close();
  const methods = ["run", "get", "all", "iterate"] as const;
  const originals = methods.map((m) => proto[m]);
  const seen: string[] = [];
  methods.forEach((m, i) => {
    proto[m] = function (this: { source: string }, ...params: unknown[]) {
      seen.push(this.source);
      return originals[i].apply(this, params);
    };
  });
  try {
    await fn();
  } finally {
    methods.forEach((m, i) => (proto[m] = originals[i]));
  }
  return seen;
}

export async function benchLookups(file: string, count: number): Promise<LookupResult> {
  // registration-submit.ts imports server-only: the hook in ./server-only must be registered first
  const { matchAccount } = await import("@/lib/db/deal-facts");
  const raw = new Database(file, { readonly: true });
  const app = connect(`file:${file}`);
  const match = (key: Key) => app.sql.session((s) => matchAccount(s, key.nameKey, key.domainKey));
  try {
    const accounts = (raw.prepare(`SELECT count(*) AS n FROM "Account"`).get() as { n: number }).n;
    const keys = makeKeys(raw, count);
    const columns = `"id", "name", "tier", "namedAccount", "ownerId"`;
    const byDomain = raw.prepare(
      `SELECT ${columns} FROM "Account" WHERE "domainKey" = ? ORDER BY "createdAt" ASC LIMIT 1`,
    );
    const byName = raw.prepare(`SELECT ${columns} FROM "Account" WHERE "nameKey" = ? ORDER BY "createdAt" ASC LIMIT 1`);
    const rawMatch = ({ nameKey, domainKey }: Key) =>
      ((domainKey ? byDomain.get(domainKey) : undefined) ?? byName.get(nameKey) ?? null) as { id: string } | null;

    // warm-up over every key: JIT, statement caches, and the index pages these keys touch in the
    // OS cache (a cold 200k file otherwise times disk reads, not the lookup)
    for (const key of keys) {
      rawMatch(key);
      await match(key);
    }
    const rawTimes: number[] = [];
    const rawIds: (string | null)[] = [];
    for (const key of keys) {
      const start = process.hrtime.bigint();
      const found = rawMatch(key);
      rawTimes.push(us(start));
      rawIds.push(found?.id ?? null);
    }
    const appTimes: number[] = [];
    let mismatches = 0;
    for (const [i, key] of keys.entries()) {
      const start = process.hrtime.bigint();
      const found = await match(key);
      appTimes.push(us(start));
      if ((found?.id ?? null) !== rawIds[i]) mismatches++;
    }

    // the plans of the SQL the app actually sent: one lookup by domain, one by name
    const miss = keys.find((k) => k.domainKey && rawMatch(k) === null)!;
    const sent = await captureSql(() => match(miss));
    const plans = sent
      .filter((sql) => /FROM\s+[`"]?(main[`"]?\.[`"]?)?Account/i.test(sql))
      .map((sql) => {
        const params = (sql.match(/\?/g) ?? []).map((_, i) => (i === 0 ? "x" : 1));
        const detail = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
          (row) => row.detail,
        );
        const indexed =
          detail.some((d) => /^SEARCH .*USING (COVERING )?INDEX/.test(d)) &&
          !detail.some((d) => /^SCAN /.test(d) && !/USING/.test(d));
        return { sql, detail, indexed };
      });
    return {
      accounts,
      hits: rawIds.filter(Boolean).length,
      raw: timing(rawTimes),
      app: timing(appTimes),
      mismatches,
      plans,
    };
  } finally {
    raw.close();
    await app.db.$disconnect();
  }
}
