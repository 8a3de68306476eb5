// Deal registration submission (DESIGN §4): normalize, match the account through indexed keys,
// decide the route under the rule set in force, detect overlaps, and claim the account and product
// line. One active claim per account and product line is settled by the database: a unique key
// (activeClaimKey) — the loser of a race gets a DUPLICATE_REGISTRATION conflict, never a 500.
import "server-only";
import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { claimKey } from "@/lib/registrations/claim-key";
import { AppError, forbidden } from "@/lib/errors";
import { evaluate, type Decision, type Facts } from "@/lib/rules";
import { SETTING_KEYS } from "@/lib/settings";
import type { RegistrationInput } from "@/lib/validation/registrations";
import { audit } from "./audit";
import { businessDaysFrom } from "./business-days";
import { db } from "./client";
import type { Tx } from "./connect";
import { buildDealFacts, productLineByName } from "./deal-facts";
import { notify } from "./outbox";
import { ruleSetInForceAt } from "./rule-sets";
import { getSetting } from "./settings";
import type { ConflictType } from "./generated/sqlite/enums";

export type SubmitResult = { id: string; status: "SUBMITTED"; route: string; slaDueAt: string; conflict?: { type: ConflictType } };

export function requestHash(input: RegistrationInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

/** The account a submission names: by normalized domain first, then by normalized name (both indexed). */
export async function matchAccount(nameKey: string, domainKey: string | null, client: Tx = db) {
  const select = { id: true, name: true, tier: true, namedAccount: true, ownerId: true } as const;
  if (domainKey) {
    const byDomain = await client.account.findFirst({ where: { domainKey }, select, orderBy: { createdAt: "asc" } });
    if (byDomain) return byDomain;
  }
  return nameKey ? client.account.findFirst({ where: { nameKey }, select, orderBy: { createdAt: "asc" } }) : null;
}

function isUniqueViolation(error: unknown, field?: string): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; modelName?: string } };
  if (e?.code !== "P2002") return false;
  return !field || JSON.stringify(e.meta ?? {}).includes(field);
}

async function replay(ctx: Ctx, key: string, hash: string): Promise<SubmitResult | null> {
  const prior = await db.dealRegistration.findUnique({
    where: { partnerId_idempotencyKey: { partnerId: ctx.partnerId!, idempotencyKey: key } },
    select: { id: true, requestHash: true, route: true, slaDueAt: true, conflictLinks: { select: { conflict: { select: { type: true } } }, take: 1 } },
  });
  if (!prior) return null;
  if (prior.requestHash !== hash) throw new AppError("UNPROCESSABLE", "This Idempotency-Key was already used with a different request body");
  const conflict = prior.conflictLinks[0]?.conflict;
  return { id: prior.id, status: "SUBMITTED", route: prior.route ?? "DIRECT", slaDueAt: prior.slaDueAt.toISOString(), ...(conflict ? { conflict: { type: conflict.type } } : {}) };
}

export async function submitRegistration(ctx: Ctx, input: RegistrationInput, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<SubmitResult> {
  if (!can(ctx, "registration:create") || !ctx.partnerId) throw forbidden("Only partner users register deals");
  const now = opts.now ?? new Date();
  const hash = requestHash(input);
  if (opts.idempotencyKey) {
    const prior = await replay(ctx, opts.idempotencyKey, hash);
    if (prior) return prior;
  }
  const nameKey = normalizeAccountName(input.account.name);
  if (!nameKey) throw new AppError("VALIDATION", "The account name is not valid", { "account.name": ["Enter the customer's company name"] });
  const domainKey = normalizeDomain(input.account.domain ?? null);
  if (input.account.domain && !domainKey) throw new AppError("VALIDATION", "The domain is not valid", { "account.domain": ["Use a domain like example.com"] });
  const [productLine, account, partner] = await Promise.all([
    productLineByName(input.productLine),
    matchAccount(nameKey, domainKey),
    db.partner.findUniqueOrThrow({ where: { id: ctx.partnerId }, select: { id: true, name: true, type: true, tier: true, manager: { select: { id: true, email: true } } } }),
  ]);
  const inForce = await ruleSetInForceAt(now);
  if (!inForce) throw new AppError("UNPROCESSABLE", "No rules of engagement are in force right now");
  const facts = await buildDealFacts({
    partner,
    country: input.account.country,
    vertical: input.account.vertical,
    productLine,
    acvCents: input.estimatedAcv,
    account: account ? { tier: account.tier, namedAccount: account.namedAccount } : null,
    registrationStatus: "SUBMITTED",
    at: now,
  });
  const decision = evaluate(inForce.engine, facts);
  const slaDueAt = businessDaysFrom(now, await getSetting<number>(SETTING_KEYS.registrationSlaBusinessDays, db));
  const key = claimKey(account?.id ?? null, nameKey, productLine.id);
  const args: WriteArgs = { ctx, input, opts, now, hash, nameKey, domainKey, productLineId: productLine.id, account, partner, inForce, facts, decision, slaDueAt, key };

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => write(tx, args));
    } catch (error) {
      if (opts.idempotencyKey && isUniqueViolation(error, "idempotencyKey")) {
        const prior = await replay(ctx, opts.idempotencyKey, hash);
        if (prior) return prior;
      }
      // Lost the race for the claim: another submission committed first. Try again: this time the
      // holder is visible and ours is recorded in conflict with it.
      if (!isUniqueViolation(error, "activeClaimKey") || attempt >= 5) throw error;
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
  account: Awaited<ReturnType<typeof matchAccount>>;
  partner: { name: string; manager: { id: string; email: string } | null };
  inForce: NonNullable<Awaited<ReturnType<typeof ruleSetInForceAt>>>;
  facts: Facts;
  decision: Decision;
  slaDueAt: Date;
  key: string;
};

async function write(tx: Tx, a: WriteArgs): Promise<SubmitResult> {
  const { ctx, input, now } = a;
  const partnerId = ctx.partnerId!;
  const holder = await tx.dealRegistration.findUnique({ where: { activeClaimKey: a.key }, select: { id: true, partnerId: true } });
  if (holder?.partnerId === partnerId) {
    throw new AppError("CONFLICT", "You already have an active registration for this account and product line", { "account.name": ["Already registered by your company"] });
  }
  const claim = !holder;
  const reg = await tx.dealRegistration.create({
    data: {
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
      expectedCloseDate: new Date(`${input.expectedCloseDate}T00:00:00.000Z`),
      description: input.description ?? "",
      status: "SUBMITTED",
      route: a.decision.route,
      slaDueAt: a.slaDueAt,
      activeClaimKey: claim ? a.key : null,
      idempotencyKey: a.opts.idempotencyKey ?? null,
      requestHash: a.hash,
      submittedAt: now,
      lastActivityAt: now,
    },
    select: { id: true },
  });
  const decisionRow = await tx.routeDecision.create({
    data: {
      subjectType: "REGISTRATION",
      subjectId: reg.id,
      ruleSetId: a.inForce.id,
      ruleSetVersion: a.inForce.version,
      ruleId: a.decision.ruleId,
      route: a.decision.route,
      protectionDays: a.decision.protectionDays,
      facts: a.facts as object,
      trace: a.decision.trace as unknown as object,
      decidedAt: now,
    },
    select: { id: true },
  });
  await tx.dealRegistration.update({ where: { id: reg.id }, data: { routeDecisionId: decisionRow.id } });
  await tx.registrationEvent.create({ data: { registrationId: reg.id, fromStatus: null, toStatus: "SUBMITTED", actorId: ctx.userId, actorLabel: ctx.name, reason: "Submitted", at: now } });

  const conflictType = await openConflicts(tx, a, reg.id, holder);
  await audit(tx, ctx, { action: "registration.submit", entityType: "DealRegistration", entityId: reg.id, after: { route: a.decision.route, ruleSetVersion: a.inForce.version, claim, conflict: conflictType } }, now);
  await notifyManager(tx, a.partner, reg.id, input.account.name, a.slaDueAt);
  return { id: reg.id, status: "SUBMITTED", route: a.decision.route, slaDueAt: a.slaDueAt.toISOString(), ...(conflictType ? { conflict: { type: conflictType } } : {}) };
}

/** Overlaps of DESIGN §4.2, as Conflict rows (the conflicts workflow builds on them). */
async function openConflicts(tx: Tx, a: WriteArgs, registrationId: string, holder: { id: string; partnerId: string } | null): Promise<ConflictType | null> {
  const types: { type: ConflictType; parties: { kind: "PARTNER" | "DIRECT"; partnerId?: string; userId?: string | null }[]; registrations: string[]; opportunityId?: string }[] = [];
  const me = { kind: "PARTNER" as const, partnerId: a.ctx.partnerId! };
  if (holder) {
    types.push({ type: "DUPLICATE_REGISTRATION", parties: [me, { kind: "PARTNER", partnerId: holder.partnerId }], registrations: [holder.id, registrationId] });
  }
  if (a.account) {
    const direct = await tx.opportunity.findFirst({
      where: { accountId: a.account.id, partnerId: null, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
      select: { id: true, aeId: true },
    });
    if (direct) types.push({ type: "DIRECT_VS_PARTNER", parties: [me, { kind: "DIRECT", userId: direct.aeId }], registrations: [registrationId], opportunityId: direct.id });
    if (a.account.namedAccount) types.push({ type: "NAMED_ACCOUNT", parties: [me, { kind: "DIRECT", userId: a.account.ownerId }], registrations: [registrationId] });
  }
  if (types.length === 0) return null;
  const slaDays = await getSetting<number[]>(SETTING_KEYS.conflictSlaBusinessDays, tx);
  for (const c of types) {
    const conflict = await tx.conflict.create({
      data: {
        type: c.type,
        level: 1,
        accountId: a.account?.id ?? null,
        opportunityId: c.opportunityId ?? null,
        summary: summaryOf(c.type),
        slaDueAt: businessDaysFrom(a.now, slaDays[0] ?? 2),
        openedAt: a.now,
        parties: { create: c.parties.map((p) => ({ kind: p.kind, partnerId: p.partnerId ?? null, userId: p.userId ?? null })) },
        registrations: { create: c.registrations.map((registrationId) => ({ registrationId })) },
        events: { create: { kind: "OPENED", actorId: a.ctx.userId, body: "Opened automatically on registration", at: a.now } },
      },
      select: { id: true },
    });
    await audit(tx, a.ctx, { action: "conflict.open", entityType: "Conflict", entityId: conflict.id, after: { type: c.type, registrationId } }, a.now);
  }
  return types[0].type;
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

async function notifyManager(tx: Tx, partner: WriteArgs["partner"], registrationId: string, accountName: string, slaDueAt: Date) {
  if (!partner.manager) return;
  await notify(tx, [
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
