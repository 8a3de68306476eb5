// The partner-claim-keys migration backfills registrations that were active before it (issue 8,
// defect 5: a partner could pile up duplicates): each gets its partner-scoped keys, and where the
// partner already had duplicates sharing a key, the earliest submission keeps it, so the unique
// indexes can be built over existing data.
import { mkdtempSync, cpSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { migrate, loadMigrations } from "@/lib/db/migrate";

it("backfills the partner claim keys of active registrations, the earliest keeping a shared key", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "accord-mig-"));
  const all = loadMigrations("sqlite").map((m) => m.name);
  const target = all.find((n) => n.endsWith("_partner_claim_keys"))!;
  for (const name of all.filter((n) => n < target))
    cpSync(path.join(process.cwd(), "prisma/migrations", name), path.join(dir, "prisma/migrations", name), {
      recursive: true,
    });
  const file = path.join(dir, "partner-claims.db");
  await migrate(`file:${file}`, dir);
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = OFF"); // registrations only: the backfill reads nothing else
  const insert = sqlite.prepare(
    `INSERT INTO "DealRegistration" ("id", "partnerId", "status", "accountName", "accountCountry",
      "accountVertical", "accountNameKey", "accountDomainKey", "accountId", "productLineId", "estimatedAcvCents",
      "expectedCloseDate", "slaDueAt", "updatedAt", "submittedAt")
     VALUES (?, ?, ?, 'x', 'DE', 'RETAIL', ?, ?, ?, ?, 100, '2027-01-01', '2027-01-01', '2027-01-01', ?)`,
  );
  insert.run("r1", "p1", "SUBMITTED", "acme", "acme.example", "A", "pl1", "2026-01-01");
  insert.run("r2", "p1", "SUBMITTED", "acme", null, null, "pl1", "2026-01-02"); // same name, later, no account
  insert.run("r3", "p1", "APPROVED", "acme hold", "acme.example", "B", "pl1", "2026-01-03"); // same domain, later
  insert.run("r4", "p1", "SUBMITTED", "acme inc", null, "A", "pl1", "2026-01-04"); // same account, later
  insert.run("r5", "p2", "SUBMITTED", "acme", "acme.example", "A", "pl1", "2026-01-05"); // another partner
  insert.run("r6", "p1", "REJECTED", "acme", "acme.example", "A", "pl1", "2025-01-01"); // not active
  insert.run("r7", "p1", "SUBMITTED", "acme", "acme.example", "A", "pl2", "2026-01-06"); // another product line
  sqlite.close();
  cpSync(path.join(process.cwd(), "prisma/migrations", target), path.join(dir, "prisma/migrations", target), {
    recursive: true,
  });
  expect((await migrate(`file:${file}`, dir)).applied).toEqual([target]);
  const after = new Database(file, { readonly: true });
  const rows = after
    .prepare(
      `SELECT "id", "partnerClaimKey" AS k, "partnerClaimNameKey" AS n, "partnerClaimDomainKey" AS d FROM "DealRegistration" ORDER BY "id"`,
    )
    .all();
  after.close();
  expect(rows).toEqual([
    { id: "r1", k: "p1|a:A|pl1", n: "p1|n:acme|pl1", d: "p1|d:acme.example|pl1" },
    { id: "r2", k: "p1|n:acme|pl1", n: null, d: null },
    { id: "r3", k: "p1|a:B|pl1", n: "p1|n:acme hold|pl1", d: null },
    { id: "r4", k: null, n: "p1|n:acme inc|pl1", d: null },
    { id: "r5", k: "p2|a:A|pl1", n: "p2|n:acme|pl1", d: "p2|d:acme.example|pl1" },
    { id: "r6", k: null, n: null, d: null },
    { id: "r7", k: "p1|a:A|pl2", n: "p1|n:acme|pl2", d: "p1|d:acme.example|pl2" },
  ]);
  rmSync(dir, { recursive: true, force: true });
});
