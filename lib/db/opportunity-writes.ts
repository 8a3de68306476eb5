// The opportunity write path (docs/domain.md#opportunities): create and edit, with the review flag
// when the rules re-run to another route (sticky ownership). Stage changes, close, accepting a
// flagged route and partner touches: lib/db/opportunity-moves.ts; shared steps:
// lib/db/opportunity-write-support.ts. Every write runs in one transaction with its timeline event
// (OpportunityEvent), its audit event and the three hooks: attribution (lib/db/attribution-writes.ts),
// pricing guardrails (lib/db/pricing-guardrails.ts) and the coverage-gap queue (lib/db/handoff-writes.ts,
// only when the route needs a partner and the deal has none, lib/opportunities/coverage.ts).
import { claimStatus } from "@/lib/registrations/lifecycle";
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { forbidden } from "@/lib/errors";
import { isOpenStage } from "@/lib/opportunities/stages";
import { evaluate } from "@/lib/rules";
import type { Stage } from "@/lib/rules/values";
import {
  opportunityCreateInput,
  opportunityUpdateInput,
  type OpportunityCreateInput,
  type OpportunityUpdateInput,
} from "@/lib/validation/opportunities";
import { audit } from "./audit";
import { db } from "./client";
import { accountScope } from "./scope";
import { newId } from "./sql";
import { transaction } from "./transaction";
import {
  type OpportunityWriteResult,
  changedMeanwhile,
  checkPartner,
  checkProductLine,
  closedRefusal,
  dateOnly,
  event,
  factsFor,
  hooks,
  inForceNow,
  invalid,
  loadForWrite,
  noticeToAe,
  ownerFor,
  parse,
  result,
  storeDecision,
} from "./opportunity-write-support";

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
    const unlinkMdf = before.mdfRequestId !== null && before.partnerId !== data.partnerId;
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
        // an MDF activity sources pipeline for its own partner only (lib/db/opportunity-mdf.ts)
        ...(unlinkMdf ? { mdfRequestId: null } : {}),
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
        after: {
          ...pick({ ...data, aeId }, changed),
          route: before.route ?? decision.route,
          rerun: decision.route,
          ...(unlinkMdf ? { mdfRequestId: null, unlinkedMdfRequestId: before.mdfRequestId } : {}),
        },
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
