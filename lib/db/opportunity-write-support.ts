// Shared steps of the opportunity writes (lib/db/opportunity-writes.ts: create and edit;
// lib/db/opportunity-moves.ts: stage changes, close, the review flag, partner touches): input
// parsing, the rules engine's facts and stored decision, the timeline event, the three hooks every
// write runs (attribution, pricing guardrails, coverage gap), the scoped load and the result DTO.
import "server-only";
import type { ZodType } from "zod";
import type { Ctx } from "@/lib/auth/types";
import { AppError, notFound, type ErrorCode } from "@/lib/errors";
import { needsPartner } from "@/lib/opportunities/coverage";
import { dealFacts, type Decision, type Facts } from "@/lib/rules";
import type { Route, Stage } from "@/lib/rules/values";
import { zodFieldErrors } from "@/lib/validation/errors";
import { applyAttribution } from "./attribution-writes";
import type { Tx } from "./connect";
import { regionOfCountry } from "./deal-facts";
import { queueCoverageGap } from "./handoff-writes";
import { notify } from "./outbox";
import { checkPricingGuardrails } from "./pricing-guardrails";
import { ruleSetInForceAt, type InForce } from "./rule-sets";
import { opportunityScope } from "./scope";
import type { OpportunityEventKind } from "./generated/sqlite/enums";

export type OpportunityWriteResult = {
  id: string;
  route: Route | null;
  stage: Stage;
  /** The route the rules chose on this write when the deal kept its own (flagged for review). */
  flaggedRoute: Route | null;
  /** needsPartner(route, partnerId) after the write (lib/opportunities/coverage.ts). */
  partnerNeeded: boolean;
  updatedAt: string;
};

export function parse<T>(schema: ZodType<T>, input: unknown, code: ErrorCode = "VALIDATION"): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError(code, "Check the highlighted fields", zodFieldErrors(parsed.error));
  return parsed.data;
}

export const invalid = (field: string, message: string) =>
  new AppError("UNPROCESSABLE", message, { [field]: [message] });

export const changedMeanwhile = () =>
  new AppError("CONFLICT", "This deal was changed by someone else meanwhile; reload it to see the current version.");

export async function inForceNow(now: Date): Promise<InForce> {
  const inForce = await ruleSetInForceAt(now);
  if (!inForce) throw new AppError("UNPROCESSABLE", "No rules of engagement are in force right now");
  return inForce;
}

/** "2026-12-31" → midnight UTC. */
export const dateOnly = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The deal's facts, on the same builder registrations and the seed use (lib/rules dealFacts). */
export async function factsFor(
  tx: Tx,
  deal: {
    accountId: string;
    productLineId: string;
    acvCents: number;
    currency: string;
    partnerId: string | null;
    registrationStatus: Facts["registrationStatus"];
    priorRoute: Route | null;
    stage: Stage;
  },
  now: Date,
): Promise<Facts> {
  // one query at a time on a transaction (README: PostgreSQL refuses overlapping queries on one client)
  const account = await tx.account.findUnique({
    where: { id: deal.accountId },
    select: { country: true, vertical: true, tier: true, namedAccount: true },
  });
  const productLine = await tx.productLine.findUnique({
    where: { id: deal.productLineId },
    select: { name: true, kind: true },
  });
  const partner = deal.partnerId
    ? await tx.partner.findUnique({ where: { id: deal.partnerId }, select: { id: true, type: true, tier: true } })
    : null;
  if (!account) throw invalid("accountId", "Pick the customer account");
  if (!productLine) throw invalid("productLineId", "Pick a product line");
  return dealFacts({
    acvCents: deal.acvCents,
    currency: deal.currency,
    vertical: account.vertical,
    country: account.country,
    region: await regionOfCountry(account.country, tx),
    productLine,
    account: { tier: account.tier, namedAccount: account.namedAccount },
    partner: partner ?? null,
    registrationStatus: deal.registrationStatus ?? "NONE",
    priorRoute: deal.priorRoute,
    stage: deal.stage,
    at: now,
  });
}

export async function storeDecision(
  tx: Tx,
  opportunityId: string,
  inForce: InForce,
  facts: Facts,
  decision: Decision,
  flagged: boolean,
  now: Date,
): Promise<string> {
  const row = await tx.routeDecision.create({
    data: {
      subjectType: "OPPORTUNITY",
      subjectId: opportunityId,
      ruleSetId: inForce.id,
      ruleSetVersion: inForce.version,
      ruleId: decision.ruleId,
      route: decision.route,
      protectionDays: decision.protectionDays,
      facts: facts as object,
      trace: decision.trace as unknown as object,
      flaggedForReview: flagged,
      decidedAt: now,
    },
    select: { id: true },
  });
  return row.id;
}

export async function event(
  tx: Tx,
  ctx: Ctx,
  opportunityId: string,
  kind: OpportunityEventKind,
  e: { from?: string | null; to?: string | null; body?: string },
  now: Date,
) {
  await tx.opportunityEvent.create({
    data: {
      opportunityId,
      kind,
      actorId: ctx.userId,
      actorLabel: ctx.name,
      fromValue: e.from ?? null,
      toValue: e.to ?? null,
      body: e.body ?? "",
      at: now,
    },
  });
}

/** The hooks every write ends with, on the write's transaction. */
export async function hooks(tx: Tx, ctx: Ctx, id: string, now: Date) {
  await applyAttribution(tx, id, now);
  await checkPricingGuardrails(tx, ctx, id, now);
  // queues a coverage gap, and withdraws an open hand-off once the deal no longer needs one
  await queueCoverageGap(tx, ctx, id, now);
}

export async function result(tx: Tx, id: string): Promise<OpportunityWriteResult> {
  const row = await tx.opportunity.findUniqueOrThrow({
    where: { id },
    select: { id: true, route: true, stage: true, flaggedRoute: true, partnerId: true, updatedAt: true },
  });
  return {
    id: row.id,
    route: row.route,
    stage: row.stage,
    flaggedRoute: row.flaggedRoute,
    partnerNeeded: needsPartner(row.route, row.partnerId),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Who the deal belongs to: an AE its own self; channel operations name an active AE. */
export async function ownerFor(tx: Tx, ctx: Ctx, aeId: string | null, current: string | null): Promise<string | null> {
  if (ctx.role === "AE") {
    if (aeId && aeId !== ctx.userId) throw invalid("aeId", "An account executive works its own deals");
    return ctx.userId;
  }
  if (!aeId) return current;
  const ae = await tx.user.findFirst({ where: { id: aeId, role: "AE", active: true }, select: { id: true } });
  if (!ae) throw invalid("aeId", "Pick an active account executive");
  return ae.id;
}

export async function checkPartner(tx: Tx, partnerId: string | null) {
  if (!partnerId) return;
  const partner = await tx.partner.findFirst({ where: { id: partnerId, status: "ACTIVE" }, select: { id: true } });
  if (!partner) throw invalid("partnerId", "Pick an active partner");
}

export async function checkProductLine(tx: Tx, productLineId: string) {
  if (!(await tx.productLine.findUnique({ where: { id: productLineId }, select: { id: true } })))
    throw invalid("productLineId", "Pick a product line");
}

/**
 * An AE creates its own deal; channel operations on an AE's behalf (input.aeId). Creating is a
 * claim: the route is decided by the rules in force and stored as the deal's RouteDecision.
 */
export async function noticeToAe(tx: Tx, aeId: string, subject: string, body: string, opportunityId: string) {
  const ae = await tx.user.findUnique({ where: { id: aeId }, select: { id: true, email: true, active: true } });
  if (!ae?.active) return;
  await notify(tx, [
    {
      kind: "opportunity.changed",
      recipientUserId: ae.id,
      recipientEmail: ae.email,
      subject,
      body,
      payload: { opportunityId },
    },
  ]);
}

const writeSelect = {
  id: true,
  name: true,
  accountId: true,
  productLineId: true,
  acvCents: true,
  currency: true,
  stage: true,
  closeDate: true,
  listPriceCents: true,
  discountPct: true,
  aeId: true,
  partnerId: true,
  mdfRequestId: true,
  route: true,
  routeDecisionId: true,
  flaggedRoute: true,
  flaggedDecisionId: true,
  updatedAt: true,
  registration: { select: { status: true, partnerClaimKey: true } },
} as const;

export async function loadForWrite(tx: Tx, ctx: Ctx, id: string) {
  const row = await tx.opportunity.findFirst({ where: { AND: [opportunityScope(ctx), { id }] }, select: writeSelect });
  if (!row) throw notFound("Opportunity");
  return row;
}

export const closedRefusal = (stage: Stage) =>
  new AppError(
    "UNPROCESSABLE",
    `This deal is closed ${stage === "CLOSED_WON" ? "won" : "lost"}; it takes no more changes.`,
  );

/**
 * Edits the fields and re-runs the rules with priorRoute = the current route. The route never
 * moves on an edit (sticky ownership, docs/domain.md#rules-of-engagement): a different outcome is
 * stored as a RouteDecision flagged for review and recorded on the deal, for channel operations
 * to accept (acceptFlaggedRoute). 409 when the deal changed since the editor loaded it.
 */
