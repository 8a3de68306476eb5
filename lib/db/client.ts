// The only PrismaClient of the running app. Data access goes through lib/db/<entity>.ts, which
// scopes every query by the caller's context; pages and actions never import this file.
import "server-only";
import { connect, type Db } from "./connect";
import { databaseUrl, type Provider } from "./provider";

const globalForDb = globalThis as unknown as { accordDb?: { db: Db; provider: Provider } };

const instance = globalForDb.accordDb ?? connect(databaseUrl());
if (process.env.NODE_ENV !== "production") globalForDb.accordDb = instance;

export const db: Db = instance.db;
export const provider: Provider = instance.provider;
export type { Db, Tx } from "./connect";
