// GET /api/v1/scorecards?period=2026-Q4: partner scorecards for a quarter, the same function as the
// /scorecards and /portal/scorecard pages (lib/db/scorecards.ts listScorecards), scoped the same way: a
// partner key its own company, a partner manager their partners, channel operations and executives all.
import { apiRoute, json } from "@/lib/api/handler";
import { can } from "@/lib/auth/permissions";
import { parseQuarter, quarterOf } from "@/lib/dates/quarters";
import { listScorecards } from "@/lib/db/scorecards";
import { forbidden } from "@/lib/errors";
import { fromSearchParams } from "@/lib/validation/lists";
import { scorecardQuery } from "@/lib/validation/scorecards";

export const GET = apiRoute(async (req, ctx) => {
  if (!can(ctx, "scorecard:read")) throw forbidden("Scorecards are for partners, their managers, ops and executives");
  const q = scorecardQuery.pick({ period: true }).strict().parse(fromSearchParams(req.nextUrl.searchParams));
  const quarter = q.period ? parseQuarter(q.period)! : quarterOf(new Date());
  const cards = await listScorecards(ctx, quarter);
  return json({
    period: quarter.label,
    data: cards.map(({ partner, card: c }) => ({
      partner: { id: partner.id, name: partner.name, tier: partner.tier },
      approved: c.approved,
      rejected: c.rejected,
      approvalRate: c.approvalRate,
      medianDecisionHours: c.medianDecisionHours,
      won: c.won,
      lost: c.lost,
      winRate: c.winRate,
      sourcedPipelineCents: Number(c.sourcedPipelineCents),
      cosoldPipelineCents: Number(c.cosoldPipelineCents),
      sourcedRevenueCents: Number(c.sourcedRevenueCents),
      cosoldRevenueCents: Number(c.cosoldRevenueCents),
      conflicts: c.conflicts,
      conflictsWon: c.conflictsWon,
      conflictsLost: c.conflictsLost,
      handoffAcceptance: c.handoffAcceptance,
      mdfRomi: c.mdf.romi,
    })),
  });
});
