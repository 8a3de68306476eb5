// The MDF column of the scorecards: return on MDF per partner and quarter, with the definition of
// lib/mdf/romi.ts (won ACV of the deals linked to a partner's PAID requests ÷ what was paid on
// them), over the requests against the quarter's funds. Scorecards read it through this interface
// only; the caller has already scoped `partnerIds` (lib/db/scorecards.ts). One query for all the
// partners (docs/domain.md#scorecards-and-tiers).
import "server-only";
import type { Quarter } from "@/lib/dates/quarters";
import { romiBy } from "@/lib/mdf/romi";
import type { MdfRomi } from "@/lib/scorecards";
import { db } from "./client";

export type MdfRomiSource = (partnerIds: readonly string[], quarter: Quarter) => Promise<Map<string, MdfRomi>>;

/** Partners without an entry have no paid MDF in the quarter. */
export const mdfRomiByPartner: MdfRomiSource = async (partnerIds, quarter) => {
  if (partnerIds.length === 0) return new Map();
  const paid = await db.mdfRequest.findMany({
    where: { status: "PAID", partnerId: { in: [...partnerIds] }, fund: { quarter: quarter.label } },
    select: {
      amountCents: true,
      partnerId: true,
      fund: { select: { id: true, motion: true } },
      opportunities: { where: { stage: "CLOSED_WON" }, select: { acvCents: true } },
    },
  });
  const rows = paid.map((r) => ({
    fundId: r.fund.id,
    motion: r.fund.motion,
    partnerId: r.partnerId,
    paidCents: r.amountCents,
    wonCents: r.opportunities.reduce((s, o) => s + o.acvCents, 0n),
  }));
  return new Map(
    [...romiBy(rows, (r) => r.partnerId)].map(([id, r]) => [id, { romi: r.ratio, paidCents: r.paidCents }]),
  );
};
