// Registration transitions after submission (DESIGN §4.1): approve / reject (partner manager or
// ops), extension and withdrawal (the owning partner). Each transition writes its timeline event,
// audit event and notification in the same transaction; a foreign id is NOT_FOUND.
import "server-only";
import { addDays } from "date-fns";
import { REGISTRATION_TRANSITION_ACTION } from "@/lib/audit/actions";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { SETTING_KEYS } from "@/lib/settings";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { notify } from "./outbox";
import { regionOfCountry } from "./deal-facts";
import { registrationScope } from "./scope";
import { claimKeys, NO_CLAIM, NO_PARTNER_CLAIM, partnerClaimKeys } from "@/lib/registrations/claim-key";
import { getSetting } from "./settings";
import { transaction } from "./transaction";

const lifecycleSelect = {
  id: true,
  status: true,
  partnerId: true,
  accountId: true,
  accountName: true,
  accountNameKey: true,
  accountDomain: true,
  accountDomainKey: true,
  accountCountry: true,
  accountVertical: true,
  productLineId: true,
  estimatedAcvCents: true,
  currency: true,
  expectedCloseDate: true,
  route: true,
  routeDecisionId: true,
  protectedUntil: true,
  extensionCount: true,
  submittedById: true,
  submittedBy: { select: { email: true } },
  partner: { select: { name: true, manager: { select: { id: true, email: true, active: true } } } },
  routeDecision: { select: { protectionDays: true } },
} as const;

async function load(tx: Tx, ctx: Ctx, id: string) {
  const reg = await tx.dealRegistration.findFirst({ where: { AND: [registrationScope(ctx), { id }] }, select: lifecycleSelect });
  if (!reg) throw notFound("Registration");
  return reg;
}

type Loaded = Awaited<ReturnType<typeof load>>;

async function transition(tx: Tx, ctx: Ctx, reg: Loaded, to: keyof typeof REGISTRATION_TRANSITION_ACTION, reason: string, now: Date, data: Record<string, unknown> = {}) {
  // the status in the where clause settles two deciders clicking at once: the second gets CONFLICT
  const { count } = await tx.dealRegistration.updateMany({ where: { id: reg.id, status: reg.status }, data: { status: to, lastActivityAt: now, ...data } });
  if (count !== 1) throw new AppError("CONFLICT", "This registration was changed by someone else; reload to see its current status.");
  await tx.registrationEvent.create({ data: { registrationId: reg.id, fromStatus: reg.status, toStatus: to, actorId: ctx.userId, actorLabel: ctx.name, reason, at: now } });
  await audit(tx, ctx, { action: REGISTRATION_TRANSITION_ACTION[to], entityType: "DealRegistration", entityId: reg.id, before: { status: reg.status }, after: { status: to, reason, ...data } }, now);
  if (reg.submittedBy) {
    await notify(tx, [{ kind: `registration.${to.toLowerCase()}`, recipientUserId: reg.submittedById, recipientEmail: reg.submittedBy.email, subject: `Your registration for ${reg.accountName} is ${to.toLowerCase()}`, body: reason, payload: { registrationId: reg.id } }]);
  }
}

export async function decideRegistration(ctx: Ctx, id: string, input: { decision: "APPROVE" | "REJECT"; reason: string }, now = new Date()) {
  if (!can(ctx, "registration:decide")) throw forbidden("Only partner managers and channel operations decide registrations");
  try {
    return await decide(ctx, id, input, now);
  } catch (error) {
    // the claim's unique keys: another registration holds the account, name or domain
    if ((error as { code?: string })?.code === "P2002") {
      throw new AppError("CONFLICT", "Another claim on this account and product line holds protection: resolve the duplicate-registration conflict first.");
    }
    throw error;
  }
}

async function decide(ctx: Ctx, id: string, input: { decision: "APPROVE" | "REJECT"; reason: string }, now: Date) {
  return transaction(db, async (tx) => {
    const reg = await load(tx, ctx, id);
    if (reg.status !== "SUBMITTED") throw new AppError("CONFLICT", `This registration is already ${reg.status.toLowerCase()}.`);
    if (input.decision === "REJECT") {
      await transition(tx, ctx, reg, "REJECTED", input.reason, now, { ...NO_CLAIM, ...NO_PARTNER_CLAIM, reviewerId: ctx.userId, decisionReason: input.reason, decidedAt: now });
      return { id, status: "REJECTED" as const, protectedUntil: null };
    }
    const days = reg.routeDecision?.protectionDays ?? null;
    const protectedUntil = days ? addDays(now, days) : null;
    const accountId = reg.accountId ?? (await findAccount(tx, reg)) ?? (await createAccount(tx, reg));
    const keys = claimKeys(accountId, reg.accountNameKey, reg.accountDomainKey, reg.productLineId);
    const opportunity = await tx.opportunity.create({
      data: {
        name: `${reg.accountName} — partner registration`,
        accountId,
        productLineId: reg.productLineId,
        acvCents: reg.estimatedAcvCents,
        currency: reg.currency,
        stage: "QUALIFIED",
        closeDate: reg.expectedCloseDate,
        source: "PARTNER",
        partnerId: reg.partnerId,
        route: reg.route,
        routeDecisionId: reg.routeDecisionId,
        createdAt: now,
      },
      select: { id: true },
    });
    await transition(tx, ctx, reg, "APPROVED", input.reason, now, {
      protectedUntil,
      accountId,
      // The claim, now naming the account itself so later submissions matching it by name or
      // domain collide with it. A registration that lost the claim at submission takes it once the
      // holder has let go; while another holds any of the keys, the unique columns refuse it (and
      // two approvals at once: one wins). A route without protection (the vendor leads) holds none.
      ...(days ? keys : NO_CLAIM),
      // the partner's own keys follow the account too, protected or not (an approved registration is active)
      ...partnerClaimKeys(reg.partnerId, keys),
      opportunityId: opportunity.id,
      reviewerId: ctx.userId,
      decisionReason: input.reason,
      decidedAt: now,
    });
    return { id, status: "APPROVED" as const, protectedUntil: protectedUntil?.toISOString() ?? null, opportunityId: opportunity.id };
  });
}

/** An account created since the submission (another registration approved) under the same keys. */
async function findAccount(tx: Tx, reg: Loaded): Promise<string | null> {
  const byDomain = reg.accountDomainKey ? await tx.account.findFirst({ where: { domainKey: reg.accountDomainKey }, orderBy: { createdAt: "asc" }, select: { id: true } }) : null;
  const found = byDomain ?? (await tx.account.findFirst({ where: { nameKey: reg.accountNameKey }, orderBy: { createdAt: "asc" }, select: { id: true } }));
  return found?.id ?? null;
}

async function createAccount(tx: Tx, reg: Loaded): Promise<string> {
  const region = await regionOfCountry(reg.accountCountry, tx);
  const account = await tx.account.create({
    data: { name: reg.accountName, nameKey: reg.accountNameKey, domain: reg.accountDomain, domainKey: reg.accountDomainKey, country: reg.accountCountry, regionId: region.id, vertical: reg.accountVertical, tier: "SMB" },
    select: { id: true },
  });
  return account.id;
}

/** Extends protection by the rule's protection days, before expiry and at most N times (setting). */
export async function extendRegistration(ctx: Ctx, id: string, reason: string, now = new Date()) {
  if (!can(ctx, "registration:extend")) throw forbidden("Only the registering partner requests extensions");
  return transaction(db, async (tx) => {
    const reg = await load(tx, ctx, id);
    const max = await getSetting<number>(SETTING_KEYS.maxProtectionExtensions, tx);
    if (reg.status !== "APPROVED" || !reg.protectedUntil) throw new AppError("CONFLICT", "Only an approved, protected registration can be extended.");
    if (reg.protectedUntil <= now) throw new AppError("CONFLICT", "Protection has already ended; register the deal again.");
    if (reg.extensionCount >= max) throw new AppError("CONFLICT", `This registration has had the maximum of ${max} extensions.`);
    const days = reg.routeDecision?.protectionDays ?? 90;
    const protectedUntil = addDays(reg.protectedUntil, days);
    const { count } = await tx.dealRegistration.updateMany({
      where: { id, status: "APPROVED", extensionCount: reg.extensionCount },
      data: { protectedUntil, extensionCount: { increment: 1 }, lastActivityAt: now },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This registration was changed by someone else; reload and try again.");
    await tx.registrationExtension.create({ data: { registrationId: id, requestedById: ctx.userId, reason, status: "APPROVED", requestedAt: now, decidedAt: now } });
    await tx.registrationEvent.create({ data: { registrationId: id, fromStatus: "APPROVED", toStatus: "APPROVED", actorId: ctx.userId, actorLabel: ctx.name, reason: `Protection extended to ${protectedUntil.toISOString().slice(0, 10)}${reason ? `: ${reason}` : ""}`, at: now } });
    await audit(tx, ctx, { action: "registration.extend", entityType: "DealRegistration", entityId: id, before: { protectedUntil: reg.protectedUntil, extensionCount: reg.extensionCount }, after: { protectedUntil, extensionCount: reg.extensionCount + 1 } }, now);
    // granted at once within the allowance (the API answers with the new date); the partner's
    // manager hears of it, so an extension is never silent
    const manager = reg.partner.manager?.active ? reg.partner.manager : null;
    if (manager) {
      await notify(tx, [{ kind: "registration.extended", recipientUserId: manager.id, recipientEmail: manager.email, subject: `${reg.partner.name} extended protection for ${reg.accountName}`, body: `Protection now runs until ${protectedUntil.toISOString().slice(0, 10)} (extension ${reg.extensionCount + 1} of ${max})${reason ? `: ${reason}` : "."}`, payload: { registrationId: id } }]);
    }
    return { id, protectedUntil: protectedUntil.toISOString(), extensionCount: reg.extensionCount + 1, extensionsLeft: max - reg.extensionCount - 1 };
  });
}

/**
 * A partner's progress update on a live registration: on its timeline for the reviewer, and
 * activity that keeps an approved claim from dormant release (lib/registrations/dormancy).
 */
export async function postRegistrationUpdate(ctx: Ctx, id: string, note: string, now = new Date()) {
  if (!can(ctx, "registration:update")) throw forbidden("Only the registering partner posts updates");
  return transaction(db, async (tx) => {
    const reg = await load(tx, ctx, id);
    if (reg.status !== "SUBMITTED" && reg.status !== "APPROVED") throw new AppError("CONFLICT", `A ${reg.status.toLowerCase()} registration takes no updates.`);
    const { count } = await tx.dealRegistration.updateMany({ where: { id, status: reg.status }, data: { lastActivityAt: now } });
    if (count !== 1) throw new AppError("CONFLICT", "This registration was changed by someone else; reload and try again.");
    await tx.registrationEvent.create({ data: { registrationId: id, fromStatus: reg.status, toStatus: reg.status, actorId: ctx.userId, actorLabel: ctx.name, reason: note, at: now } });
    await audit(tx, ctx, { action: "registration.update", entityType: "DealRegistration", entityId: id, after: { note } }, now);
    return { id, lastActivityAt: now.toISOString() };
  });
}

export async function withdrawRegistration(ctx: Ctx, id: string, reason: string, now = new Date()) {
  if (!can(ctx, "registration:withdraw")) throw forbidden("Only the registering partner withdraws a registration");
  return transaction(db, async (tx) => {
    const reg = await load(tx, ctx, id);
    if (reg.status !== "SUBMITTED" && reg.status !== "APPROVED") throw new AppError("CONFLICT", `A ${reg.status.toLowerCase()} registration cannot be withdrawn.`);
    await transition(tx, ctx, reg, "WITHDRAWN", reason || "Withdrawn by the partner", now, { ...NO_CLAIM, ...NO_PARTNER_CLAIM });
    return { id, status: "WITHDRAWN" as const };
  });
}
