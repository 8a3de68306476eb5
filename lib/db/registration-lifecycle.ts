// Registration moves after submission: approve / reject (partner manager or ops), extension,
// progress update and withdrawal (the owning partner). The rules of each move are in
// lib/registrations/lifecycle.ts; each is recorded by recordTransition
// (lib/db/registration-transition.ts) with its timeline event, audit event and notification in
// one transaction. A foreign id is NOT_FOUND.
import { noticeDay } from "@/lib/dates/human";
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { claimKeys } from "@/lib/registrations/claim-key";
import {
  approval,
  extension,
  moveRefusal,
  rejection,
  release,
  updateRefusal,
  type RegistrationStatus,
} from "@/lib/registrations/lifecycle";
import { SETTING_KEYS } from "@/lib/settings";
import { applyAttribution } from "./attribution-writes";
import { db } from "./client";
import type { Tx } from "./connect";
import { notify } from "./outbox";
import { regionOfCountry } from "./deal-facts";
import { recordTransition, type Transition } from "./registration-transition";
import { registrationScope } from "./scope";
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
  partnerClaimKey: true,
  submittedById: true,
  submittedBy: { select: { email: true } },
  partner: { select: { name: true, manager: { select: { id: true, email: true, active: true } } } },
  routeDecision: { select: { protectionDays: true } },
} as const;

async function load(tx: Tx, ctx: Ctx, id: string) {
  const reg = await tx.dealRegistration.findFirst({
    where: { AND: [registrationScope(ctx), { id }] },
    select: lifecycleSelect,
  });
  if (!reg) throw notFound("Registration");
  return reg;
}

type Loaded = Awaited<ReturnType<typeof load>>;

/** A decision or withdrawal: the move, and the submitter hears of it. */
async function move(
  tx: Tx,
  ctx: Ctx,
  reg: Loaded,
  to: RegistrationStatus,
  reason: string,
  now: Date,
  set: Transition["set"] = {},
) {
  const refusal = moveRefusal(reg.status, to);
  if (refusal) throw new AppError("CONFLICT", refusal);
  if (!(await recordTransition(tx, ctx, { id: reg.id, from: reg.status, to, set, reason }, now)))
    throw changedMeanwhile();
  if (reg.submittedBy) {
    await notify(tx, [
      {
        kind: `registration.${to.toLowerCase()}`,
        recipientUserId: reg.submittedById,
        recipientEmail: reg.submittedBy.email,
        subject: `Your registration for ${reg.accountName} is ${to.toLowerCase()}`,
        body: reason,
        payload: { registrationId: reg.id },
      },
    ]);
  }
}

const changedMeanwhile = () =>
  new AppError("CONFLICT", "This registration was changed by someone else; reload to see its current status.");

export async function decideRegistration(
  ctx: Ctx,
  id: string,
  input: { decision: "APPROVE" | "REJECT"; reason: string },
  now = new Date(),
) {
  if (!can(ctx, "registration:decide"))
    throw forbidden("Only partner managers and channel operations decide registrations");
  try {
    return await decide(ctx, id, input, now);
  } catch (error) {
    // the claim's unique keys: another registration holds the account, name or domain
    if ((error as { code?: string })?.code === "P2002") {
      throw new AppError(
        "CONFLICT",
        "Another claim on this account and product line holds protection: resolve the duplicate-registration conflict first.",
      );
    }
    throw error;
  }
}

async function decide(ctx: Ctx, id: string, input: { decision: "APPROVE" | "REJECT"; reason: string }, now: Date) {
  return transaction(db, async (tx) => {
    const reg = await load(tx, ctx, id);
    // refused before anything is created for an approval (account, opportunity)
    const refusal = moveRefusal(reg.status, input.decision === "REJECT" ? "REJECTED" : "APPROVED");
    if (refusal) throw new AppError("CONFLICT", refusal);
    if (input.decision === "REJECT") {
      await move(
        tx,
        ctx,
        reg,
        "REJECTED",
        input.reason,
        now,
        rejection({ reviewerId: ctx.userId, reason: input.reason, now }),
      );
      return { id, status: "REJECTED" as const, protectedUntil: null };
    }
    const accountId = reg.accountId ?? (await findAccount(tx, reg)) ?? (await createAccount(tx, reg));
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
      select: { id: true, name: true },
    });
    const set = approval({
      partnerId: reg.partnerId,
      keys: claimKeys(accountId, reg.accountNameKey, reg.accountDomainKey, reg.productLineId),
      protectionDays: reg.routeDecision?.protectionDays ?? null,
      accountId,
      opportunityId: opportunity.id,
      reviewerId: ctx.userId,
      reason: input.reason,
      now,
    });
    await move(tx, ctx, reg, "APPROVED", input.reason, now, set);
    // The deal now exists because of this registration: APPROVED → CONVERTED on the same transaction,
    // its own timeline step. Protection carries on unchanged until protectedUntil
    // (lib/registrations/lifecycle.ts); the partner heard of the approval, which is what it acts on.
    const converted = await recordTransition(
      tx,
      ctx,
      {
        id,
        from: "APPROVED",
        to: "CONVERTED",
        reason: `Converted into the opportunity "${opportunity.name}"`,
        audit: { after: { status: "CONVERTED", opportunityId: opportunity.id } },
      },
      now,
    );
    if (!converted) throw changedMeanwhile();
    // the deal is partner-sourced from now on: its provisional attribution (lib/attribution) with it
    await applyAttribution(tx, opportunity.id, now);
    return {
      id,
      status: "CONVERTED" as const,
      protectedUntil: set.protectedUntil?.toISOString() ?? null,
      opportunityId: opportunity.id,
    };
  });
}

/** An account created since the submission (another registration approved) under the same keys. */
async function findAccount(tx: Tx, reg: Loaded): Promise<string | null> {
  const byDomain = reg.accountDomainKey
    ? await tx.account.findFirst({
        where: { domainKey: reg.accountDomainKey },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      })
    : null;
  const found =
    byDomain ??
    (await tx.account.findFirst({
      where: { nameKey: reg.accountNameKey },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    }));
  return found?.id ?? null;
}

async function createAccount(tx: Tx, reg: Loaded): Promise<string> {
  const region = await regionOfCountry(reg.accountCountry, tx);
  const account = await tx.account.create({
    data: {
      name: reg.accountName,
      nameKey: reg.accountNameKey,
      domain: reg.accountDomain,
      domainKey: reg.accountDomainKey,
      country: reg.accountCountry,
      regionId: region.id,
      vertical: reg.accountVertical,
      tier: "SMB",
    },
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
    const next = extension(reg, { now, maxExtensions: max, protectionDays: reg.routeDecision?.protectionDays ?? null });
    if (!next.ok) throw new AppError("CONFLICT", next.refusal);
    const { protectedUntil, extensionCount } = next;
    const recorded = await recordTransition(
      tx,
      ctx,
      {
        id,
        // approved or converted: an extension keeps the status (next.ok says it is one of the two)
        from: reg.status,
        to: reg.status,
        set: { protectedUntil, extensionCount },
        guard: { extensionCount: reg.extensionCount },
        reason: `Protection extended to ${protectedUntil.toISOString().slice(0, 10)}${reason ? `: ${reason}` : ""}`,
        audit: {
          action: "registration.extend",
          before: { protectedUntil: reg.protectedUntil, extensionCount: reg.extensionCount },
          after: { protectedUntil, extensionCount },
        },
      },
      now,
    );
    if (!recorded)
      throw new AppError("CONFLICT", "This registration was changed by someone else; reload and try again.");
    await tx.registrationExtension.create({
      data: {
        registrationId: id,
        requestedById: ctx.userId,
        reason,
        status: "APPROVED",
        requestedAt: now,
        decidedAt: now,
      },
    });
    // granted at once within the allowance (the API answers with the new date); the partner's
    // manager hears of it, so an extension is never silent
    const manager = reg.partner.manager?.active ? reg.partner.manager : null;
    if (manager) {
      await notify(tx, [
        {
          kind: "registration.extended",
          recipientUserId: manager.id,
          recipientEmail: manager.email,
          subject: `${reg.partner.name} extended protection for ${reg.accountName}`,
          body: `Protection now runs until ${noticeDay(protectedUntil)}, extension ${extensionCount} of ${max}${reason ? `: ${reason}` : "."}`,
          payload: { registrationId: id },
        },
      ]);
    }
    return { id, protectedUntil: protectedUntil.toISOString(), extensionCount, extensionsLeft: max - extensionCount };
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
    const refusal = updateRefusal(reg);
    if (refusal) throw new AppError("CONFLICT", refusal);
    const step = {
      id,
      from: reg.status,
      to: reg.status,
      reason: note,
      audit: { action: "registration.update" as const, before: undefined, after: { note } },
    };
    if (!(await recordTransition(tx, ctx, step, now)))
      throw new AppError("CONFLICT", "This registration was changed by someone else; reload and try again.");
    return { id, lastActivityAt: now.toISOString() };
  });
}

export async function withdrawRegistration(ctx: Ctx, id: string, reason: string, now = new Date()) {
  if (!can(ctx, "registration:withdraw")) throw forbidden("Only the registering partner withdraws a registration");
  return transaction(db, async (tx) => {
    const reg = await load(tx, ctx, id);
    await move(tx, ctx, reg, "WITHDRAWN", reason || "Withdrawn by the partner", now, release());
    return { id, status: "WITHDRAWN" as const };
  });
}
