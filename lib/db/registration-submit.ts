// Deal registration submission (DESIGN §4): normalize, match the account through indexed keys,
// decide the route under the rule set in force, detect overlaps, and claim the account and product
// line. One active claim per account and product line is settled by the database: a unique key
// (activeClaimKey, activeClaimNameKey, activeClaimDomainKey) — the loser of a race gets a DUPLICATE_REGISTRATION conflict, never a 500.
// A partner has at most one active registration per claim, settled the same way by the partner's own
// keys (partnerClaimKey, …): its second submission is a 409 naming the first, even at the same instant.
// An overlap already under an OPEN conflict case joins that case rather than opening another.
//
// This is the API's busiest write (issue 4's benchmark: 200 submissions a second), so it runs in
// plain SQL on the app's connection (lib/db/sql.ts): one session of indexed reads, then one short
// transaction of inserts. Through Prisma the same work cost ~15 ms of CPU per submission.
import "server-only";
import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { claimKeys, NO_CLAIM, partnerClaimKeys, type ClaimKeys, type PartnerClaimKeys } from "@/lib/registrations/claim-key";
import { earliestToday } from "@/lib/registrations/earliest-today";
import { AppError, forbidden } from "@/lib/errors";
import { dealFacts, evaluate, type Decision, type Facts } from "@/lib/rules";
import { SETTING_KEYS } from "@/lib/settings";
import type { RegistrationInput } from "@/lib/validation/registrations";
import { audit } from "./audit";
import { businessDaysFrom } from "./business-days";
import { sql } from "./client";
import { matchAccount, productLineByName, regionOfCountry, type MatchedAccount, type PartnerFacts } from "./deal-facts";
import { notify } from "./outbox";
import { inForceAmong, ruleSetWindowsAt, type InForce } from "./rule-sets";
import { getSetting } from "./settings";
import { withRetry } from "./retry";
import { asDate, json, newId, uniqueViolation, type Selected, type Sql } from "./sql";
import type { ConflictType } from "./generated/sqlite/enums";

export type SubmitResult = { id: string; status: "SUBMITTED"; route: string; slaDueAt: string; conflict?: { type: ConflictType } };

export function requestHash(input: RegistrationInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

/**
 * Who holds an active claim sharing any key with these (lib/registrations/claim-key): by account,
 * name or domain. Up to three registrations, oldest first; three unique-index lookups.
 */
export function activeClaimHolders(s: Sql, keys: ClaimKeys, opts: { lock?: boolean } = {}) {
  // Locked inside a write on PostgreSQL, so submissions that meet the same holder take turns and
  // each sees the conflict case the previous one opened (SQLite transactions take turns anyway).
  const lock = opts.lock && s.provider === "postgresql" ? " FOR UPDATE" : "";
  return s.all<Selected<"DealRegistration", "id" | "partnerId">>(
    `SELECT "id", "partnerId" FROM "DealRegistration" WHERE "activeClaimKey" = ? OR "activeClaimNameKey" = ? OR "activeClaimDomainKey" = ? ORDER BY "submittedAt", "id"${lock}`,
    [keys.activeClaimKey, keys.activeClaimNameKey, keys.activeClaimDomainKey],
  );
}

/** The partner's own active registration sharing any key with these, claim holder or not. */
export async function ownActiveRegistration(s: Sql, keys: PartnerClaimKeys): Promise<string | null> {
  const row = await s.get<Selected<"DealRegistration", "id">>(
    `SELECT "id" FROM "DealRegistration" WHERE "partnerClaimKey" = ? OR "partnerClaimNameKey" = ? OR "partnerClaimDomainKey" = ? ORDER BY "submittedAt", "id" LIMIT 1`,
    [keys.partnerClaimKey, keys.partnerClaimNameKey, keys.partnerClaimDomainKey],
  );
  return row?.id ?? null;
}

/** 409 naming the partner's own active registration (`fields.registrationId`), so a client can link to it. */
export function alreadyRegistered(registrationId: string): AppError {
  return new AppError("CONFLICT", `You already registered this company for this product line: registration ${registrationId} is still active.`, {
    "account.name": ["You already registered this company for this product line"],
    registrationId: [registrationId],
  });
}

/** An open opportunity of the vendor's direct team on the account (a DIRECT_VS_PARTNER overlap). */
export function openDirectOpportunity(s: Sql, accountId: string) {
  return s.get<Selected<"Opportunity", "id" | "aeId">>(
    `SELECT "id", "aeId" FROM "Opportunity" WHERE "accountId" = ? AND "partnerId" IS NULL AND "stage" NOT IN ('CLOSED_WON', 'CLOSED_LOST') LIMIT 1`,
    [accountId],
  );
}

// The order conflicts are opened in, so a replay reports the same type as the first response
// (only those opened by the submission itself: later claims on the account link to it too).
const CONFLICT_ORDER = `CASE c."type" WHEN 'DUPLICATE_REGISTRATION' THEN 1 WHEN 'DIRECT_VS_PARTNER' THEN 2 ELSE 3 END`;
// The timeline entry of a case that a later submission joined (openConflicts); the replay finds
// the cases a submission joined by it, at the submission's own time.
const JOINED = "Another registration for this company and product line was linked to this case.";

async function replay(s: Sql, partnerId: string, key: string, hash: string): Promise<SubmitResult | null> {
  const prior = await s.get<Selected<"DealRegistration", "id" | "requestHash" | "route" | "slaDueAt"> & { conflictType: ConflictType | null }>(
    `SELECT r."id", r."requestHash", r."route", r."slaDueAt",
            (SELECT c."type" FROM "ConflictRegistration" l JOIN "Conflict" c ON c."id" = l."conflictId"
              WHERE l."registrationId" = r."id" AND (c."openedAt" = r."submittedAt" OR EXISTS (
                SELECT 1 FROM "ConflictEvent" e WHERE e."conflictId" = c."id" AND e."at" = r."submittedAt" AND e."kind" = 'COMMENTED' AND e."body" = ?))
              ORDER BY ${CONFLICT_ORDER} LIMIT 1) AS "conflictType"
       FROM "DealRegistration" r WHERE r."partnerId" = ? AND r."idempotencyKey" = ?`,
    [JOINED, partnerId, key],
  );
  if (!prior) return null;
  if (prior.requestHash !== hash) {
    throw new AppError("UNPROCESSABLE", "This Idempotency-Key was already used with a different request body", { idempotencyKey: ["Already used with a different body"] });
  }
  return {
    id: prior.id,
    status: "SUBMITTED",
    route: prior.route ?? "DIRECT",
    slaDueAt: asDate(prior.slaDueAt).toISOString(),
    ...(prior.conflictType ? { conflict: { type: prior.conflictType } } : {}),
  };
}

type Manager = { id: string; email: string } | null;
type PartnerRow = PartnerFacts & { name: string; manager: Manager };

async function partnerWithManager(s: Sql, partnerId: string): Promise<PartnerRow> {
  const row = await s.get<Selected<"Partner", "id" | "name" | "type" | "tier"> & { managerId: string | null; managerEmail: string | null }>(
    `SELECT p."id", p."name", p."type", p."tier", m."id" AS "managerId", m."email" AS "managerEmail"
       FROM "Partner" p LEFT JOIN "User" m ON m."id" = p."managerId" WHERE p."id" = ?`,
    [partnerId],
  );
  if (!row) throw forbidden("Only partner users register deals");
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    tier: row.tier,
    manager: row.managerId ? { id: row.managerId, email: String(row.managerEmail) } : null,
  };
}

export async function submitRegistration(ctx: Ctx, input: RegistrationInput, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<SubmitResult> {
  if (!can(ctx, "registration:create") || !ctx.partnerId) throw forbidden("Only partner users register deals");
  const partnerId = ctx.partnerId;
  const now = opts.now ?? new Date();
  const hash = requestHash(input);
  const nameKey = normalizeAccountName(input.account.name);
  const domainKey = normalizeDomain(input.account.domain ?? null);

  // Everything the decision needs, read outside the write transaction (indexed point reads).
  const read = await sql.session(async (s) => {
    const prior = opts.idempotencyKey ? await replay(s, partnerId, opts.idempotencyKey, hash) : null;
    if (prior) return { prior } as const;
    if (!nameKey) throw new AppError("VALIDATION", "The account name is not valid", { "account.name": ["Enter the customer's company name"] });
    if (input.account.domain && !domainKey) throw new AppError("VALIDATION", "The domain is not valid", { "account.domain": ["Use a domain like example.com"] });
    if (input.expectedCloseDate < earliestToday(now)) {
      throw new AppError("VALIDATION", "The expected close date is in the past", { expectedCloseDate: ["Use today or a later date"] });
    }
    return {
      prior: null,
      productLine: await productLineByName(s, input.productLine),
      region: await regionOfCountry(input.account.country, s),
      account: await matchAccount(s, nameKey, domainKey),
      partner: await partnerWithManager(s, partnerId),
      windows: await ruleSetWindowsAt(s, now),
      slaDays: await getSetting<number>(SETTING_KEYS.registrationSlaBusinessDays, s),
      conflictSlaDays: await getSetting<number[]>(SETTING_KEYS.conflictSlaBusinessDays, s),
    } as const;
  });
  if (read.prior) return read.prior;
  const { productLine, region, account, partner } = read;
  const inForce = await inForceAmong(read.windows, now); // the engine is cached per published version
  if (!inForce) throw new AppError("UNPROCESSABLE", "No rules of engagement are in force right now");
  const facts = dealFacts({
    partner,
    country: input.account.country,
    region,
    vertical: input.account.vertical,
    productLine,
    acvCents: input.estimatedAcv,
    account,
    registrationStatus: "SUBMITTED",
    at: now,
  });
  const decision = evaluate(inForce.engine, facts);
  const slaDueAt = businessDaysFrom(now, read.slaDays);
  const keys = claimKeys(account?.id ?? null, nameKey, domainKey, productLine.id);
  const args: WriteArgs = { ctx, input, opts, now, hash, nameKey, domainKey, productLineId: productLine.id, account, partner, inForce, facts, decision, slaDueAt, keys, conflictSlaDays: read.conflictSlaDays };

  for (let attempt = 1; ; attempt++) {
    try {
      // contention (SQLite busy past the timeout, a PostgreSQL deadlock) runs it again (lib/db/retry.ts)
      return await withRetry(() => sql.transaction((s) => write(s, args)));
    } catch (error) {
      const violated = uniqueViolation(error);
      if (violated === null) throw error;
      if (opts.idempotencyKey && violated.includes("idempotencyKey")) {
        const prior = await sql.session((s) => replay(s, partnerId, opts.idempotencyKey!, hash));
        if (prior) return prior;
      }
      // Lost the race for the claim: another submission committed first. Try again: this time the
      // holder is visible and ours is recorded in conflict with it (or, the partner's own: a 409).
      if (!(violated.includes("activeClaim") || violated.includes("partnerClaim")) || attempt >= 5) throw error;
    }
  }
}

type WriteArgs = {
  ctx: Ctx;
  input: RegistrationInput;
  opts: { idempotencyKey?: string };
  now: Date;
  hash: string;
  nameKey: string;
  domainKey: string | null;
  productLineId: string;
  account: MatchedAccount | null;
  partner: PartnerRow;
  inForce: InForce;
  facts: Facts;
  decision: Decision;
  slaDueAt: Date;
  keys: ClaimKeys;
  conflictSlaDays: number[];
};

async function write(s: Sql, a: WriteArgs): Promise<SubmitResult> {
  const { ctx, input, now } = a;
  const partnerId = ctx.partnerId!;
  const holders = await activeClaimHolders(s, a.keys, { lock: true });
  const partnerKeys = partnerClaimKeys(partnerId, a.keys);
  const own = holders.find((h) => h.partnerId === partnerId)?.id ?? (await ownActiveRegistration(s, partnerKeys));
  if (own) {
    // Perhaps a concurrent retry with the same key committed since the read: answer as it did.
    const prior = a.opts.idempotencyKey ? await replay(s, partnerId, a.opts.idempotencyKey, a.hash) : null;
    if (prior) return prior;
    throw alreadyRegistered(own);
  }
  const claim = holders.length === 0;
  const id = newId();
  const routeDecisionId = newId();
  // The decision first, so the registration row is written once, already linked to it.
  await s.insert("RouteDecision", {
    id: routeDecisionId,
    subjectType: "REGISTRATION",
    subjectId: id,
    ruleSetId: a.inForce.id,
    ruleSetVersion: a.inForce.version,
    ruleId: a.decision.ruleId,
    route: a.decision.route,
    protectionDays: a.decision.protectionDays,
    facts: json(a.facts),
    trace: json(a.decision.trace),
    flaggedForReview: false,
    decidedAt: now,
  });
  await s.insert("DealRegistration", {
    id,
    partnerId,
    submittedById: ctx.userId,
    accountName: input.account.name,
    accountDomain: input.account.domain || null,
    accountCountry: input.account.country,
    accountVertical: input.account.vertical,
    accountNameKey: a.nameKey,
    accountDomainKey: a.domainKey,
    accountId: a.account?.id ?? null,
    productLineId: a.productLineId,
    estimatedAcvCents: BigInt(input.estimatedAcv),
    currency: "USD",
    expectedCloseDate: new Date(`${input.expectedCloseDate}T00:00:00.000Z`),
    description: input.description ?? "",
    status: "SUBMITTED",
    route: a.decision.route,
    routeDecisionId,
    slaDueAt: a.slaDueAt,
    extensionCount: 0,
    ...(claim ? a.keys : NO_CLAIM),
    ...partnerKeys,
    idempotencyKey: a.opts.idempotencyKey ?? null,
    requestHash: a.hash,
    submittedAt: now,
    lastActivityAt: now,
    updatedAt: now,
  });
  await s.insert("RegistrationEvent", { id: newId(), registrationId: id, fromStatus: null, toStatus: "SUBMITTED", actorId: ctx.userId, actorLabel: ctx.name, reason: "Submitted", at: now });

  const conflictType = await openConflicts(s, a, id, holders);
  await audit(s, ctx, { action: "registration.submit", entityType: "DealRegistration", entityId: id, after: { route: a.decision.route, ruleSetVersion: a.inForce.version, claim, conflict: conflictType } }, now);
  await notifyManager(s, a.partner, id, input.account.name, a.slaDueAt);
  return { id, status: "SUBMITTED", route: a.decision.route, slaDueAt: a.slaDueAt.toISOString(), ...(conflictType ? { conflict: { type: conflictType } } : {}) };
}

type Party = { kind: "PARTNER" | "DIRECT"; partnerId?: string; userId?: string | null };

/** Overlaps of DESIGN §4.2, as Conflict rows (the conflicts workflow builds on them). */
async function openConflicts(s: Sql, a: WriteArgs, registrationId: string, holders: { id: string; partnerId: string }[]): Promise<ConflictType | null> {
  const types: Overlap[] = [];
  const me = { kind: "PARTNER" as const, partnerId: a.ctx.partnerId! };
  if (holders.length) {
    const others = [...new Set(holders.map((h) => h.partnerId))].map((partnerId) => ({ kind: "PARTNER" as const, partnerId }));
    types.push({ type: "DUPLICATE_REGISTRATION", parties: [me, ...others], registrations: [...holders.map((h) => h.id), registrationId] });
  }
  if (a.account) {
    const direct = await openDirectOpportunity(s, a.account.id);
    if (direct) types.push({ type: "DIRECT_VS_PARTNER", parties: [me, { kind: "DIRECT", userId: direct.aeId }], registrations: [registrationId], opportunityId: direct.id });
    if (a.account.namedAccount) types.push({ type: "NAMED_ACCOUNT", parties: [me, { kind: "DIRECT", userId: a.account.ownerId }], registrations: [registrationId] });
  }
  for (const c of types) {
    const open = await openCase(s, a, c.type, holders, c.opportunityId);
    if (open) {
      await joinCase(s, a, open, c, registrationId);
      continue;
    }
    const conflictId = newId();
    await s.insert("Conflict", {
      id: conflictId,
      type: c.type,
      status: "OPEN",
      level: 1,
      accountId: a.account?.id ?? null,
      opportunityId: c.opportunityId ?? null,
      summary: summaryOf(c.type),
      slaDueAt: businessDaysFrom(a.now, a.conflictSlaDays[0] ?? 2),
      openedAt: a.now,
      updatedAt: a.now,
    });
    for (const p of c.parties) await s.insert("ConflictParty", { id: newId(), conflictId, kind: p.kind, partnerId: p.partnerId ?? null, userId: p.userId ?? null });
    for (const registration of c.registrations) await s.insert("ConflictRegistration", { conflictId, registrationId: registration });
    await s.insert("ConflictEvent", { id: newId(), conflictId, kind: "OPENED", actorId: a.ctx.userId, body: "Opened automatically on registration", at: a.now });
    await audit(s, a.ctx, { action: "conflict.open", entityType: "Conflict", entityId: conflictId, after: { type: c.type, registrationId } }, a.now);
  }
  return types[0]?.type ?? null;
}

type Overlap = { type: ConflictType; parties: Party[]; registrations: string[]; opportunityId?: string };

/**
 * An OPEN case of this type for the same company and product line: a duplicate case that holds one
 * of the claim's holders, or another type's case on the matched account (and direct opportunity)
 * that links a registration of the product line.
 */
async function openCase(s: Sql, a: WriteArgs, type: ConflictType, holders: { id: string }[], opportunityId?: string): Promise<string | null> {
  if (type === "DUPLICATE_REGISTRATION") {
    const row = await s.get<Selected<"Conflict", "id">>(
      `SELECT c."id" FROM "ConflictRegistration" l JOIN "Conflict" c ON c."id" = l."conflictId"
        WHERE l."registrationId" IN (${holders.map(() => "?").join(", ")}) AND c."type" = 'DUPLICATE_REGISTRATION' AND c."status" = 'OPEN'
        ORDER BY c."openedAt", c."id" LIMIT 1`,
      holders.map((h) => h.id),
    );
    return row?.id ?? null;
  }
  if (!a.account) return null;
  const row = await s.get<Selected<"Conflict", "id">>(
    `SELECT c."id" FROM "Conflict" c WHERE c."accountId" = ? AND c."type" = ? AND c."status" = 'OPEN'${opportunityId ? ` AND c."opportunityId" = ?` : ""}
        AND EXISTS (SELECT 1 FROM "ConflictRegistration" l JOIN "DealRegistration" r ON r."id" = l."registrationId" WHERE l."conflictId" = c."id" AND r."productLineId" = ?)
      ORDER BY c."openedAt", c."id" LIMIT 1`,
    [a.account.id, type, ...(opportunityId ? [opportunityId] : []), a.productLineId],
  );
  return row?.id ?? null;
}

/** The new registration (and any party or holder the case lacks) joins an open case, on its timeline. */
async function joinCase(s: Sql, a: WriteArgs, conflictId: string, c: Overlap, registrationId: string) {
  for (const p of c.parties) {
    const known = p.kind === "PARTNER"
      ? await s.get(`SELECT 1 AS "x" FROM "ConflictParty" WHERE "conflictId" = ? AND "kind" = 'PARTNER' AND "partnerId" = ?`, [conflictId, p.partnerId!])
      : await s.get(`SELECT 1 AS "x" FROM "ConflictParty" WHERE "conflictId" = ? AND "kind" = 'DIRECT'`, [conflictId]);
    if (!known) await s.insert("ConflictParty", { id: newId(), conflictId, kind: p.kind, partnerId: p.partnerId ?? null, userId: p.userId ?? null });
  }
  for (const registration of c.registrations) {
    const linked = await s.get(`SELECT 1 AS "x" FROM "ConflictRegistration" WHERE "conflictId" = ? AND "registrationId" = ?`, [conflictId, registration]);
    if (!linked) await s.insert("ConflictRegistration", { conflictId, registrationId: registration });
  }
  await s.update("Conflict", { updatedAt: a.now }, { id: conflictId });
  await s.insert("ConflictEvent", { id: newId(), conflictId, kind: "COMMENTED", actorId: a.ctx.userId, body: JOINED, at: a.now });
  await audit(s, a.ctx, { action: "conflict.link", entityType: "Conflict", entityId: conflictId, after: { type: c.type, registrationId } }, a.now);
}

// Never names the other party: partners may read conflict summaries.
function summaryOf(type: ConflictType): string {
  switch (type) {
    case "DUPLICATE_REGISTRATION":
      return "Another partner already holds an active registration for this account and product line.";
    case "DIRECT_VS_PARTNER":
      return "The vendor's direct team has an open opportunity on this account.";
    case "NAMED_ACCOUNT":
      return "This is a named account reserved for the vendor's direct team.";
    default:
      return "";
  }
}

async function notifyManager(s: Sql, partner: PartnerRow, registrationId: string, accountName: string, slaDueAt: Date) {
  if (!partner.manager) return;
  await notify(s, [
    {
      kind: "registration.submitted",
      recipientUserId: partner.manager.id,
      recipientEmail: partner.manager.email,
      subject: `New deal registration from ${partner.name}: ${accountName}`,
      body: `${partner.name} registered ${accountName}. Decide by ${slaDueAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      payload: { registrationId },
    },
  ]);
}
