// What GET /api/v1/conflicts and GET /api/v1/conflicts/{id} return: the read models of
// lib/db/conflicts.ts and lib/db/conflict-detail.ts, already fitted to the caller (a partner's
// parties are itself, "the vendor" and "another partner"; traces through lib/db/trace.ts).
import type { ConflictListRow, PartyView } from "@/lib/db/conflicts";
import type { ConflictDetail, DecisionView } from "@/lib/db/conflict-detail";

const iso = (d: Date | null) => d?.toISOString() ?? null;

const partyDto = (p: PartyView) => ({
  kind: p.kind,
  name: p.label,
  self: p.self,
  creditPct: p.creditPct,
  ...(p.id !== undefined ? { partyId: p.id, partnerId: p.partnerId ?? null, userId: p.userId ?? null } : {}),
});

const decisionDto = (d: DecisionView | null) =>
  d && {
    route: d.route,
    ruleName: d.rule?.name ?? null,
    ruleSetVersion: d.ruleSetVersion,
    decidedAt: d.decidedAt.toISOString(),
    trace: d.trace,
  };

export function conflictDto(row: ConflictListRow | ConflictDetail, now: Date) {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    level: row.level,
    subject: row.subject,
    summary: row.summary,
    openedAt: row.openedAt.toISOString(),
    slaDueAt: row.slaDueAt.toISOString(),
    overdue: row.status === "OPEN" && row.slaDueAt < now,
    resolvedAt: iso(row.resolvedAt),
    resolution: row.resolution,
    account: row.account && { id: row.account.id, name: row.account.name },
    opportunity: row.opportunity && { id: row.opportunity.id, name: row.opportunity.name },
    parties: row.parties.map(partyDto),
  };
}

export function conflictDetailDto(row: ConflictDetail, now: Date) {
  return {
    ...conflictDto(row, now),
    rationale: row.rationale,
    tags: row.tags,
    firstClaim: row.firstClaim && { by: row.firstClaim.label, self: row.firstClaim.self, at: iso(row.firstClaim.at) },
    registrations: row.registrations.map((r) => ({
      id: r.id,
      ...(r.partner ? { partner: r.partner.name } : {}),
      accountName: r.accountName,
      productLine: r.productLine.name,
      status: r.status,
      estimatedAcv: Number(r.estimatedAcvCents),
      currency: r.currency,
      submittedAt: r.submittedAt.toISOString(),
      protectedUntil: iso(r.protectedUntil),
      holdsClaim: r.holdsClaim,
      routeDecision: decisionDto(r.routeDecision),
      timeline: r.events.map((e) => ({
        from: e.fromStatus,
        to: e.toStatus,
        actor: e.actorLabel,
        reason: e.reason,
        at: e.at.toISOString(),
      })),
    })),
    deal: row.opportunity && {
      id: row.opportunity.id,
      name: row.opportunity.name,
      stage: row.opportunity.stage,
      acv: Number(row.opportunity.acvCents),
      currency: row.opportunity.currency,
      closeDate: row.opportunity.closeDate.toISOString().slice(0, 10),
      route: row.opportunity.route,
      ae: row.opportunity.ae?.name ?? null,
      ...(row.opportunity.partner ? { partner: row.opportunity.partner.name } : {}),
      routeDecision: decisionDto(row.opportunity.routeDecision),
    },
    events: row.events.map((e) => ({
      kind: e.kind,
      actor: e.actorLabel,
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      body: e.body,
      at: e.at.toISOString(),
    })),
  };
}
