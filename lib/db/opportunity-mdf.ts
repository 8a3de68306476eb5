// A deal's MDF link (docs/domain.md#mdf): the activity whose pipeline the deal is, so its won ACV
// counts toward that request's ROMI (lib/db/mdf.ts mdfRomi). The caller must be able to edit the deal
// (mdf:link-deal and the deal in opportunityScope); the request must be one of the deal's own
// partner's that may source pipeline (approved, claimed or paid). Anything else — another partner's
// request, a missing id, one still requested or rejected — answers the same field message, so a
// foreign id reads like a missing one. The link, its timeline entry and its audit event (before and
// after) are one transaction; the update is conditional on the link read, so two editors at once end
// with one outcome and a 409.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { linkDealMdfInput, MDF_SOURCING_STATUSES, type LinkDealMdfInput } from "@/lib/validation/mdf";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { event, invalid, parse } from "./opportunity-write-support";
import { opportunityScope } from "./scope";
import { transaction } from "./transaction";

type MdfLinkOption = { id: string; label: string };
export type DealMdfLink = {
  /** The linked activity, or null. */
  linked: MdfLinkOption | null;
  /** The deal's partner's activities that may source pipeline; empty without a partner. */
  options: MdfLinkOption[];
  partnerName: string | null;
};

const optionSelect = {
  id: true,
  activity: true,
  fund: { select: { quarter: true, motion: true, partner: { select: { name: true } } } },
} as const;

type OptionRow = {
  id: string;
  activity: string;
  fund: { quarter: string; motion: string | null; partner: { name: string } | null };
};

/** "Joint webinar · Northwind Systems fund, 2026-Q4": the activity by name and the fund it draws on. */
function option(r: OptionRow): MdfLinkOption {
  const fund = r.fund.partner?.name ?? r.fund.motion ?? "Unassigned";
  return { id: r.id, label: `${r.activity} · ${fund} fund, ${r.fund.quarter}` };
}

function requireLink(ctx: Ctx) {
  if (!can(ctx, "mdf:link-deal")) throw forbidden("Account executives and channel operations link deals to MDF");
}

async function loadDeal(tx: Tx | typeof db, ctx: Ctx, opportunityId: string) {
  const deal = await tx.opportunity.findFirst({
    where: { AND: [opportunityScope(ctx), { id: opportunityId }] },
    select: {
      id: true,
      partnerId: true,
      mdfRequestId: true,
      updatedAt: true,
      partner: { select: { name: true } },
      mdfRequest: { select: optionSelect },
    },
  });
  if (!deal) throw notFound("Opportunity");
  return deal;
}

/** The deal's link and what it may be linked to, for whoever may link it (null for everyone else). */
export async function findDealMdfLink(ctx: Ctx, opportunityId: string): Promise<DealMdfLink | null> {
  if (!can(ctx, "mdf:link-deal")) return null;
  const deal = await loadDeal(db, ctx, opportunityId);
  const rows = deal.partnerId
    ? await db.mdfRequest.findMany({
        where: { partnerId: deal.partnerId, status: { in: [...MDF_SOURCING_STATUSES] } },
        orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
        take: 200,
        select: optionSelect,
      })
    : [];
  return {
    linked: deal.mdfRequest ? option(deal.mdfRequest) : null,
    options: rows.map(option),
    partnerName: deal.partner?.name ?? null,
  };
}

/** Links the deal to one of its partner's MDF activities, or unlinks it (mdfRequestId null). */
export async function linkDealMdf(ctx: Ctx, input: LinkDealMdfInput, now = new Date()): Promise<{ linked: boolean }> {
  requireLink(ctx);
  const data = parse(linkDealMdfInput, input);
  return transaction(db, async (tx) => {
    const deal = await loadDeal(tx, ctx, data.opportunityId);
    let to: OptionRow | null = null;
    if (data.mdfRequestId !== null) {
      if (!deal.partnerId)
        throw invalid("mdfRequestId", "This deal has no partner: only a partner's MDF activity can source it");
      to = await tx.mdfRequest.findFirst({
        where: { id: data.mdfRequestId, partnerId: deal.partnerId, status: { in: [...MDF_SOURCING_STATUSES] } },
        select: optionSelect,
      });
      if (!to)
        throw invalid("mdfRequestId", `Pick an approved MDF activity of ${deal.partner?.name ?? "the deal's partner"}`);
    }
    if ((to?.id ?? null) === deal.mdfRequestId) return { linked: to !== null };
    const { count } = await tx.opportunity.updateMany({
      where: { id: deal.id, mdfRequestId: deal.mdfRequestId },
      // the link is not one of the editor's fields: updatedAt (their concurrency token) stays
      data: { mdfRequestId: to?.id ?? null, updatedAt: deal.updatedAt },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else changed this deal's MDF link meanwhile: reload it.");
    const before = deal.mdfRequest ? option(deal.mdfRequest) : null;
    const after = to ? option(to) : null;
    await event(
      tx,
      ctx,
      deal.id,
      "UPDATED",
      { body: after ? `Linked to MDF activity ${after.label}` : `Unlinked from MDF activity ${before?.label}` },
      now,
    );
    await audit(
      tx,
      ctx,
      {
        action: "opportunity.link-mdf",
        entityType: "Opportunity",
        entityId: deal.id,
        before: { mdfRequestId: deal.mdfRequestId, activity: before?.label ?? null },
        after: { mdfRequestId: to?.id ?? null, activity: after?.label ?? null },
      },
      now,
    );
    return { linked: to !== null };
  });
}
