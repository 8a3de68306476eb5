// What broke: a database that could not be reached or did not answer in time became a 500 INTERNAL;
// these are the shapes Prisma 6.19, its driver adapters, pg and better-sqlite3 were seen to throw
// (tests/integration/faults/database.test.ts produces the real ones), and what must stay a 500.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  AcquireTimeoutError,
  databaseUnavailable,
  describeUnavailable,
  isDatabaseUnavailable,
} from "@/lib/db/unavailable";
import { databaseTimeouts } from "@/lib/db/timeouts";

const prisma = (code: string, message: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(message), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : {},
  });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  const unavailable: [string, unknown][] = [
    [
      "P1001 (model query, server stopped)",
      prisma("P1001", "Can't reach database server at 127.0.0.1:5432", { kind: "DatabaseNotReachable" }),
    ],
    [
      "P1008 (SQLITE_BUSY after busy_timeout)",
      prisma("P1008", "Operation has timed out", { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" }),
    ],
    ["P1017", prisma("P1017", "Server has closed the connection.")],
    ["P2024", prisma("P2024", "Timed out fetching a new connection from the connection pool.")],
    [
      "P2028 no slot within maxWait",
      prisma("P2028", "Transaction API error: Unable to start a transaction in the given time."),
    ],
    ["P2010 raw query, not reachable", prisma("P2010", "Raw query failed.", { kind: "DatabaseNotReachable" })],
    ["P2010 raw query, 57P01 shutdown", prisma("P2010", "Raw query failed.", { kind: "postgres", code: "57P01" })],
    [
      "P2010 raw query, 57014 statement timeout",
      prisma("P2010", "Raw query failed.", { kind: "postgres", code: "57014" }),
    ],
    [
      "pg ECONNREFUSED (plain SQL)",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      }),
    ],
    ["pg ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["pg DatabaseError 57014", pgError("57014", "canceling statement due to statement timeout")],
    ["pg DatabaseError 08006", pgError("08006", "connection failure")],
    ["pg connect timeout (frozen server)", new Error("Connection terminated due to connection timeout")],
    ["pg query_timeout (frozen server)", new Error("Query read timeout")],
    ["pg pool checkout timeout", new Error("timeout exceeded when trying to connect")],
    ["pg connection lost", new Error("Connection terminated unexpectedly")],
    ["better-sqlite3 SQLITE_BUSY (plain SQL)", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })],
    ["the SQLite lock's acquire bound", new AcquireTimeoutError("the database connection")],
    ["wrapped in a cause", new Error("outer", { cause: new Error("Query read timeout") })],
  ];
  for (const [label, error] of unavailable)
    it(`unavailable: ${label}`, () => expect(isDatabaseUnavailable(error)).toBe(true));

  const other: [string, unknown][] = [
    ["a unique violation", prisma("P2002", "Unique constraint failed", { kind: "UniqueConstraintViolation" })],
    [
      "P2028 transaction not found (a bug, not an outage)",
      prisma("P2028", "Transaction API error: Transaction not found."),
    ],
    ["P2010 syntax error", prisma("P2010", "Raw query failed.", { kind: "postgres", code: "42601" })],
    ["a serialization failure", pgError("40001", "could not serialize access")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["an AppError", new AppError("NOT_FOUND", "Not found")],
    ["not an error", "boom"],
    ["nothing", undefined],
  ];
  for (const [label, error] of other)
    it(`not unavailable: ${label}`, () => expect(isDatabaseUnavailable(error)).toBe(false));
});

describe("databaseUnavailable", () => {
  it("turns a fault into AppError UNAVAILABLE (503, Retry-After, the digest pages recognise) with a one-line stack", () => {
    const error = databaseUnavailable(
      prisma("P1001", "\nInvalid `db.user.findFirst()` invocation:\n\n\nCan't reach database server at h:5432", {
        kind: "DatabaseNotReachable",
      }),
      "test",
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "UNAVAILABLE",
      status: 503,
      retryAfterSeconds: 5,
      digest: "ACCORD_DATABASE_UNAVAILABLE",
    });
    expect(error!.stack).not.toContain("\n");
    expect(databaseUnavailable(new TypeError("bug"), "test")).toBeNull();
  });

  it("describes the cause in one line: codes, then the driver's message", () => {
    expect(
      describeUnavailable(
        prisma("P2010", "Raw query failed.\nCode: `57P01`", {
          kind: "postgres",
          code: "57P01",
          originalMessage: "terminating connection due to administrator command",
        }),
      ),
    ).toBe("P2010/postgres/57P01: terminating connection due to administrator command");
    expect(describeUnavailable(new Error("Query read timeout"))).toBe("Query read timeout");
  });
});

describe("databaseTimeouts", () => {
  it("defaults to acquire 5 s and statement 15 s; pg's client-side timeout trails the server's", () => {
    expect(databaseTimeouts({})).toEqual({ acquireMs: 5_000, statementMs: 15_000, queryMs: 16_000 });
    expect(databaseTimeouts({ DATABASE_CONNECT_TIMEOUT_MS: "1000", DATABASE_STATEMENT_TIMEOUT_MS: " 2500 " })).toEqual({
      acquireMs: 1_000,
      statementMs: 2_500,
      queryMs: 3_500,
    });
  });
  it("refuses a value that is not a sensible number of milliseconds, naming the variable", () => {
    expect(() => databaseTimeouts({ DATABASE_CONNECT_TIMEOUT_MS: "5s" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
    expect(() => databaseTimeouts({ DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
  });
});

describe("the page-facing error", () => {
  it("prints as one line when Next.js logs it", async () => {
    const { inspect } = await import("node:util");
    const error = databaseUnavailable(new Error("Query read timeout"), "test")!;
    expect(inspect(error)).not.toContain("\n");
    expect(error.code).toBe("UNAVAILABLE");
  });
});
