// Scaled databases for the registration benchmark (docs/domain.md#scale: 200,000 accounts, 300,000
// registrations). The app creates the schema and the demo company (prisma/prepare.ts, exactly what
// `npm start` runs on a new database); this file then tops the Account and DealRegistration tables
// up with better-sqlite3 prepared statements in large transactions, writing values the way the app
// stores them (SQLite DateTime as ISO-8601 text with "+00:00", booleans 0/1, BigInt as integer).
// The result is cached as data/bench-<label>.db and reused while its seed version and row counts match.
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { claimKeys, NO_CLAIM, type ClaimKeys } from "@/lib/registrations/claim-key";
import { VERTICALS, type AccountTier, type Vertical } from "@/lib/rules/types";
import { bin, root } from "../../../lib/cli/paths.mjs";
import { prng } from "../rules/generate";
import { COUNTRY_WEIGHTS, companyName, domainFor, pick, typedDomain, weighted, type Rand } from "./names";

export type Scale = { label: string; accounts: number; registrations: number; file: string };

export const SCALES = {
  small: { label: "20k", accounts: 20_000, registrations: 30_000, file: "data/bench-20k.db" },
  large: { label: "200k", accounts: 200_000, registrations: 300_000, file: "data/bench-200k.db" },
} satisfies Record<string, Scale>;

/** Bump when the generated rows change: cached files of another version are rebuilt. */
const SEED_VERSION = 1;
const BATCH = 20_000;
const DAY = 86_400_000;

/** How the app's Prisma SQLite adapter writes a DateTime. */
export const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export function removeDb(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

function isCurrent(file: string, scale: Scale): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true });
  try {
    const version = db.pragma("user_version", { simple: true });
    const accounts = (db.prepare(`SELECT count(*) AS n FROM "Account"`).get() as { n: number }).n;
    const regs = (db.prepare(`SELECT count(*) AS n FROM "DealRegistration"`).get() as { n: number }).n;
    return version === SEED_VERSION && accounts === scale.accounts && regs === scale.registrations;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** The cached database for `scale`, built when missing or stale. Returns its absolute path. */
export function ensureScaledDb(scale: Scale): { file: string; builtMs: number | null } {
  const file = path.join(root, scale.file);
  if (isCurrent(file, scale)) return { file, builtMs: null };
  const started = Date.now();
  const tmp = file.replace(/\.db$/, ".tmp.db");
  removeDb(tmp);
  console.log(`[seed] ${scale.label}: creating the schema and the demo company (prisma/prepare.ts) …`);
  const res = spawnSync(
    process.execPath,
    [bin.tsx, "--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "prisma/prepare.ts")],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: `file:${tmp}` },
    },
  );
  if (res.status !== 0) throw new Error(`prisma/prepare.ts failed for ${tmp} (exit ${res.status})`);
  const db = new Database(tmp, { timeout: 15_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF"); // a throwaway file until it is renamed into place
    db.pragma("foreign_keys = ON");
    db.pragma("cache_size = -131072");
    const r = prng(0x5ca1e + scale.accounts);
    const t0 = Date.now();
    const accounts = addAccounts(db, r, scale.accounts);
    console.log(`[seed] ${scale.label}: ${scale.accounts.toLocaleString("en-US")} accounts (${Date.now() - t0} ms)`);
    const t1 = Date.now();
    addRegistrations(db, r, accounts, scale.registrations);
    console.log(
      `[seed] ${scale.label}: ${scale.registrations.toLocaleString("en-US")} registrations (${Date.now() - t1} ms)`,
    );
    db.pragma(`user_version = ${SEED_VERSION}`);
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  removeDb(file);
  renameSync(tmp, file);
  removeDb(tmp);
  return { file, builtMs: Date.now() - started };
}

type AccountRow = {
  id: string;
  name: string;
  nameKey: string;
  domain: string | null;
  domainKey: string | null;
  country: string;
  vertical: Vertical;
  tier: string;
};

function addAccounts(db: Database.Database, r: Rand, target: number): AccountRow[] {
  const rows = db
    .prepare(`SELECT id, name, nameKey, domain, domainKey, country, vertical, tier FROM "Account"`)
    .all() as AccountRow[];
  const regionOf = new Map(
    (db.prepare(`SELECT country, regionId FROM "RegionCountry"`).all() as { country: string; regionId: string }[]).map(
      (c) => [c.country, c.regionId],
    ),
  );
  const countries = [...regionOf.keys()].map((c) => [c, COUNTRY_WEIGHTS[c] ?? 0.5] as const);
  const aes = (db.prepare(`SELECT id FROM "User" WHERE role = 'AE' ORDER BY id`).all() as { id: string }[]).map(
    (u) => u.id,
  );
  const tiers: readonly (readonly [AccountTier, number])[] = [
    ["SMB", 45],
    ["MIDMARKET", 35],
    ["ENTERPRISE", 15],
    ["STRATEGIC", 5],
  ];
  const names = new Set(rows.map((a) => a.nameKey));
  const domains = new Set(rows.flatMap((a) => (a.domainKey ? [a.domainKey] : [])));
  const insert = db.prepare(
    `INSERT INTO "Account" (id, name, nameKey, domain, domainKey, country, regionId, vertical, tier, namedAccount, ownerId, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  const insertBatch = db.transaction((batch: unknown[][]) => {
    for (const values of batch) insert.run(values);
  });
  let batch: unknown[][] = [];
  for (let n = rows.length + 1; rows.length < target; n++) {
    const country = weighted(r, countries);
    const vertical = pick(r, VERTICALS);
    const tier = weighted(r, tiers);
    let name = companyName(r, vertical, country);
    let nameKey = normalizeAccountName(name);
    while (names.has(nameKey)) {
      name = companyName(r, vertical, country);
      nameKey = normalizeAccountName(name);
    }
    names.add(nameKey);
    let domain: string | null = null;
    let domainKey: string | null = null;
    if (r() >= 0.08) {
      let bare = domainFor(r, nameKey, country);
      for (let k = 2; domains.has(bare); k++) bare = bare.replace(/^([a-z0-9]+?)\d*\./, `$1${k}.`);
      domain = typedDomain(r, bare);
      domainKey = normalizeDomain(domain);
      if (domainKey !== bare) throw new Error(`domain ${domain} normalizes to ${domainKey}, expected ${bare}`);
      domains.add(domainKey);
    }
    const named = tier === "STRATEGIC" && r() < 0.5;
    const owner = named || ((tier === "ENTERPRISE" || tier === "STRATEGIC") && r() < 0.7) ? pick(r, aes) : null;
    const created = iso(now - 30 * DAY - Math.floor(r() * 6 * 365 * DAY));
    const id = `cbacc${String(n).padStart(7, "0")}`;
    rows.push({ id, name, nameKey, domain, domainKey, country, vertical, tier });
    batch.push([
      id,
      name,
      nameKey,
      domain,
      domainKey,
      country,
      regionOf.get(country),
      vertical,
      tier,
      named ? 1 : 0,
      owner,
      created,
      created,
    ]);
    if (batch.length === BATCH) {
      insertBatch(batch);
      batch = [];
    }
  }
  insertBatch(batch);
  return rows;
}

const STATUSES = [
  ["CONVERTED", 60],
  ["REJECTED", 10],
  ["APPROVED", 11],
  ["EXPIRED", 8],
  ["WITHDRAWN", 6],
  ["SUBMITTED", 5],
] as const;
const ROUTES = [
  ["PARTNER_LED", 85],
  ["CO_SELL", 6],
  ["DIRECT_PARTNER_ATTACHED", 5],
  ["MARKETPLACE", 4],
] as const;
const REJECT_REASONS = [
  "An open direct opportunity already covers this deal.",
  "Not enough qualification: no budget or timeline.",
  "Duplicate of an earlier registration.",
];
const DESCRIPTIONS = [
  "Customer is replacing a legacy system before the renewal date.",
  "Expansion into two new business units; champion is the CIO.",
  "Competitive evaluation, decision expected this quarter.",
  "New data-residency requirements drive the project.",
  "",
];

/** Adds `days` business days (Monday–Friday) to a time, as the review SLA does. */
function addBusinessDays(ms: number, days: number): number {
  let t = ms;
  for (let left = days; left > 0;) {
    t += DAY;
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return t;
}

function addRegistrations(db: Database.Database, r: Rand, accounts: AccountRow[], target: number) {
  const existing = (db.prepare(`SELECT count(*) AS n FROM "DealRegistration"`).get() as { n: number }).n;
  const productLines = (db.prepare(`SELECT id FROM "ProductLine" ORDER BY id`).all() as { id: string }[]).map(
    (p) => p.id,
  );
  const partners = db.prepare(`SELECT id, status, managerId FROM "Partner" ORDER BY id`).all() as {
    id: string;
    status: string;
    managerId: string | null;
  }[];
  const active = partners.filter((p) => p.status === "ACTIVE");
  const usersOf = new Map<string, string[]>();
  for (const u of db.prepare(`SELECT id, partnerId FROM "User" WHERE partnerId IS NOT NULL ORDER BY id`).all() as {
    id: string;
    partnerId: string;
  }[]) {
    usersOf.set(u.partnerId, [...(usersOf.get(u.partnerId) ?? []), u.id]);
  }
  // every key held, all three claim columns (their prefixes keep them apart): lib/registrations/claim-key
  const claims = new Set(
    (
      db
        .prepare(
          `SELECT activeClaimKey AS a, activeClaimNameKey AS n, activeClaimDomainKey AS d FROM "DealRegistration" WHERE activeClaimKey IS NOT NULL`,
        )
        .all() as Record<string, string | null>[]
    )
      .flatMap((c) => [c.a, c.n, c.d])
      .filter((k): k is string => k !== null),
  );
  const held = (k: ClaimKeys) =>
    [k.activeClaimKey, k.activeClaimNameKey, k.activeClaimDomainKey].filter((x): x is string => x !== null);
  // conservative: the account's own name and domain, whatever the partner will type
  const taken = (account: AccountRow, productLineId: string) =>
    held(claimKeys(account.id, account.nameKey, account.domainKey, productLineId)).some((k) => claims.has(k));
  const insert = db.prepare(
    `INSERT INTO "DealRegistration" (id, partnerId, submittedById, accountName, accountDomain, accountCountry, accountVertical,
       accountNameKey, accountDomainKey, accountId, productLineId, estimatedAcvCents, currency, expectedCloseDate, description,
       status, route, slaDueAt, protectedUntil, extensionCount, reviewerId, decisionReason, decidedAt, activeClaimKey,
       activeClaimNameKey, activeClaimDomainKey, submittedAt, lastActivityAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBatch = db.transaction((batch: unknown[][]) => {
    for (const values of batch) insert.run(values);
  });
  const now = Date.now();
  const ago = (minDays: number, maxDays: number) => now - Math.floor((minDays + r() * (maxDays - minDays)) * DAY);
  let batch: unknown[][] = [];
  for (let n = existing + 1; n <= target; n++) {
    let status: string = weighted(r, STATUSES);
    let account = pick(r, accounts);
    const productLineId = pick(r, productLines);
    let claiming = false;
    if (status === "SUBMITTED" || status === "APPROVED") {
      for (let tries = 0; tries < 5 && taken(account, productLineId); tries++) account = pick(r, accounts);
      if (taken(account, productLineId)) status = "EXPIRED";
      else claiming = true;
    }
    const partner = status === "SUBMITTED" || status === "APPROVED" ? pick(r, active) : pick(r, partners);
    const submitted =
      status === "SUBMITTED"
        ? ago(0, 10)
        : status === "APPROVED"
          ? ago(3, 80)
          : status === "CONVERTED" || status === "EXPIRED"
            ? ago(120, 3 * 365)
            : ago(15, 3 * 365);
    const decided = status === "SUBMITTED" ? null : submitted + Math.floor((0.2 + r() * 4) * DAY);
    const protectedUntil =
      decided !== null && ["APPROVED", "CONVERTED", "EXPIRED"].includes(status) ? decided + 90 * DAY : null;
    const lastActivity =
      status === "CONVERTED"
        ? decided! + Math.floor((10 + r() * 70) * DAY)
        : status === "EXPIRED"
          ? protectedUntil!
          : (decided ?? submitted);
    // partners mostly type the account as it is known; sometimes without the legal form, in capitals
    const typedName =
      r() < 0.85
        ? account.name
        : r() < 0.5
          ? account.nameKey.replace(/\b\w/g, (c) => c.toUpperCase())
          : account.name.toUpperCase();
    const typedNameKey = typedName === account.name ? account.nameKey : normalizeAccountName(typedName);
    const typedDomainValue = account.domain && r() < 0.8 ? account.domain : null;
    const claim = claiming
      ? claimKeys(account.id, typedNameKey, typedDomainValue ? account.domainKey : null, productLineId)
      : NO_CLAIM;
    if (claiming)
      for (const k of [
        ...held(claimKeys(account.id, account.nameKey, account.domainKey, productLineId)),
        ...held(claim as ClaimKeys),
      ])
        claims.add(k);
    const expectedClose = Math.floor((submitted + (30 + r() * 150) * DAY) / DAY) * DAY;
    const acvCents = Math.round(10 ** (3.5 + r() * 2.5)) * 100; // $3k … $1M, log-uniform
    batch.push([
      `cbreg${String(n).padStart(8, "0")}`,
      partner.id,
      usersOf.get(partner.id)?.[0] ?? null,
      typedName,
      typedDomainValue,
      account.country,
      account.vertical,
      typedNameKey,
      typedDomainValue ? account.domainKey : null,
      account.id,
      productLineId,
      acvCents,
      iso(expectedClose),
      pick(r, DESCRIPTIONS),
      status,
      weighted(r, ROUTES),
      iso(addBusinessDays(submitted, 2)),
      protectedUntil === null ? null : iso(protectedUntil),
      protectedUntil !== null && r() < 0.1 ? 1 : 0,
      decided === null ? null : partner.managerId,
      status === "REJECTED" ? pick(r, REJECT_REASONS) : null,
      decided === null ? null : iso(decided),
      claim.activeClaimKey,
      claim.activeClaimNameKey,
      claim.activeClaimDomainKey,
      iso(submitted),
      iso(lastActivity),
      iso(lastActivity),
    ]);
    if (batch.length === BATCH) {
      insertBatch(batch);
      batch = [];
    }
  }
  insertBatch(batch);
}
