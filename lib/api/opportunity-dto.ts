// What GET /api/v1/opportunities[/{id}] returns (lib/api/openapi.ts "opportunities" block). A
// partner reads only deals it is party to (opportunityScope) and only its own party's attribution
// row, never another party's figures; the route trace comes through lib/db/trace.ts.
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import type { OpportunityDetail, OpportunityRow } from "@/lib/db/opportunities";
import { needsPartner } from "@/lib/opportunities/coverage";
import type { Route } from "@/lib/rules/values";

export function opportunityDto(row: OpportunityRow, ctx: Ctx) {
  const staff = ctx.role !== "PARTNER";
  return {
    id: row.id,
    name: row.name,
    account: { id: row.account.id, name: row.account.name },
    productLine: row.productLine.name,
    acvCents: Number(row.acvCents),
    currency: row.currency,
    stage: row.stage,
    closeDate: row.closeDate.toISOString().slice(0, 10),
    closedAt: row.closedAt?.toISOString() ?? null,
    route: row.route,
    partnerNeeded: needsPartner(row.route as Route | null, row.partnerId),
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    partner: row.partnerId && row.partner ? { id: row.partnerId, name: row.partner.name } : null,
    ...(staff ? { ae: row.ae?.name ?? null } : {}),
  };
}

export function opportunityDetailDto(row: OpportunityDetail, ctx: Ctx) {
  const decision = row.routeDecision;
  const ownRows =
    ctx.role === "PARTNER" ? row.attributions.filter((a) => a.partnerId === ctx.partnerId) : row.attributions;
  return {
    ...opportunityDto(row, ctx),
    listPriceCents: row.listPriceCents === null ? null : Number(row.listPriceCents),
    discountPct: row.discountPct,
    lostReason: row.lostReason,
    // the review flag is the vendor's internal business
    ...(can(ctx, "route:see-partner-clauses")
      ? { flaggedRoute: row.flaggedRoute, flaggedReason: row.flaggedReason }
      : {}),
    routeDecision: decision && {
      id: decision.id,
      route: decision.route,
      ruleSetVersion: decision.ruleSetVersion,
      ruleName: decision.rule?.name ?? null,
      rulePriority: decision.rule?.priority ?? null,
      protectionDays: decision.protectionDays,
      trace: decision.trace, // as the caller may read it (lib/db/trace.ts)
      decidedAt: decision.decidedAt.toISOString(),
    },
    attribution: ownRows.map((a) => ({
      party: a.party,
      partner: a.partnerId && a.partner ? { id: a.partnerId, name: a.partner.name } : null,
      ...(ctx.role === "PARTNER" ? {} : { user: a.user?.name ?? null }),
      category: a.category,
      creditPct: a.creditPct,
      quotaCreditCents: Number(a.quotaCreditCents),
      spiffCents: Number(a.spiffCents),
      partnerMarginPct: a.partnerMarginPct,
    })),
  };
}
