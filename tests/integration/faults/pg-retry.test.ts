// Regression: on PostgreSQL a deadlock (40P01) or a serialization failure (40001) between two
// concurrent transactions answered 500: nothing ran the refused transaction again. They now go
// through lib/db/transaction.ts (policy in lib/db/retry.ts): the whole transaction runs again,
// bounded, and only then the caller gets 503 with Retry-After. PostgreSQL only.
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/handler";
import { db, provider } from "@/lib/db/client";
import { MAX_ATTEMPTS } from "@/lib/db/retry";
import { transaction } from "@/lib/db/transaction";

/** Resolves once `n` callers have arrived. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === n) open();
    return opened;
  };
}

describe.skipIf(provider !== "postgresql")("PostgreSQL contention is retried, never a 500", () => {
  it("two transactions that deadlock: the victim runs again and both commit", async () => {
    const [a, b] = await db.user.findMany({ orderBy: { email: "asc" }, take: 2, select: { id: true } });
    const bothLocked = barrier(2);
    let attempts = 0;
    // each locks one row, waits until the other holds the other row, then asks for it: a cycle
    const crossing = (first: string, second: string, name: string) =>
      transaction(db, async (tx) => {
        attempts++;
        await tx.user.update({ where: { id: first }, data: { name } });
        await bothLocked();
        await tx.user.update({ where: { id: second }, data: { name } });
        return name;
      });
    const results = await Promise.allSettled([crossing(a.id, b.id, "deadlock-1"), crossing(b.id, a.id, "deadlock-2")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(attempts).toBe(3); // PostgreSQL chose one victim, which ran once more
    const names = (await db.user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { name: true } })).map(
      (u) => u.name,
    );
    expect(new Set(names).size).toBe(1); // the retried transaction, last to commit, wrote both rows
  });

  it("write skew under Serializable: the refused transaction (40001) runs again and sees the other's row", async () => {
    const bothRead = barrier(2);
    let attempts = 0;
    const marker = `skew-${Date.now()}`;
    // each counts the rows, then adds one numbered after what it saw: serially the numbers are 1 and 2
    const skewed = () =>
      transaction(
        db,
        async (tx) => {
          attempts++;
          const seen = await tx.auditEvent.count({ where: { action: "test.skew", entityType: marker } });
          await bothRead();
          await tx.auditEvent.create({
            data: { actorLabel: "test", action: "test.skew", entityType: marker, entityId: String(seen + 1) },
          });
        },
        { isolationLevel: "Serializable" },
      );
    const results = await Promise.allSettled([skewed(), skewed()]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(attempts).toBe(3);
    const rows = await db.auditEvent.findMany({
      where: { action: "test.skew", entityType: marker },
      select: { entityId: true },
      orderBy: { entityId: "asc" },
    });
    expect(rows.map((r) => r.entityId)).toEqual(["1", "2"]);
  });

  it.each([
    ["serialization_failure", "40001"],
    ["deadlock_detected", "40P01"],
  ])("a transaction refused every time (%s) ends in 503 with Retry-After after the bound", async (condition) => {
    let attempts = 0;
    const error = await transaction(db, async (tx) => {
      attempts++;
      await tx.auditEvent.create({
        data: { actorLabel: "test", action: "test.refused", entityType: "Test", entityId: condition },
      });
      // the database itself raises the condition, as it would for a real conflict
      await tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'provoked' USING ERRCODE = '${condition}'; END $$`);
    }).catch((e: unknown) => e);
    expect(attempts).toBe(MAX_ATTEMPTS);
    const res = errorResponse(error);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("2");
    expect((await res.json()).error.code).toBe("UNAVAILABLE");
    expect(await db.auditEvent.count({ where: { action: "test.refused", entityId: condition } })).toBe(0);
  });
});
