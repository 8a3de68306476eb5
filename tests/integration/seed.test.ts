// The seed against real databases: a fresh SQLite file always, and a fresh PostgreSQL database when
// TEST_DATABASE_URL names a server. Checks the invariants the app relies on and that the same `now`
// always produces the same demo company.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeAccountName } from "@/lib/accounts/normalize";
import { connect, type Db } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hashDemoPassword, seedBase, seedDemo } from "@/prisma/seed";
import { claimKeys } from "@/lib/registrations/claim-key";

const NOW = new Date("2026-11-23T16:00:00.000Z");
const DAY = 86_400_000;
const STATUSES = ["SUBMITTED", "APPROVED", "REJECTED", "EXPIRED", "WITHDRAWN", "CONVERTED"] as const;

let passwordHash: Promise<string> | undefined;
const demoHash = () => (passwordHash ??= hashDemoPassword());

interface Target {
  name: string;
  create(): Promise<string>;
  drop(url: string): Promise<void>;
}

const tempDirs: string[] = [];

const sqlite: Target = {
  name: "sqlite",
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), "accord-seed-"));
    tempDirs.push(dir);
    return `file:${path.join(dir, `${randomBytes(4).toString("hex")}.db`)}`;
  },
  async drop() {},
};

function postgres(serverUrl: string): Target {
  const databaseUrl = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  // CREATE and DROP DATABASE run from the maintenance database, never from the one being dropped
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: databaseUrl("postgres") });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "postgresql",
    async create() {
      const name = `accord_seed_${process.pid}_${randomBytes(4).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE "${name}"`));
      return databaseUrl(name);
    },
    async drop(url) {
      const name = new URL(url).pathname.slice(1);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

const targets: Target[] = [sqlite];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl && /^postgres(ql)?:\/\//.test(pgUrl)) targets.push(postgres(pgUrl));

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, migrated database seeded with base (twice) and demo data. */
async function seeded(target: Target) {
  const url = await target.create();
  await migrate(url);
  const { db } = connect(url);
  const firstBase = await seedBase(db, { now: NOW });
  const secondBase = await seedBase(db, { now: NOW });
  const demo = await seedDemo(db, { now: NOW, passwordHash: await demoHash() });
  return { url, db, firstBase, secondBase, demo };
}

/** JSON with sorted keys, BigInt as text and dates as ISO: equal data gives equal text on both databases. */
function canonical(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A digest of the demo company's rows (password hashes are salted, so left out). */
async function digest(db: Db): Promise<string> {
  const byId = { orderBy: { id: "asc" as const } };
  const tables: Array<[string, Promise<unknown[]>]> = [
    ["users", db.user.findMany({ ...byId, omit: { passwordHash: true } })],
    ["partners", db.partner.findMany(byId)],
    ["accounts", db.account.findMany(byId)],
    ["opportunities", db.opportunity.findMany(byId)],
    ["registrations", db.dealRegistration.findMany(byId)],
    ["registrationEvents", db.registrationEvent.findMany(byId)],
    ["decisions", db.routeDecision.findMany(byId)],
    ["conflicts", db.conflict.findMany(byId)],
    ["conflictParties", db.conflictParty.findMany(byId)],
    ["conflictEvents", db.conflictEvent.findMany(byId)],
    ["attributions", db.attribution.findMany(byId)],
    ["mdf", db.mdfFund.findMany(byId)],
    ["scores", db.maturityScore.findMany(byId)],
    ["council", db.councilMeeting.findMany(byId)],
    ["councilAttendees", db.councilAttendee.findMany({ orderBy: [{ meetingId: "asc" }, { userId: "asc" }] })],
    ["councilDecisions", db.councilDecision.findMany(byId)],
    ["councilActionItems", db.councilActionItem.findMany(byId)],
    ["audit", db.auditEvent.findMany(byId)],
    ["rules", db.rule.findMany(byId)],
  ];
  const hash = createHash("sha256");
  for (const [name, rows] of tables) hash.update(name).update(JSON.stringify(canonical(await rows)));
  return hash.digest("hex");
}

describe.each(targets)("seed on $name", (target) => {
  let ctx: Awaited<ReturnType<typeof seeded>>;

  beforeAll(async () => {
    ctx = await seeded(target);
  });

  afterAll(async () => {
    await ctx?.db.$disconnect();
    if (ctx) await target.drop(ctx.url);
  });

  it("seeds the reference data once, however often seedBase runs", async () => {
    const { db, firstBase, secondBase } = ctx;
    expect(firstBase).toMatchObject({ regions: 5, ruleSets: 1 });
    expect(secondBase).toEqual({ regions: 0, countries: 0, ruleSets: 0, segments: 0, settings: 0 });
    expect(await db.region.count()).toBe(5);
    const regions = await db.region.findMany({ include: { countries: true } });
    const direct = Object.fromEntries(regions.map((r) => [r.code, r.directPresence]));
    expect(direct).toEqual({ NA: true, "EMEA-WEST": true, "EMEA-SECONDARY": false, APAC: false, LATAM: false });
    const countries = Object.fromEntries(regions.flatMap((r) => r.countries.map((c) => [c.country, r.code])));
    expect(countries).toMatchObject({
      US: "NA",
      CA: "NA",
      GB: "EMEA-WEST",
      DE: "EMEA-WEST",
      PL: "EMEA-SECONDARY",
      SG: "APAC",
      BR: "LATAM",
    });
    const v1 = await db.ruleSet.findUniqueOrThrow({ where: { version: 1 }, include: { rules: true } });
    expect(v1.status).toBe("PUBLISHED");
    expect(v1.effectiveFrom!.getTime()).toBeLessThan(NOW.getTime() - 700 * DAY);
    expect(v1.rules.map((r) => r.priority).sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(await db.appSetting.findUnique({ where: { key: "demo" } })).toMatchObject({ value: true });
  });

  it("does not seed the demo company twice", async () => {
    expect(ctx.demo.skipped).toBe(false);
    expect((await seedDemo(ctx.db, { now: NOW, passwordHash: await demoHash() })).skipped).toBe(true);
  });

  it("creates every demo sign-in with its role, title and partner", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { email: account.email }, include: { partner: true } });
      expect(user, account.email).toMatchObject({ role: account.role, title: account.title ?? null, active: true });
      expect(user.partner?.name ?? undefined, account.email).toBe(account.partner);
    }
    const ops = await ctx.db.user.findUniqueOrThrow({ where: { email: "ops@accord.test" } });
    expect(ops.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verify(ops.passwordHash, DEMO_PASSWORD)).toBe(true);
    const pm = await ctx.db.user.findUniqueOrThrow({
      where: { email: "pm@accord.test" },
      include: { managedPartners: true },
    });
    expect(pm.managedPartners.map((p) => p.name)).toEqual(
      expect.arrayContaining(["Northwind Systems", "Contoso Partners"]),
    );
    expect(pm.managedPartners.length).toBeGreaterThanOrEqual(15);
  });

  it("has ~40 partners across all types and tiers", async () => {
    const partners = await ctx.db.partner.findMany();
    expect(partners.length).toBeGreaterThanOrEqual(35);
    expect(partners.length).toBeLessThanOrEqual(45);
    expect(new Set(partners.map((p) => p.type))).toEqual(
      new Set(["RESELLER", "DISTRIBUTOR", "REFERRAL", "MSP", "MARKETPLACE"]),
    );
    expect(new Set(partners.map((p) => p.tier))).toEqual(new Set(["PLATINUM", "GOLD", "SILVER", "REGISTERED"]));
    expect(partners.filter((p) => p.type === "MARKETPLACE").length).toBeGreaterThanOrEqual(2);
    for (const p of partners) expect(p.nameKey).toBe(normalizeAccountName(p.name));
    expect(await ctx.db.user.count({ where: { role: "PARTNER" } })).toBe(partners.length);
  });

  it("has ~2,000 accounts with normalized keys in every region", async () => {
    const accounts = await ctx.db.account.findMany({
      select: { name: true, nameKey: true, namedAccount: true, ownerId: true, regionId: true },
    });
    expect(accounts.length).toBeGreaterThanOrEqual(1_900);
    for (const a of accounts) expect(a.nameKey).toBe(normalizeAccountName(a.name));
    expect(new Set(accounts.map((a) => a.nameKey)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.regionId)).size).toBe(5);
    const named = accounts.filter((a) => a.namedAccount);
    expect(named.length / accounts.length).toBeGreaterThan(0.015);
    expect(named.length / accounts.length).toBeLessThan(0.05);
    expect(named.every((a) => a.ownerId)).toBe(true);
  });

  it("has registrations in every status, consistent with now", async () => {
    const regs = await ctx.db.dealRegistration.findMany({ include: { partner: true } });
    const now = NOW.getTime();
    const of = (s: string) => regs.filter((r) => r.status === s);
    for (const s of STATUSES) expect(of(s).length, s).toBeGreaterThan(0);
    for (const name of ["Northwind Systems", "Contoso Partners"]) {
      expect(new Set(regs.filter((r) => r.partner.name === name).map((r) => r.status)), name).toEqual(
        new Set(STATUSES),
      );
    }
    expect(of("SUBMITTED").some((r) => r.slaDueAt.getTime() < now)).toBe(true);
    expect(of("SUBMITTED").some((r) => r.slaDueAt.getTime() > now)).toBe(true);
    expect(of("APPROVED").every((r) => r.protectedUntil!.getTime() > now)).toBe(true);
    expect(of("APPROVED").some((r) => r.protectedUntil!.getTime() < now + 14 * DAY)).toBe(true);
    expect(of("EXPIRED").every((r) => r.protectedUntil!.getTime() < now)).toBe(true);
    expect(of("REJECTED").every((r) => r.decisionReason && r.decidedAt)).toBe(true);
    expect(of("CONVERTED").every((r) => r.opportunityId)).toBe(true);
    // a converted registration protects until protectedUntil while it holds its claim (lib/registrations/lifecycle.ts)
    expect(of("CONVERTED").some((r) => r.activeClaimKey !== null && r.protectedUntil!.getTime() > now)).toBe(true);
    expect(
      of("CONVERTED")
        .filter((r) => r.partnerClaimKey === null && r.protectedUntil)
        .every((r) => r.protectedUntil!.getTime() <= now),
    ).toBe(true);
    expect(regs.every((r) => r.submittedAt.getTime() <= now)).toBe(true);
    const events = await ctx.db.registrationEvent.groupBy({ by: ["registrationId"], _count: true });
    expect(events.length).toBe(regs.length);
  });

  it("keeps active claim keys unique, and only on active registrations", async () => {
    const regs = await ctx.db.dealRegistration.findMany({
      include: { conflictLinks: { include: { conflict: true } } },
    });
    const keyed = regs.filter((r) => r.activeClaimKey !== null);
    expect(keyed.every((r) => r.status === "SUBMITTED" || r.status === "APPROVED" || r.status === "CONVERTED")).toBe(
      true,
    );
    // the application's own key format, so seeded claims are seen by the duplicate check
    for (const r of keyed) {
      expect({
        activeClaimKey: r.activeClaimKey,
        activeClaimNameKey: r.activeClaimNameKey,
        activeClaimDomainKey: r.activeClaimDomainKey,
      }).toEqual(claimKeys(r.accountId, r.accountNameKey, r.accountDomainKey, r.productLineId));
    }
    expect(new Set(keyed.map((r) => r.activeClaimKey)).size).toBe(keyed.length);
    expect(
      regs
        .filter((r) => r.activeClaimKey === null)
        .every((r) => r.activeClaimNameKey === null && r.activeClaimDomainKey === null),
    ).toBe(true);
    // an active registration without the key is the later claim of an open duplicate case
    const unkeyed = regs.filter(
      (r) => (r.status === "SUBMITTED" || r.status === "APPROVED") && r.activeClaimKey === null,
    );
    for (const r of unkeyed) {
      expect(
        r.conflictLinks.some((l) => l.conflict.type === "DUPLICATE_REGISTRATION" && l.conflict.status === "OPEN"),
      ).toBe(true);
    }
  });

  it("routes every opportunity and registration with a stored, explained decision", async () => {
    const decisions = new Map((await ctx.db.routeDecision.findMany()).map((d) => [d.id, d]));
    const opps = await ctx.db.opportunity.findMany({
      select: {
        id: true,
        route: true,
        routeDecisionId: true,
        stage: true,
        closeDate: true,
        closedAt: true,
        acvCents: true,
      },
    });
    const regs = await ctx.db.dealRegistration.findMany({ select: { id: true, route: true, routeDecisionId: true } });
    const check = (subjectType: string, row: { id: string; route: string | null; routeDecisionId: string | null }) => {
      const d = decisions.get(row.routeDecisionId ?? "");
      expect(d, row.id).toBeDefined();
      expect(d).toMatchObject({ subjectType, subjectId: row.id, route: row.route, ruleSetVersion: 1 });
      expect(Array.isArray(d!.trace) && (d!.trace as unknown[]).length > 0).toBe(true);
      expect((d!.facts as { at?: string }).at).toBe(d!.decidedAt.toISOString());
    };
    for (const o of opps) check("OPPORTUNITY", o);
    for (const r of regs) check("REGISTRATION", r);
    expect(opps.length).toBeGreaterThan(2_500);
    const now = NOW.getTime();
    for (const o of opps) {
      const closed = o.stage === "CLOSED_WON" || o.stage === "CLOSED_LOST";
      expect(
        closed
          ? o.closeDate.getTime() <= now && o.closedAt!.getTime() <= now
          : o.closeDate.getTime() > now && o.closedAt === null,
      ).toBe(true);
    }
    const acvs = opps.map((o) => Number(o.acvCents) / 100);
    expect(Math.min(...acvs)).toBeLessThanOrEqual(15_000);
    expect(Math.max(...acvs)).toBeGreaterThanOrEqual(2_000_000);
  });

  it("has open and resolved conflicts of every type, with parties and history", async () => {
    const conflicts = await ctx.db.conflict.findMany({ include: { parties: true, events: true } });
    for (const type of [
      "DUPLICATE_REGISTRATION",
      "DIRECT_VS_PARTNER",
      "NAMED_ACCOUNT",
      "PRICING_UNDERCUT",
      "ATTRIBUTION_DISPUTE",
    ]) {
      expect(
        conflicts.some((c) => c.type === type && c.status === "OPEN"),
        type,
      ).toBe(true);
      expect(
        conflicts.some((c) => c.type === type && c.status === "RESOLVED"),
        type,
      ).toBe(true);
    }
    for (const c of conflicts) {
      expect(c.parties.length).toBeGreaterThanOrEqual(2);
      expect(c.events.some((e) => e.kind === "OPENED")).toBe(true);
      expect(
        c.status === "RESOLVED"
          ? Boolean(c.resolution && c.rationale && c.events.some((e) => e.kind === "RESOLVED"))
          : c.resolution === null,
      ).toBe(true);
      const splits = c.parties.filter((p) => p.creditPct !== null);
      if (splits.length) expect(splits.reduce((s, p) => s + p.creditPct!, 0)).toBe(100);
    }
  });

  it("attributes every won deal with credits summing to 100%", async () => {
    const won = await ctx.db.opportunity.findMany({ where: { stage: "CLOSED_WON" }, include: { attributions: true } });
    for (const o of won) {
      expect(o.attributions.length, o.id).toBeGreaterThan(0);
      expect(
        o.attributions.reduce((s, a) => s + a.creditPct, 0),
        o.id,
      ).toBe(100);
    }
    expect(await ctx.db.mdfFund.count()).toBeGreaterThan(0);
    expect(await ctx.db.maturityAssessment.groupBy({ by: ["framework"], _count: true })).toHaveLength(3);
    expect(await ctx.db.councilMeeting.count()).toBeGreaterThanOrEqual(2);
    expect(await ctx.db.councilDecision.count()).toBeGreaterThanOrEqual(3);
    expect(await ctx.db.councilActionItem.count({ where: { status: "OPEN" } })).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.auditEvent.count()).toBeGreaterThan(0);
  });

  it("produces the same data for the same now", async () => {
    const again = await seeded(sqlite);
    try {
      expect(await digest(again.db)).toBe(await digest(ctx.db));
    } finally {
      await again.db.$disconnect();
    }
  }, 180_000); // a second whole seed: generous, as the suite's hooks are, for a loaded CI machine
});
