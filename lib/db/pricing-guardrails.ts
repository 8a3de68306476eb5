// The pricing-guardrails hook of the opportunity write path (docs/domain.md#pricing-guardrails):
// lib/db/opportunity-writes.ts calls it inside the same transaction after writing the row. It
// stores the corridor check on the deal (Opportunity.corridorMaxPct / corridorBreach, so lists
// filter and show it, set and cleared as the discount moves) and, when the direct team's discount
// lands on a deal under a partner's protection, opens a PRICING_UNDERCUT case through openCase.
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { isBreach, opensUndercut } from "@/lib/pricing/guardrails";
import { undercutCase, undercutSubjectKey } from "@/lib/pricing/undercut";
import { SETTING_KEYS } from "@/lib/settings";
import { audit } from "./audit";
import { openCase } from "./conflict-open";
import type { Tx } from "./connect";
import { getSetting } from "./settings";

/** Registrations that protect a deal: approved or converted, protection not yet ended (docs/domain.md#registration-lifecycle). */
const PROTECTING = ["APPROVED", "CONVERTED"] as const;

export async function checkPricingGuardrails(tx: Tx, ctx: Ctx, opportunityId: string, now: Date): Promise<void> {
  const opp = await tx.opportunity.findUnique({
    where: { id: opportunityId },
    select: {
      id: true,
      accountId: true,
      productLineId: true,
      route: true,
      aeId: true,
      discountPct: true,
      corridorMaxPct: true,
      corridorBreach: true,
      undercutDiscountPct: true,
      productLine: { select: { name: true } },
    },
  });
  if (!opp) return;
  const corridor = opp.route
    ? await tx.pricingCorridor.findUnique({
        where: { productLineId_route: { productLineId: opp.productLineId, route: opp.route } },
        select: { maxDiscountPct: true },
      })
    : null;
  const corridorMaxPct = corridor?.maxDiscountPct ?? null;
  const breach = isBreach(opp.discountPct, corridorMaxPct);
  if (breach !== opp.corridorBreach || corridorMaxPct !== opp.corridorMaxPct) {
    await tx.opportunity.update({
      where: { id: opp.id },
      data: { corridorMaxPct, corridorBreach: breach },
      select: { id: true },
    });
  }
  if (breach !== opp.corridorBreach) {
    await audit(
      tx,
      ctx,
      {
        action: breach ? "opportunity.corridor.breach" : "opportunity.corridor.clear",
        entityType: "Opportunity",
        entityId: opp.id,
        before: { corridorBreach: opp.corridorBreach, corridorMaxPct: opp.corridorMaxPct },
        after: { corridorBreach: breach, corridorMaxPct, discountPct: opp.discountPct },
      },
      now,
    );
  }
  await checkUndercut(tx, ctx, { ...opp, corridorMaxPct }, now);
}

async function checkUndercut(
  tx: Tx,
  ctx: Ctx,
  opp: {
    id: string;
    accountId: string;
    productLineId: string;
    aeId: string | null;
    discountPct: number;
    corridorMaxPct: number | null;
    undercutDiscountPct: number | null;
    productLine: { name: string };
  },
  now: Date,
): Promise<void> {
  const directSide = can(ctx, "pricing:direct-discount");
  if (!directSide || opp.discountPct <= 0) return;
  // the partner's protection on the account and product line, or on this very deal
  const protections = await tx.dealRegistration.findMany({
    where: {
      status: { in: [...PROTECTING] },
      protectedUntil: { gt: now },
      OR: [{ accountId: opp.accountId, productLineId: opp.productLineId }, { opportunityId: opp.id }],
    },
    select: { id: true, partnerId: true, protectedUntil: true },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 10,
  });
  // one open case per deal; two writes at once take turns on the opportunity row they both
  // updated, so the second sees the first one's case (and a lost race is the unique key's 409)
  const open = await tx.conflict.findUnique({
    where: { openSubjectKey: undercutSubjectKey(opp.id) },
    select: { id: true },
  });
  const opens = opensUndercut({
    directSide,
    discountPct: opp.discountPct,
    lastUndercutPct: opp.undercutDiscountPct,
    protectedByPartner: protections.length > 0,
    openCase: open !== null,
  });
  if (!opens) return;
  const slaDays = await getSetting<unknown[]>(SETTING_KEYS.conflictSlaBusinessDays, tx);
  const spec = undercutCase({
    // the direct party: the deal's AE, else the AE who gave the discount
    opportunity: { ...opp, aeId: opp.aeId ?? ctx.userId },
    productLineName: opp.productLine.name,
    corridorMaxPct: opp.corridorMaxPct,
    protections: protections.map((p) => ({ id: p.id, partnerId: p.partnerId, protectedUntil: p.protectedUntil! })),
  });
  await openCase(tx, { ...spec, actor: ctx, slaDays }, now);
  await tx.opportunity.update({
    where: { id: opp.id },
    data: { undercutDiscountPct: opp.discountPct },
    select: { id: true },
  });
}
