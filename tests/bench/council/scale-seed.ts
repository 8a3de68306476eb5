// The council benchmark's database (issue 13, docs/domain.md#scale): the demo company (migrations and
// seed, exactly what `npm start` runs on a new database: prisma/prepare.ts) topped up to 5,000 partners,
// 200,000 accounts, 1,000,000 opportunities (with their attribution rows and, for the deals the rules
// engine routed, their route decisions with the deal's facts, so a simulation over history has
// something to decide on: tests/bench/simulation.bench.ts), 300,000 registrations and 100,000 conflict cases (with their
// escalation events). Created dates spread over 24 months before `now`, closed won/lost over the
// quarters since, so every month and quarter the council pages can pick has data.
//
// Rows are generated in batches of BATCH and written by tests/bench/council/writer.ts (SQLite:
// multi-row prepared INSERTs; PostgreSQL: unnest() arrays), so the seeding process holds one batch
// plus a few typed arrays per opportunity (account, category, created time: ~20 bytes a deal).
// Deterministic: the same seed numbers give the same rows (ids are positional: cbopp0000001 …).
//
// Cached: a "BenchSeed" marker table holds the seed version and the list of migrations the database
// was built with; a database whose marker matches is reused (BENCH_RESEED=1 rebuilds it).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { normalizeAccountName } from "@/lib/accounts/normalize";
import { dealFacts } from "@/lib/rules/deal-facts";
import {
  VERTICALS,
  type AccountTier,
  type PartnerTier,
  type PartnerType,
  type ProductKind,
  type Vertical,
} from "@/lib/rules/types";
import { bin, root } from "../../../lib/cli/paths.mjs";
import { prng } from "../rules/generate";
import { COUNTRY_WEIGHTS, newCompanyName, pick, weighted, type Rand } from "../registrations/names";
import { removeDb } from "../registrations/scale-seed";
import { pgWriter, sqliteWriter, type BulkWriter, type Value } from "./writer";

const FULL = {
  partners: 5_000,
  accounts: 200_000,
  opportunities: 1_000_000,
  registrations: 300_000,
  conflicts: 100_000,
};
/** BENCH_SCALE=0.01 builds a hundredth (a quick try of the benchmark itself); the report is at 1. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const TARGET = Object.fromEntries(Object.entries(FULL).map(([k, v]) => [k, Math.round(v * SCALE)])) as typeof FULL;

/** Bump when the generated rows change: a cached database of another version is rebuilt. */
const SEED_VERSION = 3;
const BATCH = 10_000;
const DAY = 86_400_000;

export type SeedReport = { table: string; rows: number; ms: number }[];

function seedKey(provider: string): string {
  const dir = path.join(root, provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations");
  const migrations = readdirSync(dir).filter((d) => /^\d/.test(d));
  return `v${SEED_VERSION} ${JSON.stringify(TARGET)} ${migrations.join(",")}`;
}

/**
 * A marker written by the same seed version and size whose migrations are all still in the current list:
 * the cached database only lacks the migrations added since, which prisma/prepare.ts applies in place
 * (minutes saved against a rebuild; the demo rows of tables those migrations add stay empty).
 */
function migratable(marker: string | null, key: string): boolean {
  if (!marker || marker === key) return false;
  const split = (k: string) => {
    const at = k.lastIndexOf(" ");
    return { head: k.slice(0, at), migrations: k.slice(at + 1).split(",") };
  };
  const [was, now] = [split(marker), split(key)];
  return was.head === now.head && was.migrations.every((m) => now.migrations.includes(m));
}

async function markerOf(w: BulkWriter): Promise<string | null> {
  try {
    const rows = await w.all<{ key: string }>(`SELECT "key" FROM "BenchSeed"`);
    return rows[0]?.key ?? null;
  } catch {
    return null;
  }
}

function prepare(url: string) {
  const res = spawnSync(
    process.execPath,
    [bin.tsx, "--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "prisma/prepare.ts")],
    { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } },
  );
  if (res.status !== 0) throw new Error(`prisma/prepare.ts failed for ${url} (exit ${res.status})`);
}

async function recreatePg(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`); // prisma/prepare.ts migrates an existing database
  await client.end();
}

/**
 * The scaled database for `url` (a postgresql:// URL, or `file:<path>` for SQLite), built when missing
 * or stale. Returns what was written (empty when the cached database was reused) and how long it took.
 */
export async function ensureCouncilDb(url: string): Promise<{ report: SeedReport; builtMs: number | null }> {
  const provider = url.startsWith("postgres") ? "postgresql" : "sqlite";
  const key = seedKey(provider);
  const file = provider === "sqlite" ? path.resolve(root, url.slice("file:".length)) : null;
  if (process.env.BENCH_RESEED !== "1" && (!file || existsSync(file))) {
    const w = provider === "sqlite" ? sqliteWriter(file!) : await pgWriter(url).catch(() => null);
    if (w) {
      const marker = await markerOf(w);
      if (migratable(marker, key)) {
        const started = Date.now();
        console.log(`[seed] ${provider}: applying the migrations added since the cached seed …`);
        try {
          await w.close();
          prepare(url);
          const m = provider === "sqlite" ? sqliteWriter(file!) : await pgWriter(url);
          try {
            await m.exec(`ANALYZE`);
            await m.exec(`DELETE FROM "BenchSeed"`);
            await m.insert("BenchSeed", ["key"], [[key]]);
          } finally {
            await m.close();
          }
        } catch (error) {
          console.log(`[seed] migrating the cached database failed (${(error as Error).message}); rebuilding`);
          return build(url, provider, key, file);
        }
        console.log(`[seed] cached database migrated in ${Date.now() - started} ms`);
        return { report: [], builtMs: null };
      }
      await w.close();
      if (marker === key) return { report: [], builtMs: null };
    }
  }
  return build(url, provider, key, file);
}

async function build(
  url: string,
  provider: string,
  key: string,
  file: string | null,
): Promise<{ report: SeedReport; builtMs: number | null }> {
  const started = Date.now();
  const tmp = file ? file.replace(/\.db$/, ".tmp.db") : null;
  if (tmp) removeDb(tmp);
  else await recreatePg(url);
  console.log(`[seed] ${provider}: creating the schema and the demo company (prisma/prepare.ts) …`);
  prepare(tmp ? `file:${tmp}` : url);
  const w = tmp ? sqliteWriter(tmp) : await pgWriter(url);
  let report: SeedReport;
  try {
    report = await topUp(w, Date.now());
    if (w.provider === "postgresql") {
      const t = Date.now();
      await w.exec("VACUUM ANALYZE");
      console.log(`[seed] VACUUM ANALYZE (${Date.now() - t} ms)`);
    } else {
      await w.exec("ANALYZE");
    }
    await w.exec(`CREATE TABLE "BenchSeed" ("key" TEXT NOT NULL)`);
    await w.insert("BenchSeed", ["key"], [[key]]);
  } finally {
    await w.close();
  }
  if (file && tmp) {
    removeDb(file);
    renameSync(tmp, file);
    removeDb(tmp);
  }
  return { report, builtMs: Date.now() - started };
}

// ───────────────────────────── distributions ─────────────────────────────

type Route = "DIRECT" | "PARTNER_LED" | "CO_SELL" | "DIRECT_PARTNER_ATTACHED" | "MARKETPLACE";
const ROUTE_WEIGHTS: readonly (readonly [Route, number])[] = [
  ["DIRECT", 42],
  ["PARTNER_LED", 27],
  ["CO_SELL", 13],
  ["DIRECT_PARTNER_ATTACHED", 10],
  ["MARKETPLACE", 8],
];
const CATEGORIES = ["DIRECT", "PARTNER_SOURCED", "PARTNER_COSELL", "PARTNER_INFLUENCED", "MARKETPLACE"] as const;
type Category = (typeof CATEGORIES)[number];
const OPEN_STAGES = ["PROSPECT", "QUALIFIED", "PROPOSAL", "NEGOTIATION"] as const;
const PARTNER_TYPES = [
  ["RESELLER", 45],
  ["REFERRAL", 25],
  ["MSP", 15],
  ["DISTRIBUTOR", 8],
  ["MARKETPLACE", 7],
] as const;
const PARTNER_TIERS = [
  ["PLATINUM", 4],
  ["GOLD", 14],
  ["SILVER", 32],
  ["REGISTERED", 50],
] as const;
const ACCOUNT_TIERS = [
  ["SMB", 45],
  ["MIDMARKET", 35],
  ["ENTERPRISE", 15],
  ["STRATEGIC", 5],
] as const;
const LOST_REASONS = ["No budget", "Chose a competitor", "No decision", "Timing: project postponed"];
const TOUCH_KINDS = ["WORKSHOP", "INTRODUCTION", "DEMO"];

function categoryOf(r: Rand, route: Route): Category {
  switch (route) {
    case "DIRECT":
      return r() < 0.86 ? "DIRECT" : "PARTNER_INFLUENCED";
    case "PARTNER_LED":
      return "PARTNER_SOURCED";
    case "CO_SELL":
      return r() < 0.55 ? "PARTNER_COSELL" : "PARTNER_SOURCED";
    case "DIRECT_PARTNER_ATTACHED":
      return r() < 0.6 ? "PARTNER_INFLUENCED" : "PARTNER_COSELL";
    case "MARKETPLACE":
      return "MARKETPLACE";
  }
}

/** Win rates differ by category, so the forecast's per-category rates are not all the same. */
const WIN_RATE: Record<Category, number> = {
  DIRECT: 0.24,
  PARTNER_SOURCED: 0.31,
  PARTNER_COSELL: 0.36,
  PARTNER_INFLUENCED: 0.28,
  MARKETPLACE: 0.42,
};

// ───────────────────────────── the top-up ─────────────────────────────

type Reference = {
  aes: string[];
  managers: string[];
  regionOf: Map<string, string>;
  /** Region of each country as the rules engine sees it (its code and direct presence). */
  regionFacts: Map<string, { code: string; directPresence: boolean }>;
  productLines: string[];
  productLineFacts: { name: string; kind: ProductKind }[];
  ruleSet: { id: string; version: number };
  partnerUsers: Map<string, string>;
};

async function reference(w: BulkWriter): Promise<Reference> {
  const ids = async (q: string) => (await w.all<{ id: string }>(q)).map((x) => x.id);
  const rs = await w.all<{ id: string; version: number }>(
    `SELECT "id", "version" FROM "RuleSet" WHERE "status" = 'PUBLISHED' ORDER BY "effectiveFrom" DESC`,
  );
  if (!rs.length) throw new Error("no published rule set: was the demo seeded?");
  const lines = await w.all<{ id: string; name: string; kind: ProductKind }>(
    `SELECT "id", "name", "kind" FROM "ProductLine" ORDER BY "id"`,
  );
  const regions = await w.all<{ country: string; code: string; directPresence: boolean | number }>(
    `SELECT c."country", r."code", r."directPresence" FROM "RegionCountry" c JOIN "Region" r ON r."id" = c."regionId"`,
  );
  return {
    aes: await ids(`SELECT "id" FROM "User" WHERE "role" = 'AE' ORDER BY "id"`),
    managers: await ids(`SELECT "id" FROM "User" WHERE "role" = 'PARTNER_MANAGER' ORDER BY "id"`),
    regionOf: new Map(
      (await w.all<{ country: string; regionId: string }>(`SELECT "country", "regionId" FROM "RegionCountry"`)).map(
        (c) => [c.country, c.regionId],
      ),
    ),
    regionFacts: new Map(regions.map((x) => [x.country, { code: x.code, directPresence: Boolean(x.directPresence) }])),
    productLines: lines.map((x) => x.id),
    productLineFacts: lines.map(({ name, kind }) => ({ name, kind })),
    ruleSet: { id: rs[0].id, version: Number(rs[0].version) },
    partnerUsers: new Map(
      (
        await w.all<{ id: string; partnerId: string }>(
          `SELECT "id", "partnerId" FROM "User" WHERE "partnerId" IS NOT NULL ORDER BY "id" DESC`,
        )
      ).map((u) => [u.partnerId, u.id]),
    ),
  };
}

const count = async (w: BulkWriter, table: string) =>
  Number((await w.all<{ n: number | string }>(`SELECT count(*) AS "n" FROM "${table}"`))[0].n);

/** Buffers rows of one table; its owner flushes related tables together, parents first (foreign keys). */
class Sink {
  private rows: Value[][] = [];
  written = 0;
  constructor(
    private readonly w: BulkWriter,
    readonly table: string,
    private readonly columns: readonly string[],
  ) {}
  get size() {
    return this.rows.length;
  }
  push(row: Value[]) {
    this.rows.push(row);
  }
  async flush() {
    if (!this.rows.length) return;
    await this.w.insert(this.table, this.columns, this.rows);
    this.written += this.rows.length;
    this.rows = [];
  }
}

async function topUp(w: BulkWriter, nowMs: number): Promise<SeedReport> {
  const r = prng(0xc0_0c11);
  const ref = await reference(w);
  const report: SeedReport = [];
  const step = async (label: string, fn: () => Promise<number>) => {
    const t = Date.now();
    const rows = await fn();
    const ms = Date.now() - t;
    report.push({ table: label, rows, ms });
    console.log(
      `[seed] ${label}: ${rows.toLocaleString("en-US")} rows in ${(ms / 1000).toFixed(1)} s ` +
        `(${Math.round(rows / Math.max(ms / 1000, 0.001)).toLocaleString("en-US")} rows/s)`,
    );
  };
  const countries = [...ref.regionOf.keys()].map((c) => [c, COUNTRY_WEIGHTS[c] ?? 0.5] as const);

  // partners
  const existingPartners = await w.all<{ id: string; type: PartnerType; tier: PartnerTier }>(
    `SELECT "id", "type", "tier" FROM "Partner" ORDER BY "id"`,
  );
  const partners = existingPartners.map((p) => p.id);
  /** Each partner's type and tier, by position in `partners` (the facts of its deals). */
  const partnerFacts = existingPartners.map(({ type, tier }) => ({ type, tier }));
  const marketplacePartners: number[] = [];
  await step("Partner", async () => {
    const sink = new Sink(w, "Partner", [
      "id",
      "name",
      "nameKey",
      "type",
      "tier",
      "status",
      "managerId",
      "country",
      "createdAt",
      "updatedAt",
    ]);
    for (let n = partners.length + 1; partners.length < TARGET.partners; n++) {
      const id = `cbptn${String(n).padStart(7, "0")}`;
      const vertical = pick(r, VERTICALS) as Vertical;
      const country = weighted(r, countries);
      const name = `${newCompanyName(r, 900_000 + n, vertical, country)} Partners`;
      const type = weighted(r, PARTNER_TYPES);
      if (type === "MARKETPLACE") marketplacePartners.push(partners.length);
      const created = new Date(nowMs - Math.floor((60 + r() * 2_500) * DAY));
      const status = r() < 0.93 ? "ACTIVE" : r() < 0.6 ? "SUSPENDED" : "TERMINATED";
      const tier = weighted(r, PARTNER_TIERS);
      partners.push(id);
      partnerFacts.push({ type, tier });
      if (sink.size >= BATCH) await sink.flush();
      sink.push([
        id,
        name,
        normalizeAccountName(name),
        type,
        tier,
        status,
        pick(r, ref.managers),
        country,
        created,
        created,
      ]);
    }
    await sink.flush();
    return sink.written;
  });
  if (!marketplacePartners.length) marketplacePartners.push(0);

  // accounts
  type AccountFacts = { name: string; country: string; vertical: Vertical; tier: AccountTier; named: boolean };
  const existingAccounts = await w.all<{
    id: string;
    name: string;
    country: string;
    vertical: Vertical;
    tier: AccountTier;
    namedAccount: boolean | number;
  }>(`SELECT "id", "name", "country", "vertical", "tier", "namedAccount" FROM "Account" ORDER BY "id"`);
  const accounts = existingAccounts.map((a) => a.id);
  /** Each account's name and facts, by position in `accounts`: its deals' names and route-decision facts. */
  const accountFacts: AccountFacts[] = existingAccounts.map((a) => ({
    name: a.name,
    country: a.country,
    vertical: a.vertical,
    tier: a.tier,
    named: Boolean(a.namedAccount),
  }));
  await step("Account", async () => {
    const sink = new Sink(w, "Account", [
      "id",
      "name",
      "nameKey",
      "country",
      "regionId",
      "vertical",
      "tier",
      "namedAccount",
      "ownerId",
      "createdAt",
      "updatedAt",
    ]);
    for (let n = accounts.length + 1; accounts.length < TARGET.accounts; n++) {
      const id = `cbacc${String(n).padStart(7, "0")}`;
      const vertical = pick(r, VERTICALS) as Vertical;
      const country = weighted(r, countries);
      const tier = weighted(r, ACCOUNT_TIERS);
      const name = newCompanyName(r, n, vertical, country);
      const named = tier === "STRATEGIC" && r() < 0.5;
      const owner = named || ((tier === "ENTERPRISE" || tier === "STRATEGIC") && r() < 0.7) ? pick(r, ref.aes) : null;
      const created = new Date(nowMs - Math.floor((30 + r() * 6 * 365) * DAY));
      accounts.push(id);
      accountFacts.push({ name, country, vertical, tier, named });
      if (sink.size >= BATCH) await sink.flush();
      sink.push([
        id,
        name,
        normalizeAccountName(name),
        country,
        ref.regionOf.get(country) ?? null,
        vertical,
        tier,
        named,
        owner,
        created,
        created,
      ]);
    }
    await sink.flush();
    return sink.written;
  });

  // opportunities, their attribution rows, route decisions and partner touches
  const existingOpps = await count(w, "Opportunity");
  const total = TARGET.opportunities - existingOpps;
  const oppAccount = new Int32Array(total);
  const oppPartner = new Int32Array(total).fill(-1);
  const oppCategory = new Uint8Array(total);
  const oppRoute = new Uint8Array(total);
  const oppCreated = new Float64Array(total);
  const oppId = (i: number) => `cbopp${String(i + 1).padStart(7, "0")}`;
  const routes = ROUTE_WEIGHTS.map(([route]) => route);
  const span = 24 * 30.4 * DAY;
  await step("Opportunity + Attribution + RouteDecision + PartnerTouch", async () => {
    const opps = new Sink(w, "Opportunity", [
      "id",
      "name",
      "accountId",
      "productLineId",
      "acvCents",
      "currency",
      "stage",
      "closeDate",
      "listPriceCents",
      "discountPct",
      "source",
      "aeId",
      "partnerId",
      "route",
      "routeDecisionId",
      "createdAt",
      "closedAt",
      "updatedAt",
      "lostReason",
      "corridorMaxPct",
      "corridorBreach",
      "category",
    ]);
    const attributions = new Sink(w, "Attribution", [
      "id",
      "opportunityId",
      "party",
      "partyKey",
      "partnerId",
      "userId",
      "category",
      "creditPct",
      "quotaCreditCents",
      "spiffCents",
      "partnerMarginPct",
      "partnerMarginCents",
      "final",
      "basis",
      "computedAt",
      "createdAt",
    ]);
    const decisions = new Sink(w, "RouteDecision", [
      "id",
      "subjectType",
      "subjectId",
      "ruleSetId",
      "ruleSetVersion",
      "route",
      "facts",
      "trace",
      "decidedAt",
    ]);
    const touches = new Sink(w, "PartnerTouch", ["id", "opportunityId", "partnerId", "kind", "note", "at"]);
    const flush = async () => {
      await decisions.flush(); // opportunities reference them
      await opps.flush();
      await attributions.flush();
      await touches.flush();
    };
    for (let i = 0; i < total; i++) {
      if (opps.size >= BATCH) await flush();
      const id = oppId(i);
      // more deals in recent months: the business grows ~40% over the two years
      let t = r();
      while (r() > (1 + 0.4 * t) / 1.4) t = r();
      const createdMs = nowMs - Math.floor((1 - t) * span) - Math.floor(r() * DAY);
      const created = new Date(createdMs);
      const route = weighted(r, ROUTE_WEIGHTS);
      const category = categoryOf(r, route);
      const accountIdx = Math.floor(r() * accounts.length);
      const ae = route === "MARKETPLACE" || (route === "PARTNER_LED" && r() < 0.5) ? null : pick(r, ref.aes);
      const partnerIdx =
        route === "DIRECT"
          ? -1
          : route === "MARKETPLACE"
            ? pick(r, marketplacePartners)
            : Math.floor(r() * partners.length);
      const partner = partnerIdx >= 0 ? partners[partnerIdx] : null;
      const acv = BigInt(Math.round(10 ** (3.7 + r() * 2.1)) * 100); // $5k … $630k, log-uniform
      // a sales cycle of 20–270 days; a deal whose cycle has elapsed is closed, won or lost
      const cycleDays = 20 + Math.floor(r() * r() * 250);
      const closeMs = createdMs + cycleDays * DAY;
      const closed = closeMs < nowMs - DAY && r() < 0.93;
      const won = closed && r() < WIN_RATE[category];
      const stage = closed
        ? won
          ? "CLOSED_WON"
          : "CLOSED_LOST"
        : OPEN_STAGES[Math.min(3, Math.floor(Math.min(1, (nowMs - createdMs) / (cycleDays * DAY)) * 3 + r() * 1.2))];
      const closeDate = new Date(
        Math.floor((closed ? closeMs : Math.max(closeMs, nowMs + r() * 120 * DAY)) / DAY) * DAY,
      );
      const closedAt = closed ? new Date(closeMs) : null;
      const discount = r() < 0.35 ? 0 : Math.round(r() * r() * 400) / 10; // mostly small, a tail to 40%
      const list = discount ? (acv * 1000n) / BigInt(Math.round((100 - discount) * 10)) : acv;
      const corridor = route === "MARKETPLACE" ? null : route === "DIRECT" ? 20 : 25;
      const decided = r() < 0.6;
      const decisionId = decided ? `cbrdc${String(i + 1).padStart(7, "0")}` : null;
      const lineIdx = Math.floor(r() * ref.productLines.length); // what pick(r, ref.productLines) draws
      const account = accountFacts[accountIdx];
      const line = ref.productLineFacts[lineIdx];
      oppAccount[i] = accountIdx;
      oppPartner[i] = partnerIdx;
      oppCategory[i] = CATEGORIES.indexOf(category);
      oppRoute[i] = routes.indexOf(route);
      oppCreated[i] = createdMs;
      if (decisionId)
        decisions.push([
          decisionId,
          "OPPORTUNITY",
          id,
          ref.ruleSet.id,
          ref.ruleSet.version,
          route,
          JSON.stringify(
            dealFacts({
              acvCents: Number(acv),
              vertical: account.vertical,
              country: account.country,
              region: ref.regionFacts.get(account.country) ?? { code: "UNKNOWN", directPresence: false },
              productLine: line,
              account: { tier: account.tier, namedAccount: account.named },
              partner: partner ? { id: partner, ...partnerFacts[partnerIdx] } : null,
              // a partner leading or co-selling the deal registered it first (docs/domain.md#deal-registration)
              registrationStatus: partner && (route === "PARTNER_LED" || route === "CO_SELL") ? "APPROVED" : "NONE",
              registeredFirst: partner && (route === "PARTNER_LED" || route === "CO_SELL") ? true : null,
              at: created,
            }),
          ),
          "[]",
          created,
        ]);
      opps.push([
        id,
        `${account.name} — ${line.name}`,
        accounts[accountIdx],
        ref.productLines[lineIdx],
        acv,
        "USD",
        stage,
        closeDate,
        list,
        discount,
        category === "PARTNER_SOURCED" ? "PARTNER" : "DIRECT",
        ae,
        partner,
        route,
        decisionId,
        created,
        closedAt,
        closedAt ?? created,
        closed && !won ? pick(r, LOST_REASONS) : null,
        corridor,
        corridor !== null && discount > corridor,
        // the stored category equals its attribution rows' (DIRECT without any: lib/db/attribution-writes.ts)
        partner || ae ? category : "DIRECT",
      ]);
      // attribution (docs/domain.md#attribution-and-pay): the partner's row and the AE's, one category
      const at = closedAt ?? created;
      const partnerShare = !partner ? 0 : ae ? (category === "PARTNER_INFLUENCED" ? 20 : 50) : 100;
      if (partner)
        attributions.push([
          `cbatp${String(i + 1).padStart(7, "0")}`,
          id,
          "PARTNER",
          `PARTNER:${partner}`,
          partner,
          null,
          category,
          partnerShare,
          0n,
          0n,
          20,
          won ? (acv * BigInt(partnerShare)) / 500n : 0n,
          closed,
          "bench",
          at,
          at,
        ]);
      if (ae)
        attributions.push([
          `cbata${String(i + 1).padStart(7, "0")}`,
          id,
          "DIRECT",
          `DIRECT:${ae}`,
          null,
          ae,
          category,
          100 - partnerShare,
          won ? (acv * BigInt(100 - partnerShare)) / 100n : 0n,
          0n,
          null,
          0n,
          closed,
          "bench",
          at,
          at,
        ]);
      if (category === "PARTNER_INFLUENCED" && partnerIdx < 0) {
        const p = pick(r, partners);
        touches.push([`cbtch${String(i + 1).padStart(7, "0")}`, id, p, pick(r, TOUCH_KINDS), "", created]);
      }
    }
    await flush();
    return opps.written + attributions.written + decisions.written + touches.written;
  });
  const o: Opps = { total, oppId, oppAccount, oppPartner, oppCategory, oppRoute, oppCreated };
  return [...report, ...(await registrationsAndConflicts(w, r, ref, nowMs, partners, accounts, o))];
}

type Opps = {
  total: number;
  oppId: (i: number) => string;
  oppAccount: Int32Array;
  oppPartner: Int32Array;
  oppCategory: Uint8Array;
  oppRoute: Uint8Array;
  oppCreated: Float64Array;
};

/** `ms` plus `days` business days (Monday–Friday), as the review SLA counts. */
function addBusinessDays(ms: number, days: number): number {
  let t = ms;
  for (let left = days; left > 0;) {
    t += DAY;
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return t;
}

const REG_STATUSES = [
  ["CONVERTED", 58],
  ["REJECTED", 12],
  ["APPROVED", 10],
  ["EXPIRED", 9],
  ["WITHDRAWN", 6],
  ["SUBMITTED", 5],
] as const;
const CONFLICT_TYPES = [
  ["DIRECT_VS_PARTNER", 38],
  ["DUPLICATE_REGISTRATION", 27],
  ["NAMED_ACCOUNT", 12],
  ["PRICING_UNDERCUT", 13],
  ["ATTRIBUTION_DISPUTE", 10],
] as const;
const SOURCE_OF: Record<string, string> = {
  DIRECT_VS_PARTNER: "REGISTRATION",
  DUPLICATE_REGISTRATION: "REGISTRATION",
  NAMED_ACCOUNT: "REGISTRATION",
  PRICING_UNDERCUT: "PRICING",
  ATTRIBUTION_DISPUTE: "ATTRIBUTION",
};
const RESOLUTIONS = [
  ["AWARD_PARTNER", 38],
  ["AWARD_DIRECT", 27],
  ["CO_SELL", 15],
  ["SPLIT", 10],
  ["DISMISSED", 10],
] as const;

async function registrationsAndConflicts(
  w: BulkWriter,
  r: Rand,
  ref: Reference,
  nowMs: number,
  partners: string[],
  accounts: string[],
  o: Opps,
): Promise<SeedReport> {
  const report: SeedReport = [];
  const log = (table: string, rows: number, ms: number) => {
    report.push({ table, rows, ms });
    console.log(
      `[seed] ${table}: ${rows.toLocaleString("en-US")} rows in ${(ms / 1000).toFixed(1)} s ` +
        `(${Math.round(rows / Math.max(ms / 1000, 0.001)).toLocaleString("en-US")} rows/s)`,
    );
  };
  const routes = ROUTE_WEIGHTS.map(([route]) => route);
  const countries = [...ref.regionOf.keys()];

  // registrations: the converted ones are the partner-sourced deals' registrations (one each)
  let t0 = Date.now();
  const regs = new Sink(w, "DealRegistration", [
    "id",
    "partnerId",
    "submittedById",
    "accountName",
    "accountCountry",
    "accountVertical",
    "accountNameKey",
    "accountId",
    "productLineId",
    "estimatedAcvCents",
    "currency",
    "expectedCloseDate",
    "description",
    "status",
    "route",
    "slaDueAt",
    "protectedUntil",
    "reviewerId",
    "decisionReason",
    "decidedAt",
    "activeClaimKey",
    "partnerClaimKey",
    "opportunityId",
    "submittedAt",
    "lastActivityAt",
    "updatedAt",
  ]);
  const linked = new Set(
    (
      await w.all<{ id: string }>(
        `SELECT "opportunityId" AS "id" FROM "DealRegistration" WHERE "opportunityId" IS NOT NULL`,
      )
    ).map((x) => x.id),
  );
  const existingRegs = await count(w, "DealRegistration");
  const sourced = CATEGORIES.indexOf("PARTNER_SOURCED");
  let cursor = 0;
  for (let n = existingRegs + 1; n <= TARGET.registrations; n++) {
    if (regs.size >= BATCH) await regs.flush();
    const id = `cbreg${String(n).padStart(8, "0")}`;
    let status: string = weighted(r, REG_STATUSES);
    let opp = -1;
    if (status === "CONVERTED") {
      while (
        cursor < o.total &&
        (o.oppCategory[cursor] !== sourced || o.oppPartner[cursor] < 0 || linked.has(o.oppId(cursor)))
      )
        cursor++;
      if (cursor < o.total) opp = cursor++;
      else status = "EXPIRED";
    }
    const partner = opp >= 0 ? partners[o.oppPartner[opp]] : pick(r, partners);
    const accountIdx = opp >= 0 ? o.oppAccount[opp] : Math.floor(r() * accounts.length);
    const ago = (min: number, max: number) => nowMs - Math.floor((min + r() * (max - min)) * DAY);
    const submitted =
      opp >= 0
        ? o.oppCreated[opp] - Math.floor((0.5 + r() * 6) * DAY)
        : status === "SUBMITTED"
          ? ago(0, 6)
          : status === "APPROVED"
            ? ago(3, 80)
            : ago(15, 730);
    const decided =
      status === "SUBMITTED"
        ? null
        : opp >= 0
          ? o.oppCreated[opp]
          : submitted + Math.floor((0.1 + r() * r() * 6) * DAY);
    const protectedUntil =
      decided !== null && ["APPROVED", "CONVERTED", "EXPIRED"].includes(status) ? decided + 90 * DAY : null;
    const claims = status === "SUBMITTED" || status === "APPROVED";
    const lastActivity = status === "EXPIRED" ? protectedUntil! : (decided ?? submitted);
    const name = `Account ${accountIdx + 1}`;
    regs.push([
      id,
      partner,
      ref.partnerUsers.get(partner) ?? null,
      name,
      pick(r, countries),
      pick(r, VERTICALS),
      name.toLowerCase(),
      accounts[accountIdx],
      pick(r, ref.productLines),
      BigInt(Math.round(10 ** (3.7 + r() * 2.1)) * 100),
      "USD",
      new Date(Math.floor((submitted + (30 + r() * 150) * DAY) / DAY) * DAY),
      "",
      status,
      opp >= 0 ? routes[o.oppRoute[opp]] : r() < 0.8 ? "PARTNER_LED" : "CO_SELL",
      new Date(addBusinessDays(submitted, 2)),
      protectedUntil === null ? null : new Date(protectedUntil),
      decided === null ? null : pick(r, ref.managers),
      status === "REJECTED" ? "Not enough qualification: no budget or timeline." : null,
      decided === null ? null : new Date(decided),
      claims ? `bench|${id}` : null,
      claims ? `bench|${id}` : null,
      opp >= 0 ? o.oppId(opp) : null,
      new Date(submitted),
      new Date(lastActivity),
      new Date(lastActivity),
    ]);
  }
  await regs.flush();
  log("DealRegistration", regs.written, Date.now() - t0);

  // conflict cases, their parties and their timeline (opened, each escalation, resolved)
  t0 = Date.now();
  const conflicts = new Sink(w, "Conflict", [
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
    "source",
    "levelSince",
  ]);
  const parties = new Sink(w, "ConflictParty", ["id", "conflictId", "kind", "partnerId", "userId"]);
  const events = new Sink(w, "ConflictEvent", ["id", "conflictId", "kind", "fromLevel", "toLevel", "body", "at"]);
  const existingConflicts = await count(w, "Conflict");
  let eventN = 0;
  for (let n = existingConflicts + 1; n <= TARGET.conflicts; n++) {
    if (conflicts.size >= BATCH) {
      await conflicts.flush();
      await parties.flush();
      await events.flush();
    }
    const id = `cbcfl${String(n).padStart(7, "0")}`;
    const type = weighted(r, CONFLICT_TYPES);
    const opp = type !== "DUPLICATE_REGISTRATION" || r() < 0.3 ? Math.floor(r() * o.total) : -1;
    const openedMs =
      opp >= 0
        ? Math.min(nowMs - DAY / 2, o.oppCreated[opp] + Math.floor(r() * 30 * DAY))
        : nowMs - Math.floor(r() * 730 * DAY);
    const level = r() < 0.62 ? 1 : r() < 0.6 ? 2 : r() < 0.7 ? 3 : 4;
    const resolveDays = (1 + r() * 6) * level * (0.6 + r());
    const resolvedMs = openedMs + resolveDays * DAY;
    const resolved = resolvedMs < nowMs && r() < 0.97;
    const levelSinceMs = openedMs + (level - 1) * Math.min(resolveDays / level, 5) * DAY;
    const resolution = resolved ? weighted(r, RESOLUTIONS) : null;
    const account = opp >= 0 ? accounts[o.oppAccount[opp]] : pick(r, accounts);
    const partnerIdx = opp >= 0 && o.oppPartner[opp] >= 0 ? o.oppPartner[opp] : Math.floor(r() * partners.length);
    const updated = new Date(resolved ? resolvedMs : levelSinceMs);
    conflicts.push([
      id,
      type,
      resolved ? "RESOLVED" : "OPEN",
      level,
      account,
      opp >= 0 ? o.oppId(opp) : null,
      `Case ${n}: ${type.toLowerCase().replace(/_/g, " ")}`,
      new Date(addBusinessDays(levelSinceMs, 3)),
      resolution,
      resolved ? "Decided on the evidence: the registration, the meeting notes and the CRM activity." : null,
      resolved ? JSON.stringify([type.toLowerCase().replace(/_/g, "-")]) : null,
      new Date(openedMs),
      resolved ? new Date(resolvedMs) : null,
      updated,
      SOURCE_OF[type],
      new Date(levelSinceMs),
    ]);
    parties.push([`cbcfp${String(n).padStart(7, "0")}a`, id, "PARTNER", partners[partnerIdx], null]);
    if (type !== "DUPLICATE_REGISTRATION")
      parties.push([`cbcfp${String(n).padStart(7, "0")}d`, id, "DIRECT", null, pick(r, ref.aes)]);
    else parties.push([`cbcfp${String(n).padStart(7, "0")}b`, id, "PARTNER", pick(r, partners), null]);
    const event = (kind: string, from: number | null, to: number | null, at: number) =>
      events.push([`cbcfe${String(++eventN).padStart(8, "0")}`, id, kind, from, to, "", new Date(at)]);
    event("OPENED", null, 1, openedMs);
    for (let l = 2; l <= level; l++)
      event("ESCALATED", l - 1, l, openedMs + ((levelSinceMs - openedMs) * (l - 1)) / (level - 1));
    if (resolved) event("RESOLVED", level, level, resolvedMs);
  }
  await conflicts.flush();
  await parties.flush();
  await events.flush();
  log(
    "Conflict + ConflictParty + ConflictEvent",
    conflicts.written + parties.written + events.written,
    Date.now() - t0,
  );
  return report;
}
