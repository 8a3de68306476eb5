// Deal registration submission: normalize, match the account through indexed keys, decide the
// route under the rule set in force, claim the account and product line, and open or join the
// conflict cases the overlaps call for (lib/db/registration-conflicts.ts). One active claim per
// account and product line is settled by the database: a unique key (activeClaimKey,
// activeClaimNameKey, activeClaimDomainKey; lib/registrations/claim-key.ts) — the loser of a race
// gets a DUPLICATE_REGISTRATION conflict, never a 500. A partner has at most one active
// registration per claim, settled the same way by the partner's own keys (partnerClaimKey, …): its
// second submission is a 409 naming the first, even at the same instant. An Idempotency-Key
// replays the first response.
//
// This is the API's busiest write (`npm run bench:registrations`: 200 submissions a second), so it
// runs in plain SQL on the app's connection (lib/db/sql.ts): one session of indexed reads, then one
// short transaction of inserts. Through Prisma the same work cost ~15 ms of CPU per submission.
import { noticeTime } from "@/lib/dates/human";
import "server-only";
import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { claimKeys, NO_CLAIM, partnerClaimKeys, type ClaimKeys } from "@/lib/registrations/claim-key";
import { earliestToday } from "@/lib/registrations/earliest-today";
import { AppError, forbidden } from "@/lib/errors";
import { dealFacts, evaluate, type Decision, type Facts } from "@/lib/rules";
import { SETTING_KEYS } from "@/lib/settings";
import type { RegistrationInput } from "@/lib/validation/registrations";
import { audit } from "./audit";
import { activeClaimHolders, alreadyRegistered, ownActiveRegistration } from "./claims";
import { businessDaysFrom } from "@/lib/dates/business-days";
import { sql } from "./client";
import { matchAccount, productLineByName, regionOfCountry, type MatchedAccount, type PartnerFacts } from "./deal-facts";
import { notify } from "./outbox";
import { CONFLICT_ORDER, JOINED, openConflicts } from "./registration-conflicts";
import { ruleSetInForceAt, type InForce } from "./rule-sets";
import { getSetting } from "./settings";
import { withRetry } from "./retry";
import { asDate, json, newId, uniqueViolation, type Selected, type Sql } from "./sql";
import type { ConflictType } from "./generated/sqlite/enums";

export type SubmitResult = {
  id: string;
  status: "SUBMITTED";
  route: string;
  slaDueAt: string;
  conflict?: { type: ConflictType };
};

function requestHash(input: RegistrationInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

async function replay(s: Sql, partnerId: string, key: string, hash: string): Promise<SubmitResult | null> {
  const prior = await s.get<
    Selected<"DealRegistration", "id" | "requestHash" | "route" | "slaDueAt"> & { conflictType: ConflictType | null }
  >(
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
    throw new AppError("UNPROCESSABLE", "This Idempotency-Key was already used with a different request body", {
      idempotencyKey: ["Already used with a different body"],
    });
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
  const row = await s.get<
    Selected<"Partner", "id" | "name" | "type" | "tier"> & { managerId: string | null; managerEmail: string | null }
  >(
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

export async function submitRegistration(
  ctx: Ctx,
  input: RegistrationInput,
  opts: { idempotencyKey?: string; now?: Date } = {},
): Promise<SubmitResult> {
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
    if (!nameKey)
      throw new AppError("VALIDATION", "The account name is not valid", {
        "account.name": ["Enter the customer's company name"],
      });
    if (input.account.domain && !domainKey)
      throw new AppError("VALIDATION", "The domain is not valid", {
        "account.domain": ["Use a domain like example.com"],
      });
    if (input.expectedCloseDate < earliestToday(now)) {
      throw new AppError("VALIDATION", "The expected close date is in the past", {
        expectedCloseDate: ["Use today or a later date"],
      });
    }
    return {
      prior: null,
      productLine: await productLineByName(s, input.productLine),
      region: await regionOfCountry(input.account.country, s),
      account: await matchAccount(s, nameKey, domainKey),
      partner: await partnerWithManager(s, partnerId),
      slaDays: await getSetting<number>(SETTING_KEYS.registrationSlaBusinessDays, s),
      conflictSlaDays: await getSetting<number[]>(SETTING_KEYS.conflictSlaBusinessDays, s),
    } as const;
  });
  if (read.prior) return read.prior;
  const { productLine, region, account, partner } = read;
  const inForce = await ruleSetInForceAt(now);
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
  const args: WriteArgs = {
    ctx,
    input,
    opts,
    now,
    hash,
    nameKey,
    domainKey,
    productLineId: productLine.id,
    account,
    partner,
    inForce,
    facts,
    decision,
    slaDueAt,
    keys,
    conflictSlaDays: read.conflictSlaDays,
  };

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
  await s.insert("RegistrationEvent", {
    id: newId(),
    registrationId: id,
    fromStatus: null,
    toStatus: "SUBMITTED",
    actorId: ctx.userId,
    actorLabel: ctx.name,
    reason: "Submitted",
    at: now,
  });

  const conflictType = await openConflicts(s, a, id, holders);
  await audit(
    s,
    ctx,
    {
      action: "registration.submit",
      entityType: "DealRegistration",
      entityId: id,
      after: { route: a.decision.route, ruleSetVersion: a.inForce.version, claim, conflict: conflictType },
    },
    now,
  );
  await notifyManager(s, a.partner, id, input.account.name, a.slaDueAt);
  return {
    id,
    status: "SUBMITTED",
    route: a.decision.route,
    slaDueAt: a.slaDueAt.toISOString(),
    ...(conflictType ? { conflict: { type: conflictType } } : {}),
  };
}

async function notifyManager(s: Sql, partner: PartnerRow, registrationId: string, accountName: string, slaDueAt: Date) {
  if (!partner.manager) return;
  await notify(s, [
    {
      kind: "registration.submitted",
      recipientUserId: partner.manager.id,
      recipientEmail: partner.manager.email,
      subject: `New deal registration from ${partner.name}: ${accountName}`,
      body: `${partner.name} registered ${accountName}. Decide by ${noticeTime(slaDueAt)}.`,
      payload: { registrationId },
    },
  ]);
}
