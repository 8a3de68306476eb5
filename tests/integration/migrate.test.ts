// The migration runner: idempotent, and refuses a migration edited after it was applied.
import { mkdtempSync, cpSync, appendFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { migrate, loadMigrations } from "@/lib/db/migrate";
import { adminQuery, serverUrl, testTarget } from "../support/test-db";

/** An empty database of the given provider, with helpers to run parameterised SQL on it. */
async function emptyDatabase(provider: "sqlite" | "postgresql", dir: string) {
  if (provider === "sqlite") {
    const file = path.join(dir, "claims.db");
    return {
      url: `file:${file}`,
      exec: async (setup: string[], statements: string[], params: unknown[][]) => {
        const sqlite = new Database(file);
        for (const s of setup) sqlite.exec(s);
        statements.forEach((s, i) => sqlite.prepare(s).run(...params[i]));
        sqlite.close();
      },
      query: async (sql: string) => {
        const sqlite = new Database(file, { readonly: true });
        const rows = sqlite.prepare(sql).all();
        sqlite.close();
        return rows;
      },
      drop: async () => undefined,
    };
  }
  const name = `mig_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = serverUrl(name);
  const withClient = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    url,
    exec: (setup: string[], statements: string[], params: unknown[][]) =>
      withClient(async (c) => {
        for (const s of setup) await c.query(s);
        for (const [i, s] of statements.entries()) {
          let n = 0;
          await c.query(
            s.replace(/\?/g, () => `$${++n}`),
            params[i],
          );
        }
      }),
    query: (sql: string) => withClient(async (c) => (await c.query(sql)).rows),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

describe("migrations", () => {
  it("apply once on a new SQLite database, then nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "accord-mig-"));
    const url = `file:${path.join(dir, "new.db")}`;
    const first = await migrate(url);
    expect(first.createdDatabase).toBe(true);
    expect(first.applied).toEqual(loadMigrations("sqlite").map((m) => m.name));
    expect(await migrate(url)).toEqual({ applied: [], createdDatabase: false });
    rmSync(dir, { recursive: true, force: true });
  });

  // The claim-keys migration backfills claims held before it: each active claim gets its name and
  // domain keys, and where two already share one, the earlier submission keeps it. Runs on the
  // database the suite targets (SQLite, or PostgreSQL with TEST_DATABASE_URL).
  it(`backfill the claim keys of existing active registrations (${testTarget()})`, async () => {
    const provider = testTarget();
    const folder = provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations";
    const dir = mkdtempSync(path.join(os.tmpdir(), "accord-mig-"));
    const all = loadMigrations(provider).map((m) => m.name);
    const claimKeys = all.find((n) => n.endsWith("_claim_keys"))!;
    for (const name of all.filter((n) => n < claimKeys))
      cpSync(path.join(process.cwd(), folder, name), path.join(dir, folder, name), { recursive: true });
    const db = await emptyDatabase(provider, dir);
    await migrate(db.url, dir);
    const rows: [string, string, string | null, string, string, string | null][] = [
      ["r1", "acme", "acme.example", "p1", "2026-01-01", "a:A|p1"],
      ["r2", "acme", null, "p1", "2026-01-02", "n:acme|p1"], // same name, later
      ["r3", "acme hold", "acme.example", "p1", "2026-01-03", "n:acme hold|p1"], // same domain, later
      ["r4", "acme", "acme.example", "p2", "2026-01-01", "a:A|p2"], // another product line
      ["r5", "acme", "acme.example", "p1", "2025-01-01", null], // not active
    ];
    const parents = [
      `INSERT INTO "Partner" ("id", "name", "nameKey", "type", "tier", "createdAt", "updatedAt") VALUES ('p',
        'P', 'p', 'RESELLER', 'GOLD', '2026-01-01', '2026-01-01')`,
      `INSERT INTO "ProductLine" ("id", "name", "nameKey", "kind") VALUES ('p1', 'P1', 'p1', 'CORE'), ('p2', 'P2', 'p2', 'CORE')`,
    ];
    const insert = `INSERT INTO "DealRegistration" ("id", "partnerId", "accountName", "accountCountry",
      "accountVertical", "accountNameKey", "accountDomainKey", "productLineId", "estimatedAcvCents",
      "expectedCloseDate", "slaDueAt", "updatedAt", "submittedAt", "activeClaimKey")
       VALUES (?, 'p', 'x', 'DE', 'RETAIL', ?, ?, ?, 100, '2027-01-01', '2027-01-01', '2027-01-01', ?, ?)`;
    await db.exec(
      parents,
      rows.map(() => insert),
      rows,
    );
    cpSync(path.join(process.cwd(), folder, claimKeys), path.join(dir, folder, claimKeys), { recursive: true });
    expect((await migrate(db.url, dir)).applied).toContain(claimKeys);
    expect(
      await db.query(
        `SELECT "id", "activeClaimNameKey" AS n, "activeClaimDomainKey" AS d FROM "DealRegistration" ORDER BY "id"`,
      ),
    ).toEqual([
      { id: "r1", n: "n:acme|p1", d: "d:acme.example|p1" },
      { id: "r2", n: null, d: null },
      { id: "r3", n: "n:acme hold|p1", d: null },
      { id: "r4", n: "n:acme|p2", d: "d:acme.example|p2" },
      { id: "r5", n: null, d: null },
    ]);
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  // The outbox-backoff migration: mail the old five-attempts rule gave up on in the last 24 hours is
  // retried (it was lost for good before); older failures stay FAILED; every row gets a due time.
  it("make recent FAILED e-mail retryable when adding the outbox backoff", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "accord-mig-"));
    const all = loadMigrations("sqlite").map((m) => m.name);
    const backoff = all.find((n) => n.endsWith("_outbox_backoff"))!;
    for (const name of all.filter((n) => n < backoff))
      cpSync(path.join(process.cwd(), "prisma/migrations", name), path.join(dir, "prisma/migrations", name), {
        recursive: true,
      });
    const file = path.join(dir, "outbox.db");
    await migrate(`file:${file}`, dir);
    const sqlite = new Database(file);
    const insert = sqlite.prepare(
      `INSERT INTO "Outbox" ("id", "kind", "recipientEmail", "subject", "body", "status", "attempts",
        "lastError", "createdAt") VALUES (?, 'k', 'a@example.test', 's', 'b', ?, ?, ?, ?)`,
    );
    const iso = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString().replace("Z", "+00:00");
    insert.run("recent", "FAILED", 5, "connect ECONNREFUSED", iso(2));
    insert.run("old", "FAILED", 5, "connect ECONNREFUSED", iso(48));
    insert.run("pending", "PENDING", 0, null, iso(1));
    insert.run("sent", "SENT", 1, null, iso(3));
    sqlite.close();
    cpSync(path.join(process.cwd(), "prisma/migrations", backoff), path.join(dir, "prisma/migrations", backoff), {
      recursive: true,
    });
    expect((await migrate(`file:${file}`, dir)).applied).toContain(backoff);
    const after = new Database(file, { readonly: true });
    const rows = after
      .prepare(`SELECT "id", "status", "createdAt", "nextAttemptAt", "failingSince" FROM "Outbox" ORDER BY "id"`)
      .all() as { id: string; status: string; createdAt: string; nextAttemptAt: string; failingSince: string | null }[];
    after.close();
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.recent).toMatchObject({ status: "PENDING", failingSince: byId.recent.createdAt });
    expect(Math.abs(new Date(byId.recent.nextAttemptAt).getTime() - Date.now())).toBeLessThan(60_000);
    expect(byId.old).toMatchObject({ status: "FAILED", failingSince: null, nextAttemptAt: byId.old.createdAt });
    expect(byId.pending).toMatchObject({
      status: "PENDING",
      failingSince: null,
      nextAttemptAt: byId.pending.createdAt,
    });
    expect(byId.sent).toMatchObject({ status: "SENT" });
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuse a migration that changed after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "accord-mig-"));
    cpSync(path.join(process.cwd(), "prisma/migrations"), path.join(dir, "prisma/migrations"), { recursive: true });
    const url = `file:${path.join(dir, "edited.db")}`;
    await migrate(url, dir);
    const first = loadMigrations("sqlite", dir)[0];
    appendFileSync(path.join(dir, "prisma/migrations", first.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, dir)).rejects.toThrow(/changed after it was applied/);
    rmSync(dir, { recursive: true, force: true });
  });
});
