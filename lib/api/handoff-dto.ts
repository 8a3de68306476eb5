// The JSON shape of a hand-off offer (GET /api/v1/handoffs). A partner key reads the account and
// deal it needs to act and its own answer; staff also read the partner, the offer's place in its
// round, its rank and the reasons (docs/domain.md#hand-offs).
import type { Offer } from "@/lib/db/handoffs";

export function handoffDto(o: Offer) {
  const d = o.opportunity;
  return {
    id: o.id,
    status: o.status,
    offeredAt: o.offeredAt.toISOString(),
    dueAt: o.dueAt.toISOString(),
    respondedAt: o.respondedAt?.toISOString() ?? null,
    declineReason: o.declineReason,
    deal: {
      name: d.name,
      acvCents: Number(d.acvCents),
      currency: d.currency,
      stage: d.stage,
      closeDate: d.closeDate.toISOString().slice(0, 10),
      productLine: d.productLine.name,
      account: {
        name: d.account.name,
        domain: d.account.domain,
        country: d.account.country,
        vertical: d.account.vertical,
        tier: d.account.tier,
      },
    },
    ...(o.partner
      ? {
          opportunityId: d.id,
          partner: { id: o.partnerId, name: o.partner.name },
          round: o.round,
          offerNumber: o.offerNumber,
          rank: o.rank,
          reasons: o.reasons,
        }
      : {}),
  };
}
