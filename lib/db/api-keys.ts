// API keys: random 256-bit secrets, stored as SHA-256 (a slow hash adds nothing to a secret this
// long and would cost every request). A partner key acts as that partner; an admin key as ADMIN.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { audit } from "./audit";
import { apiKeyScope } from "./scope";
import { db, sql } from "./client";
import { SETTING_KEYS } from "@/lib/settings";
import { getSetting } from "./settings";
import { asDate, asDateOrNull, type Selected, type Sql } from "./sql";
import { transaction } from "./transaction";

const PREFIX = "acc";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(5).toString("hex");
  return { key: `${PREFIX}_${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

const WINDOW_MS = 60_000;

/**
 * Counts one request of an API key in the database, so every instance shares the count: a fixed
 * one-minute window per key that starts at its first request, kept in rate-limiter-flexible's
 * table (RateLimiterFlexible) under "api:<key id>". One atomic upsert, no read-modify-write: two
 * instances counting at the same instant both land. Returns the count in the window and its end.
 */
export async function countApiRequest(s: Sql, keyId: string, now: Date): Promise<{ count: number; resetAt: Date }> {
  const row = await s.get<Selected<"RateLimiterFlexible", "points" | "expire">>(
    `INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (?, 1, ?)
     ON CONFLICT ("key") DO UPDATE SET
       "points" = CASE WHEN "RateLimiterFlexible"."expire" > ? THEN "RateLimiterFlexible"."points" + 1 ELSE 1 END,
       "expire" = CASE WHEN "RateLimiterFlexible"."expire" > ? THEN "RateLimiterFlexible"."expire" ELSE excluded."expire" END
     RETURNING "points", "expire"`,
    [`api:${keyId}`, new Date(now.getTime() + WINDOW_MS), now, now],
  );
  return { count: Number(row!.points), resetAt: asDate(row!.expire) };
}

/** 429 once a key has made more than `api.rateLimitPerMinute` requests in its current minute. */
async function enforceRateLimit(s: Sql, keyId: string, now: Date): Promise<void> {
  const limit = await getSetting<number>(SETTING_KEYS.apiRateLimitPerMinute, s);
  if (!(limit > 0)) return;
  const { count, resetAt } = await countApiRequest(s, keyId, now);
  if (count > limit) {
    const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    throw new AppError(
      "RATE_LIMITED",
      `Too many requests for this API key (limit: ${limit} a minute). Try again in ${seconds} s.`,
      undefined,
      seconds,
    );
  }
}

// Runs on every API request, so in plain SQL (lib/db/sql.ts), in one session: one indexed read, the
// rate-limit setting and the request count (one upsert), and a write at most once a minute per key
// to keep "last used" honest without a second write per request.
export async function contextForApiKey(key: string, now = new Date()): Promise<Ctx | null> {
  if (!/^acc_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/.test(key)) return null;
  const row = await sql.session(async (s) => {
    const found = await s.get<
      Selected<"ApiKey", "id" | "name" | "scope" | "partnerId" | "revokedAt" | "lastUsedAt" | "createdById"> & {
        partnerStatus: Selected<"Partner", "status">["status"] | null;
      }
    >(
      `SELECT k."id", k."name", k."scope", k."partnerId", k."revokedAt", k."lastUsedAt", k."createdById", p."status" AS "partnerStatus"
         FROM "ApiKey" k LEFT JOIN "Partner" p ON p."id" = k."partnerId" WHERE k."keyHash" = ?`,
      [hashApiKey(key)],
    );
    if (!found || found.revokedAt !== null) return null;
    if (found.scope === "PARTNER" && (!found.partnerId || found.partnerStatus === "TERMINATED")) return null;
    await enforceRateLimit(s, found.id, now);
    const lastUsedAt = asDateOrNull(found.lastUsedAt);
    if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() > 60_000) {
      await s.update("ApiKey", { lastUsedAt: now }, { id: found.id });
    }
    return found;
  });
  if (!row) return null;
  return {
    userId: row.createdById,
    name: `API key "${row.name}"`,
    email: null,
    role: row.scope === "PARTNER" ? "PARTNER" : "ADMIN",
    title: null,
    partnerId: row.scope === "PARTNER" ? row.partnerId : null,
    via: "api-key",
  };
}

/**
 * Creates a key for the caller's own company (partner) or an admin key (ops): by default the kind
 * the caller holds (lib/db/scope.ts apiKeyScope). The key is returned once.
 */
export async function createApiKey(ctx: Ctx, input: { name: string; scope?: "PARTNER" | "ADMIN" }) {
  const own = apiKeyScope(ctx);
  const scope = input.scope ?? own.scope;
  if (scope === "PARTNER" && own.scope !== "PARTNER")
    throw forbidden("Partner keys are created by the partner's own users");
  if (!can(ctx, "apikey:manage") || scope !== own.scope) throw forbidden();
  const { key, prefix } = generateApiKey();
  const row = await transaction(db, async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix,
        keyHash: hashApiKey(key),
        scope,
        partnerId: own.scope === "PARTNER" ? own.partnerId : null,
        createdById: ctx.userId,
      },
      select: { id: true, name: true, prefix: true, scope: true, createdAt: true },
    });
    await audit(tx, ctx, {
      action: "apikey.create",
      entityType: "ApiKey",
      entityId: created.id,
      after: { name: created.name, prefix, scope: created.scope },
    });
    return created;
  });
  return { ...row, key };
}

/** The caller's own keys: a partner sees its company's keys, ops the admin keys. Never the secret. */
export async function listApiKeys(ctx: Ctx) {
  if (!can(ctx, "apikey:manage")) throw forbidden();
  return db.apiKey.findMany({
    where: apiKeyScope(ctx),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

export async function revokeApiKey(ctx: Ctx, id: string, now = new Date()) {
  if (!can(ctx, "apikey:manage")) throw forbidden();
  return transaction(db, async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, revokedAt: null, ...apiKeyScope(ctx) },
      data: { revokedAt: now },
    });
    if (count !== 1) throw notFound("API key");
    await audit(tx, ctx, { action: "apikey.revoke", entityType: "ApiKey", entityId: id }, now);
    return { id };
  });
}
