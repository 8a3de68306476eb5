// Regression: a Prisma transaction whose COMMIT failed never gave its connection back. Prisma 6.19
// sends COMMIT through executeRaw and calls the adapter's commit() only if that succeeds, so on
// SQLite the next query waited forever for the lock, and on PostgreSQL the pool lost a client per
// failure until none were left. The adapter wrapper in lib/db/connect.ts now frees it.
import { describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db/client";

/** A transaction that is fine until COMMIT checks a deferred constraint, and then fails. */
async function failingCommit(marker: string): Promise<unknown> {
  return db.$transaction(async (tx) => {
    await tx.auditEvent.create({
      data: { actorLabel: "test", action: "test.failing-commit", entityType: "Test", entityId: marker },
    });
    if (provider === "sqlite") {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS "txParent" ("id" INTEGER PRIMARY KEY)`);
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE IF NOT EXISTS "txChild" ("parentId" INTEGER REFERENCES "txParent"("id") DEFERRABLE INITIALLY DEFERRED)`,
      );
      await tx.$executeRawUnsafe(`INSERT INTO "txChild" ("parentId") VALUES (42)`);
    } else {
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE IF NOT EXISTS "txUnique" ("n" INTEGER UNIQUE DEFERRABLE INITIALLY DEFERRED)`,
      );
      await tx.$executeRawUnsafe(`INSERT INTO "txUnique" ("n") VALUES (1), (1)`);
    }
  });
}

/** Fails instead of hanging when the connection never comes back. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)),
  ]);
}

describe("a transaction whose COMMIT fails", () => {
  it("reports the error, keeps nothing, and leaves the connection usable", async () => {
    const before = await db.user.count();
    // More failures than the PostgreSQL pool has clients (10 by default).
    for (let i = 0; i < 12; i++) {
      await expect(within(5_000, failingCommit(`failed-${i}`))).rejects.toThrow(/constraint|unique|foreign/i);
    }
    expect(await within(5_000, db.user.count())).toBe(before);
    // nothing the transactions wrote before COMMIT was kept
    expect(await db.auditEvent.count({ where: { action: "test.failing-commit" } })).toBe(0);
    // and an ordinary transaction still commits
    const n = await within(
      5_000,
      db.$transaction(async (tx) => tx.user.count()),
    );
    expect(n).toBe(before);
  });
});
