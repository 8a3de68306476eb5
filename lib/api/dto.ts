// What the API returns: small, stable shapes, never raw rows. Partners never see other partners.
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import type { RegistrationDetail, RegistrationRow } from "@/lib/db/registrations";

export function registrationDto(row: RegistrationRow, ctx: Ctx) {
  return {
    id: row.id,
    status: row.status,
    route: row.route,
    account: {
      name: row.accountName,
      domain: row.accountDomain,
      country: row.accountCountry,
      vertical: row.accountVertical,
    },
    productLine: row.productLine.name,
    estimatedAcv: Number(row.estimatedAcvCents),
    currency: row.currency,
    expectedCloseDate: row.expectedCloseDate.toISOString().slice(0, 10),
    submittedAt: row.submittedAt.toISOString(),
    slaDueAt: row.slaDueAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    protectedUntil: row.protectedUntil?.toISOString() ?? null,
    extensionCount: row.extensionCount,
    ...(can(ctx, "registration:read-partner") ? { partner: { id: row.partnerId, name: row.partner.name } } : {}),
  };
}

export function registrationDetailDto(row: RegistrationDetail, ctx: Ctx) {
  return {
    ...registrationDto(row, ctx),
    description: row.description,
    routeDecision: row.routeDecision && {
      id: row.routeDecision.id,
      route: row.routeDecision.route,
      ruleSetVersion: row.routeDecision.ruleSetVersion,
      ruleName: row.routeDecision.rule?.name ?? null,
      rulePriority: row.routeDecision.rule?.priority ?? null,
      trace: row.routeDecision.trace, // as the caller may read it (lib/db/trace.ts)
      decidedAt: row.routeDecision.decidedAt.toISOString(),
    },
    timeline: row.events.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      actor: e.actorLabel,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
  };
}
