// The opportunity write path (docs/domain.md#opportunities): create, edit, stage changes and close,
// the review flag when the rules re-run to another route (sticky ownership), partner touches.
// Every write runs in one transaction with its timeline event (OpportunityEvent), its audit event
// and the three hooks: attribution (lib/db/attribution-writes.ts), pricing guardrails
// (lib/db/pricing-guardrails.ts) and the coverage-gap queue (lib/db/handoff-writes.ts, only when
// the route needs a partner and the deal has none, lib/opportunities/coverage.ts).
import { claimStatus } from "@/lib/registrations/lifecycle";
import "server-only";
import type { ZodType } from "zod";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound, type ErrorCode } from "@/lib/errors";
import { needsPartner } from "@/lib/opportunities/coverage";
import { isOpenStage } from "@/lib/opportunities/stages";
import { dealFacts, evaluate, type Decision, type Facts } from "@/lib/rules";
import type { Route, Stage } from "@/lib/rules/values";
import { zodFieldErrors } from "@/lib/validation/errors";
import {
  opportunityCreateInput,
  opportunityUpdateInput,
  stageChangeInput,
  touchInput,
  type OpportunityCreateInput,
  type OpportunityUpdateInput,
  type StageChangeInput,
  type TouchInput,
} from "@/lib/validation/opportunities";
import { applyAttribution } from "./attribution-writes";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { regionOfCountry } from "./deal-facts";
import { queueCoverageGap } from "./handoff-writes";
import { notify } from "./outbox";
import { checkPricingGuardrails } from "./pricing-guardrails";
import { ruleSetInForceAt, type InForce } from "./rule-sets";
import { accountScope, opportunityScope } from "./scope";
import { newId } from "./sql";
import { transaction } from "./transaction";
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

function parse<T>(schema: ZodType<T>, input: unknown, code: ErrorCode = "VALIDATION"): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError(code, "Check the highlighted fields", zodFieldErrors(parsed.error));
  return parsed.data;
}

const invalid = (field: string, message: string) => new AppError("UNPROCESSABLE", message, { [field]: [message] });

const changedMeanwhile = () =>
  new AppError("CONFLICT", "This deal was changed by someone else meanwhile; reload it to see the current version.");

async function inForceNow(now: Date): Promise<InForce> {
  const inForce = await ruleSetInForceAt(now);
  if (!inForce) throw new AppError("UNPROCESSABLE", "No rules of engagement are in force right now");
  return inForce;
}

/** "2026-12-31" → midnight UTC. */
const dateOnly = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The deal's facts, on the same builder registrations and the seed use (lib/rules dealFacts). */
async function factsFor(
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

async function storeDecision(
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

async function event(
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
async function hooks(tx: Tx, ctx: Ctx, id: string, now: Date) {
  await applyAttribution(tx, id, now);
  await checkPricingGuardrails(tx, ctx, id, now);
  const deal = await tx.opportunity.findUniqueOrThrow({
    where: { id },
    select: { route: true, partnerId: true, stage: true },
  });
  if (isOpenStage(deal.stage) && needsPartner(deal.route, deal.partnerId)) await queueCoverageGap(tx, ctx, id, now);
}

async function result(tx: Tx, id: string): Promise<OpportunityWriteResult> {
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
async function ownerFor(tx: Tx, ctx: Ctx, aeId: string | null, current: string | null): Promise<string | null> {
  if (ctx.role === "AE") {
    if (aeId && aeId !== ctx.userId) throw invalid("aeId", "An account executive works its own deals");
    return ctx.userId;
  }
  if (!aeId) return current;
  const ae = await tx.user.findFirst({ where: { id: aeId, role: "AE", active: true }, select: { id: true } });
  if (!ae) throw invalid("aeId", "Pick an active account executive");
  return ae.id;
}

async function checkPartner(tx: Tx, partnerId: string | null) {
  if (!partnerId) return;
  const partner = await tx.partner.findFirst({ where: { id: partnerId, status: "ACTIVE" }, select: { id: true } });
  if (!partner) throw invalid("partnerId", "Pick an active partner");
}

async function checkProductLine(tx: Tx, productLineId: string) {
  if (!(await tx.productLine.findUnique({ where: { id: productLineId }, select: { id: true } })))
    throw invalid("productLineId", "Pick a product line");
}

/**
 * An AE creates its own deal; channel operations on an AE's behalf (input.aeId). Creating is a
 * claim: the route is decided by the rules in force and stored as the deal's RouteDecision.
 */
export async function createOpportunity(
  ctx: Ctx,
  input: OpportunityCreateInput,
  now = new Date(),
): Promise<OpportunityWriteResult> {
  if (!can(ctx, "opportunity:create")) throw forbidden("Account executives and channel operations create deals");
  const data = parse(opportunityCreateInput, input);
  const inForce = await inForceNow(now);
  return transaction(db, async (tx) => {
    const account = await tx.account.findFirst({
      where: { AND: [accountScope(ctx), { id: data.accountId }] },
      select: { id: true, name: true },
    });
    if (!account) throw invalid("accountId", "Pick an account you work on");
    await checkProductLine(tx, data.productLineId);
    await checkPartner(tx, data.partnerId);
    const aeId = await ownerFor(tx, ctx, data.aeId, null);
    if (!aeId) throw invalid("aeId", "Pick the account executive who owns the deal");
    const stage = data.stage as Stage;
    const facts = await factsFor(
      tx,
      {
        accountId: account.id,
        productLineId: data.productLineId,
        acvCents: data.acvCents!,
        currency: "USD",
        partnerId: data.partnerId,
        registrationStatus: "NONE",
        priorRoute: null,
        stage,
      },
      now,
    );
    const decision = evaluate(inForce.engine, facts);
    const id = newId();
    const routeDecisionId = await storeDecision(tx, id, inForce, facts, decision, false, now);
    await tx.opportunity.create({
      data: {
        id,
        name: data.name,
        accountId: account.id,
        productLineId: data.productLineId,
        acvCents: BigInt(data.acvCents!),
        listPriceCents: data.listPriceCents === null ? null : BigInt(data.listPriceCents),
        discountPct: data.discountPct,
        stage,
        closeDate: dateOnly(data.closeDate),
        source: "DIRECT",
        aeId,
        partnerId: data.partnerId,
        route: decision.route,
        routeDecisionId,
        createdAt: now,
      },
    });
    await event(
      tx,
      ctx,
      id,
      "CREATED",
      { to: decision.route, body: `Routed ${decision.route} under rule set v${inForce.version}` },
      now,
    );
    await audit(
      tx,
      ctx,
      {
        action: "opportunity.create",
        entityType: "Opportunity",
        entityId: id,
        after: { ...data, aeId, route: decision.route, ruleSetVersion: inForce.version, rule: decision.ruleName },
      },
      now,
    );
    if (aeId !== ctx.userId)
      await noticeToAe(tx, aeId, `A deal was created for you: ${data.name}`, `On ${account.name}.`, id);
    await hooks(tx, ctx, id, now);
    return result(tx, id);
  });
}

async function noticeToAe(tx: Tx, aeId: string, subject: string, body: string, opportunityId: string) {
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
  route: true,
  routeDecisionId: true,
  flaggedRoute: true,
  flaggedDecisionId: true,
  updatedAt: true,
  registration: { select: { status: true, partnerClaimKey: true } },
} as const;

async function loadForWrite(tx: Tx, ctx: Ctx, id: string) {
  const row = await tx.opportunity.findFirst({ where: { AND: [opportunityScope(ctx), { id }] }, select: writeSelect });
  if (!row) throw notFound("Opportunity");
  return row;
}

const closedRefusal = (stage: Stage) =>
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
export async function updateOpportunity(
  ctx: Ctx,
  id: string,
  input: OpportunityUpdateInput,
  now = new Date(),
): Promise<OpportunityWriteResult> {
  if (!can(ctx, "opportunity:update")) throw forbidden("Account executives and channel operations edit deals");
  const data = parse(opportunityUpdateInput, input);
  const inForce = await inForceNow(now);
  return transaction(db, async (tx) => {
    const before = await loadForWrite(tx, ctx, id);
    if (!isOpenStage(before.stage)) throw closedRefusal(before.stage);
    if (before.updatedAt.toISOString() !== new Date(data.expectedUpdatedAt).toISOString()) throw changedMeanwhile();
    await checkProductLine(tx, data.productLineId);
    await checkPartner(tx, data.partnerId);
    const aeId = await ownerFor(tx, ctx, data.aeId, before.aeId);
    const facts = await factsFor(
      tx,
      {
        accountId: before.accountId,
        productLineId: data.productLineId,
        acvCents: data.acvCents!,
        currency: before.currency,
        partnerId: data.partnerId,
        // a converted registration counts while it holds its claim (lib/registrations/lifecycle.ts claimStatus)
        registrationStatus: before.registration ? claimStatus(before.registration) : "NONE",
        priorRoute: before.route,
        stage: before.stage,
      },
      now,
    );
    const decision = evaluate(inForce.engine, facts);
    const flagged = before.route !== null && decision.route !== before.route;
    const decisionId = await storeDecision(tx, id, inForce, facts, decision, flagged, now);
    const rule = decision.ruleName ? `rule "${decision.ruleName}"` : "the default outcome";
    const flagReason = flagged
      ? `Kept ${before.route}: under rule set v${inForce.version}, ${rule} would route it ${decision.route}.`
      : null;
    const { count } = await tx.opportunity.updateMany({
      where: { id, updatedAt: before.updatedAt, stage: before.stage },
      data: {
        name: data.name,
        productLineId: data.productLineId,
        acvCents: BigInt(data.acvCents!),
        listPriceCents: data.listPriceCents === null ? null : BigInt(data.listPriceCents),
        discountPct: data.discountPct,
        closeDate: dateOnly(data.closeDate),
        partnerId: data.partnerId,
        aeId,
        updatedAt: now > before.updatedAt ? now : new Date(before.updatedAt.getTime() + 1),
        ...(flagged
          ? { flaggedRoute: decision.route, flaggedDecisionId: decisionId, flaggedReason: flagReason, flaggedAt: now }
          : {
              route: decision.route,
              routeDecisionId: decisionId,
              flaggedRoute: null,
              flaggedDecisionId: null,
              flaggedReason: null,
              flaggedAt: null,
            }),
      },
    });
    if (count !== 1) throw changedMeanwhile();
    const changed = changedFields(before, { ...data, aeId });
    await event(
      tx,
      ctx,
      id,
      "UPDATED",
      { body: changed.length ? `Changed ${labelled(changed).join(", ")}` : "Saved without changes" },
      now,
    );
    if (flagged && before.flaggedRoute !== decision.route)
      await event(
        tx,
        ctx,
        id,
        "ROUTE_FLAGGED",
        { from: before.route, to: decision.route, body: flagReason ?? "" },
        now,
      );
    await audit(
      tx,
      ctx,
      {
        action: "opportunity.update",
        entityType: "Opportunity",
        entityId: id,
        before: pick(before, changed),
        after: { ...pick({ ...data, aeId }, changed), route: before.route ?? decision.route, rerun: decision.route },
      },
      now,
    );
    if (flagged)
      await audit(
        tx,
        ctx,
        {
          action: "opportunity.flag-route",
          entityType: "Opportunity",
          entityId: id,
          before: { route: before.route },
          after: { flaggedRoute: decision.route, ruleSetVersion: inForce.version, note: flagReason },
        },
        now,
      );
    await hooks(tx, ctx, id, now);
    return result(tx, id);
  });
}

type Comparable = Record<string, unknown>;
const EDITABLE = [
  "name",
  "productLineId",
  "acvCents",
  "listPriceCents",
  "discountPct",
  "closeDate",
  "partnerId",
  "aeId",
];
const LABEL: Record<string, string> = {
  name: "name",
  productLineId: "product line",
  acvCents: "ACV",
  listPriceCents: "list price",
  discountPct: "discount",
  closeDate: "close date",
  partnerId: "partner",
  aeId: "account executive",
};

function comparable(key: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (key === "closeDate" && typeof value === "string") return value;
  return String(value);
}

function changedFields(before: Comparable, after: Comparable): string[] {
  return EDITABLE.filter((key) => comparable(key, before[key]) !== comparable(key, after[key]));
}

function labelled(keys: string[]) {
  return keys.map((k) => LABEL[k] ?? k);
}

function pick(row: Comparable, keys: string[]): Comparable {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/**
 * Any stage change, closing included: a lost deal needs its reason (422 without it, nothing
 * written); a closed deal stays closed. 409 when the stage moved since the mover saw it.
 */
export async function moveStage(
  ctx: Ctx,
  id: string,
  input: StageChangeInput,
  now = new Date(),
): Promise<OpportunityWriteResult> {
  const data = parse(stageChangeInput, input, "UNPROCESSABLE");
  const closing = !isOpenStage(data.stage);
  if (!can(ctx, closing ? "opportunity:close" : "opportunity:update"))
    throw forbidden("Account executives and channel operations move deals");
  return transaction(db, async (tx) => {
    const before = await loadForWrite(tx, ctx, id);
    if (!isOpenStage(before.stage)) throw closedRefusal(before.stage);
    if (before.stage !== data.expectedStage) throw changedMeanwhile();
    if (before.stage === data.stage) return result(tx, id);
    const lostReason = data.stage === "CLOSED_LOST" ? (data.lostReason ?? null) : null;
    const { count } = await tx.opportunity.updateMany({
      where: { id, stage: before.stage },
      data: { stage: data.stage, closedAt: closing ? now : null, lostReason },
    });
    if (count !== 1) throw changedMeanwhile();
    const kind =
      data.stage === "CLOSED_WON" ? "CLOSED_WON" : data.stage === "CLOSED_LOST" ? "CLOSED_LOST" : "STAGE_CHANGED";
    await event(tx, ctx, id, kind, { from: before.stage, to: data.stage, body: lostReason ?? "" }, now);
    await audit(
      tx,
      ctx,
      {
        action: closing ? "opportunity.close" : "opportunity.stage",
        entityType: "Opportunity",
        entityId: id,
        before: { stage: before.stage },
        after: { stage: data.stage, ...(lostReason ? { lostReason } : {}) },
      },
      now,
    );
    await hooks(tx, ctx, id, now);
    return result(tx, id);
  });
}

/** Closes won or lost: moveStage to CLOSED_WON / CLOSED_LOST. */
export async function closeOpportunity(
  ctx: Ctx,
  id: string,
  input: { outcome: "CLOSED_WON" | "CLOSED_LOST"; expectedStage: Stage; lostReason?: string | null },
  now = new Date(),
): Promise<OpportunityWriteResult> {
  return moveStage(
    ctx,
    id,
    { stage: input.outcome, expectedStage: input.expectedStage, lostReason: input.lostReason },
    now,
  );
}

/**
 * Channel operations accept the route a re-run flagged: the deal moves to it, with its decision
 * (an explicit, audited re-route of one deal, docs/domain.md#rules-of-engagement).
 */
export async function acceptFlaggedRoute(ctx: Ctx, id: string, now = new Date()): Promise<OpportunityWriteResult> {
  if (!can(ctx, "opportunity:accept-route")) throw forbidden("Only channel operations re-route a deal");
  return transaction(db, async (tx) => {
    const before = await loadForWrite(tx, ctx, id);
    if (!before.flaggedRoute || !before.flaggedDecisionId)
      throw new AppError("CONFLICT", "This deal has no route waiting for review (accepted or cleared meanwhile).");
    const { count } = await tx.opportunity.updateMany({
      where: { id, flaggedDecisionId: before.flaggedDecisionId },
      data: {
        route: before.flaggedRoute,
        routeDecisionId: before.flaggedDecisionId,
        flaggedRoute: null,
        flaggedDecisionId: null,
        flaggedReason: null,
        flaggedAt: null,
      },
    });
    if (count !== 1) throw changedMeanwhile();
    await tx.routeDecision.update({ where: { id: before.flaggedDecisionId }, data: { flaggedForReview: false } });
    await event(
      tx,
      ctx,
      id,
      "ROUTE_ACCEPTED",
      { from: before.route, to: before.flaggedRoute, body: "New route accepted by channel operations" },
      now,
    );
    await audit(
      tx,
      ctx,
      {
        action: "opportunity.accept-route",
        entityType: "Opportunity",
        entityId: id,
        before: { route: before.route },
        after: { route: before.flaggedRoute, routeDecisionId: before.flaggedDecisionId },
      },
      now,
    );
    if (before.aeId)
      await noticeToAe(
        tx,
        before.aeId,
        `${before.name} is now routed ${before.flaggedRoute}`,
        `Channel operations accepted the new route (was ${before.route}).`,
        id,
      );
    await hooks(tx, ctx, id, now);
    return result(tx, id);
  });
}

/** Records a partner touch on the deal (AE on its own deal, channel operations on any). */
export async function addPartnerTouch(
  ctx: Ctx,
  id: string,
  input: TouchInput,
  now = new Date(),
): Promise<{ id: string }> {
  if (!can(ctx, "opportunity:touch")) throw forbidden("Account executives and channel operations record touches");
  const data = parse(touchInput, input);
  return transaction(db, async (tx) => {
    const deal = await loadForWrite(tx, ctx, id);
    // attribution is final at close (lib/db/attribution-writes.ts): a touch after it would not count
    if (!isOpenStage(deal.stage)) throw closedRefusal(deal.stage);
    const partner = await tx.partner.findFirst({
      where: { id: data.partnerId, status: "ACTIVE" },
      select: { id: true, name: true },
    });
    if (!partner) throw invalid("partnerId", "Pick an active partner");
    const touch = await tx.partnerTouch.create({
      data: {
        opportunityId: deal.id,
        partnerId: partner.id,
        kind: data.kind,
        note: data.note,
        at: now,
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    await event(
      tx,
      ctx,
      id,
      "TOUCH_ADDED",
      { to: partner.name, body: `${data.kind}${data.note ? `: ${data.note}` : ""}` },
      now,
    );
    await audit(
      tx,
      ctx,
      { action: "opportunity.touch", entityType: "Opportunity", entityId: id, after: { touchId: touch.id, ...data } },
      now,
    );
    await applyAttribution(tx, id, now);
    return touch;
  });
}
