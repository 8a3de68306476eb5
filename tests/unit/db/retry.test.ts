// Regression: contention answered 500 — an approval that met another SQLite writer (P1008 from
// SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT) or a PostgreSQL serialization failure / deadlock was never run
// again. lib/db/retry.ts decides which errors mean "run the whole transaction again", how long to
// wait, and that the bound ends in a 503 with Retry-After.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isRetryable, MAX_ATTEMPTS, retryDelayMs, withRetry } from "@/lib/db/retry";

// The shapes observed from Prisma 6.19 with its driver adapters (see lib/db/retry.ts).
const prismaError = (code: string, meta?: unknown) =>
  Object.assign(new Error("Invalid invocation"), { name: "PrismaClientKnownRequestError", code, meta });
const adapterCause = (cause: Record<string, unknown>) => ({
  modelName: "AuditEvent",
  driverAdapterError: { name: "DriverAdapterError", cause },
});

describe("isRetryable", () => {
  it.each([
    [
      "SQLite lock wait past busy_timeout (P1008 from SQLITE_BUSY)",
      prismaError("P1008", adapterCause({ originalCode: "SQLITE_BUSY", kind: "SocketTimeout" })),
    ],
    ["SQLite stale snapshot (code passed through)", prismaError("SQLITE_BUSY_SNAPSHOT", { modelName: "AuditEvent" })],
    [
      "PostgreSQL serialization failure (P2034)",
      prismaError("P2034", adapterCause({ originalCode: "40001", kind: "TransactionWriteConflict" })),
    ],
    [
      "PostgreSQL deadlock (adapter error of kind postgres)",
      prismaError("P2010", adapterCause({ kind: "postgres", code: "40P01", originalCode: "40P01" })),
    ],
    [
      "PostgreSQL deadlock without a Prisma code",
      Object.assign(new Error("x"), { meta: adapterCause({ kind: "postgres", code: "40P01" }) }),
    ],
    [
      "better-sqlite3 error on the plain-SQL path",
      Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }),
    ],
    [
      "pg error on the plain-SQL path",
      Object.assign(new Error("deadlock detected"), { code: "40P01", severity: "ERROR" }),
    ],
    [
      "an error wrapped as another's cause",
      new Error("outer", { cause: Object.assign(new Error("inner"), { code: "40001" }) }),
    ],
  ])("%s → retried", (_label, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  it.each([
    [
      "unique violation (the domain decides)",
      prismaError(
        "P2002",
        adapterCause({ originalCode: "SQLITE_CONSTRAINT_UNIQUE", kind: "UniqueConstraintViolation" }),
      ),
    ],
    [
      "PostgreSQL socket timeout (P1008 without SQLITE_BUSY)",
      prismaError("P1008", adapterCause({ kind: "SocketTimeout" })),
    ],
    ["transaction timed out (P2028)", prismaError("P2028")],
    ["an AppError", new AppError("CONFLICT", "changed")],
    ["not an object", "SQLITE_BUSY"],
    ["nothing", undefined],
  ])("%s → not retried", (_label, error) => {
    expect(isRetryable(error)).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("grows with each attempt, stays within its jitter band and under the cap", () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(500, 20 * 2 ** (attempt - 1));
      expect(retryDelayMs(attempt, () => 0)).toBe(ceiling / 2);
      expect(retryDelayMs(attempt, () => 0.999999)).toBe(ceiling);
    }
    expect(retryDelayMs(1, () => 0.5)).toBe(15);
    expect(retryDelayMs(30, Math.random)).toBeLessThanOrEqual(500);
  });

  it("is jittered: two colliding transactions rarely wait the same", () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(4)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

describe("withRetry", () => {
  const busy = () => prismaError("P1008", adapterCause({ originalCode: "SQLITE_BUSY", kind: "SocketTimeout" }));
  const noSleep = async () => {};

  it("runs the whole work again on contention and returns its result", async () => {
    let calls = 0;
    const waits: number[] = [];
    const result = await withRetry(
      async () => {
        if (++calls < 3) throw busy();
        return "done";
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    expect(result).toBe("done");
    expect(calls).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts with 503 UNAVAILABLE and Retry-After, never the raw error`, async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw busy();
      },
      { sleep: noSleep },
    ).catch((e: unknown) => e);
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "UNAVAILABLE", status: 503, retryAfterSeconds: 2 });
  });

  it("passes any other error through at once", async () => {
    let calls = 0;
    const conflict = new AppError("CONFLICT", "already approved");
    await expect(
      withRetry(
        async () => {
          calls++;
          throw conflict;
        },
        { sleep: noSleep },
      ),
    ).rejects.toBe(conflict);
    expect(calls).toBe(1);
  });
});
