// An attribution dispute on a closed deal (docs/domain.md#attribution-and-pay): its AE, a partner
// credited on it, or channel operations opens an ATTRIBUTION_DISPUTE case through openCase
// (lib/db/conflict-open.ts) with the evidence as the first comment. One open case per deal
// (Conflict.openSubjectKey "opportunity:<id>", as raised cases use): a second answers 409 naming it.
// The case's resolution decides the credit, which lib/db/conflict-resolve.ts applies to the deal's
// attribution at once (lib/db/attribution-writes.ts).
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { SETTING_KEYS } from "@/lib/settings";
import type { DisputeInput } from "@/lib/validation/payouts";
import { db } from "./client";
import { openCase } from "./conflict-open";
import { disputeOpportunityScope } from "./scope";
import { getSetting } from "./settings";
import { transaction } from "./transaction";

const alreadyOpen = (conflictId: string) =>
  new AppError("CONFLICT", "This deal is already in an open conflict case: add to that case instead.", {
    conflictId: [conflictId],
  });

export async function openAttributionDispute(
  ctx: Ctx,
  input: DisputeInput,
  now = new Date(),
): Promise<{ id: string; slaDueAt: string }> {
  if (!can(ctx, "attribution:dispute")) throw forbidden("You cannot dispute attribution");
  const subjectKey = `opportunity:${input.opportunityId}`;
  const slaDays = await getSetting<unknown[]>(SETTING_KEYS.conflictSlaBusinessDays, db);
  try {
    return await transaction(db, async (tx) => {
      const opp = await tx.opportunity.findFirst({
        where: { AND: [disputeOpportunityScope(ctx), { id: input.opportunityId }] },
        select: {
          id: true,
          accountId: true,
          stage: true,
          aeId: true,
          partnerId: true,
          attributions: { where: { party: "PARTNER" }, select: { partnerId: true } },
        },
      });
      if (!opp) throw notFound("Opportunity");
      if (opp.stage !== "CLOSED_WON" && opp.stage !== "CLOSED_LOST")
        throw new AppError("UNPROCESSABLE", "This deal is still open: raise a conflict on it instead.");
      const existing = await tx.conflict.findUnique({ where: { openSubjectKey: subjectKey }, select: { id: true } });
      if (existing) throw alreadyOpen(existing.id);
      // a partner disputes for itself; the AE or channel operations against every partner credited
      const credited = [opp.partnerId, ...opp.attributions.map((a) => a.partnerId)].filter((p): p is string => !!p);
      const partners = ctx.partnerId ? [ctx.partnerId] : [...new Set(credited)];
      if (partners.length === 0)
        throw new AppError("UNPROCESSABLE", "No partner is credited on this deal: there is no attribution to dispute.");
      const opened = await openCase(
        tx,
        {
          type: "ATTRIBUTION_DISPUTE",
          source: "ATTRIBUTION",
          parties: [
            ...partners.map((partnerId) => ({ kind: "PARTNER" as const, partnerId })),
            { kind: "DIRECT" as const, userId: opp.aeId },
          ],
          registrationIds: [],
          accountId: opp.accountId,
          opportunityId: opp.id,
          summary: "The attribution of a closed deal is disputed.",
          note: input.evidence,
          subjectKey,
          actor: ctx,
          slaDays,
        },
        now,
      );
      return { id: opened.id, slaDueAt: opened.slaDueAt.toISOString() };
    });
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") {
      const winner = await db.conflict.findUnique({ where: { openSubjectKey: subjectKey }, select: { id: true } });
      if (winner) throw alreadyOpen(winner.id);
    }
    throw error;
  }
}
