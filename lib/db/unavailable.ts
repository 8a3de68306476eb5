// One place that recognises "the database cannot be reached or did not answer in time" and turns
// it into AppError UNAVAILABLE (503 with Retry-After) for the API wrapper (lib/api/handler.ts),
// server actions (lib/actions/define-action.ts) and pages (lib/db/guard-page.ts).
//
// What Prisma 6.19 and its driver adapters actually throw (tried against a stopped, a SIGSTOPped
// and a restarted PostgreSQL, and a SQLite file write-locked by another connection; pinned by
// tests/unit/db/unavailable.test.ts and tests/integration/faults/database.test.ts):
// - model queries and transactions: PrismaClientKnownRequestError P1001 (connection refused),
//   P1008 (SQLITE_BUSY after busy_timeout), P2028 (no transaction slot within maxWait);
// - raw queries: P2010 with `meta.driverAdapterError.cause` = { kind: "DatabaseNotReachable" } or
//   { kind: "postgres", code: "57P01" } (a pooled connection the server closed on shutdown);
// - a frozen server: pg's own errors, passed through unwrapped: "Connection terminated due to
//   connection timeout", "Query read timeout", "timeout exceeded when trying to connect";
// - plain SQL (lib/db/sql.ts): pg socket errors (ECONNREFUSED, …), DatabaseError 57P01/57014,
//   better-sqlite3's SqliteError SQLITE_BUSY; and our own AcquireTimeoutError (the SQLite lock).
import { AppError } from "../errors";
import { UNAVAILABLE_DIGEST } from "../unavailable-digest";
import { retryAfterSeconds } from "./timeouts";

/** Waiting for the connection (the SQLite lock) took longer than the acquire bound. */
export class AcquireTimeoutError extends Error {
  readonly code = "ACCORD_ACQUIRE_TIMEOUT";
  constructor(what: string) {
    super(`Timed out waiting for ${what}`);
    this.name = "AcquireTimeoutError";
  }
}

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// P2028 is also "transaction not found" and the like (bugs); only the timeouts mean a slow database.
const PRISMA_TRANSACTION_TIMEOUT = /Unable to start a transaction in the given time|expired transaction/;
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// PostgreSQL SQLSTATEs: 08xxx connection exception, 57P01–57P05 shutdown / cannot connect now /
// idle-session timeout, 57014 statement timeout (query_canceled), 53300 too many connections.
const PG_STATE = /^(08...|57P0[1-5]|57014|53300)$/;
const PG_MESSAGES = [
  "Connection terminated due to connection timeout",
  "Connection terminated unexpectedly",
  "Query read timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
];

type Loose = { name?: unknown; code?: unknown; message?: unknown; meta?: unknown; cause?: unknown; kind?: unknown };

function adapterCause(e: Loose): Loose | undefined {
  const meta = e.meta as { driverAdapterError?: { cause?: Loose } } | undefined;
  if (meta?.driverAdapterError?.cause) return meta.driverAdapterError.cause;
  if (e.name === "DriverAdapterError" && typeof e.cause === "object") return e.cause as Loose;
  return undefined;
}

function causeUnavailable(cause: Loose): boolean {
  if (typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  if (cause.kind === "postgres" && typeof cause.code === "string") return PG_STATE.test(cause.code);
  if (cause.kind === "sqlite")
    return /^SQLITE_BUSY/.test(String((cause as { originalCode?: unknown }).originalCode ?? ""));
  return false;
}

function oneUnavailable(e: Loose): boolean {
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  if (e instanceof AcquireTimeoutError || code === "ACCORD_ACQUIRE_TIMEOUT") return true;
  if (e instanceof AppError) return e.code === "UNAVAILABLE";
  if (PRISMA_CODES.has(code)) return true;
  if (code === "P2028") return PRISMA_TRANSACTION_TIMEOUT.test(message);
  const cause = adapterCause(e);
  if (cause && causeUnavailable(cause)) return true;
  if (SOCKET_CODES.has(code) || code.startsWith("SQLITE_BUSY") || PG_STATE.test(code)) return true;
  return PG_MESSAGES.some((m) => message.includes(m));
}

/** Is this error (or one it wraps) the database being unreachable or too slow to answer? */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    if (oneUnavailable(e as Loose)) return true;
    e = (e as Loose).cause;
  }
  return false;
}

const UNAVAILABLE_MESSAGE = "The service is temporarily unavailable. Try again in a moment.";

function unavailable(reason?: string): AppError {
  const error = Object.assign(new AppError("UNAVAILABLE", UNAVAILABLE_MESSAGE, undefined, retryAfterSeconds()), {
    digest: UNAVAILABLE_DIGEST,
  });
  // When a page render fails with it, Next.js logs the error: one line, not a stack per request
  // (nor its fields, which util.inspect would print one per line).
  error.stack = `AppError UNAVAILABLE: database unavailable${reason ? ` (${reason})` : ""}`;
  for (const key of ["code", "userMessage", "fields", "retryAfterSeconds", "digest"])
    Object.defineProperty(error, key, { enumerable: false });
  return error;
}

/** A short, single-line description of why (for the log): code and first line of the message. */
export function describeUnavailable(error: unknown): string {
  const e = (error ?? {}) as Loose;
  const cause = adapterCause(e);
  const code = [e.code, cause?.kind, cause?.code].filter((v) => typeof v === "string" && v).join("/");
  const message = String((cause as { originalMessage?: unknown } | undefined)?.originalMessage ?? e.message ?? error)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  return `${code ? `${code}: ` : ""}${message ?? "unknown"}`.slice(0, 300);
}

/**
 * The UNAVAILABLE AppError for a database fault, logged as one line (no stack: a stopped database
 * fails every request the same way), or null when the error is something else.
 */
export function databaseUnavailable(error: unknown, where: string): AppError | null {
  if (error instanceof AppError) return null; // already says what it is
  if (!isDatabaseUnavailable(error)) return null;
  const reason = describeUnavailable(error);
  console.warn(`[${where}] database unavailable (503): ${reason}`);
  return unavailable(reason);
}
