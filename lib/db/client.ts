// The only PrismaClient of the running app, and the plain-SQL driver on the same connection (for
// the hot paths, lib/db/sql.ts). Data access goes through lib/db/<entity>.ts, which scopes every
// query by the caller's context; pages and actions never import this file.
// Kept on globalThis so every bundle of the server process (route handlers, instrumentation's job
// scheduler) and dev-mode reloads share one connection: on SQLite, one connection serializes writes.
import "server-only";
import { connect, type Db } from "./connect";
import { databaseUrl, type Provider } from "./provider";
import type { SqlDriver } from "./sql";

const globalForDb = globalThis as unknown as { accordDb?: ReturnType<typeof connect> };

const instance = (globalForDb.accordDb ??= connect(databaseUrl()));

export const db: Db = instance.db;
export const sql: SqlDriver = instance.sql;
export const provider: Provider = instance.provider;
export type { Db, Tx } from "./connect";
