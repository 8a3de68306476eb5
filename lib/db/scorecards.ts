// Partner scorecards (docs/domain.md#scorecards-and-tiers), scoped: a partner reads its own, a
// partner manager the partners they manage, channel operations and executives every partner. A
// partner outside the caller's scope answers exactly like a missing one (404).
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { shiftQuarter, type Quarter } from "@/lib/dates/quarters";
import { forbidden, notFound } from "@/lib/errors";
import { NO_MDF, scorecard, tierProgress, type Scorecard, type Tier, type TierProgress } from "@/lib/scorecards";
import { db } from "./client";
import type { Prisma } from "./generated/sqlite/client";
import { scorecardCounts } from "./scorecard-counts";
import { mdfRomiByPartner } from "./scorecard-mdf";
import { getTierCriteria } from "./tier-criteria";

const NOTHING = { id: { in: [] as string[] } };

/** The partners whose scorecards the caller may read. */
function scorecardPartnerScope(ctx: Ctx): Prisma.PartnerWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return {};
    case "PARTNER_MANAGER":
      return { managerId: ctx.userId ?? "" };
    case "PARTNER":
      return ctx.partnerId ? { id: ctx.partnerId } : NOTHING;
    case "AE":
      return NOTHING;
  }
}

export type PartnerScorecard = {
  partner: { id: string; name: string; tier: Tier; managerName: string | null; certifications: number };
  quarter: string;
  card: Scorecard;
  progress: TierProgress;
};

type PartnerHead = PartnerScorecard["partner"];

async function cards(partners: PartnerHead[], q: Quarter): Promise<PartnerScorecard[]> {
  const ids = partners.map((p) => p.id);
  const [counts, mdf, criteria] = await Promise.all([
    scorecardCounts(ids, q),
    mdfRomiByPartner(ids, q),
    getTierCriteria(db),
  ]);
  return partners.map((p) => {
    const card = scorecard(counts.get(p.id)!, mdf.get(p.id) ?? NO_MDF);
    const progress = tierProgress(p.tier, criteria, { ...card, certifications: p.certifications });
    return { partner: p, quarter: q.label, card, progress };
  });
}

const headSelect = {
  id: true,
  name: true,
  tier: true,
  certifications: true,
  manager: { select: { name: true } },
} as const;
const head = (p: {
  id: string;
  name: string;
  tier: Tier;
  certifications: number;
  manager: { name: string } | null;
}): PartnerHead => ({
  id: p.id,
  name: p.name,
  tier: p.tier,
  managerName: p.manager?.name ?? null,
  certifications: p.certifications,
});

/** Every partner in the caller's scope (terminated ones left out), by name, for one quarter. */
export async function listScorecards(ctx: Ctx, q: Quarter): Promise<PartnerScorecard[]> {
  if (!can(ctx, "scorecard:read")) throw forbidden("You cannot read partner scorecards");
  const partners = await db.partner.findMany({
    where: { AND: [scorecardPartnerScope(ctx), { status: { not: "TERMINATED" } }] },
    select: headSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return cards(partners.map(head), q);
}

/** One partner's scorecard for the quarter and the `history - 1` before it, oldest first (the trend). */
export async function getScorecard(ctx: Ctx, partnerId: string, q: Quarter, history = 4): Promise<PartnerScorecard[]> {
  if (!can(ctx, "scorecard:read")) throw notFound("Partner");
  const partner = await db.partner.findFirst({
    where: { AND: [scorecardPartnerScope(ctx), { id: partnerId }] },
    select: headSelect,
  });
  if (!partner) throw notFound("Partner");
  const quarters = Array.from({ length: history }, (_, i) => shiftQuarter(q, i - history + 1));
  return (await Promise.all(quarters.map((quarter) => cards([head(partner)], quarter)))).flat();
}

/** Each partner's cards for the `history` quarters up to `q`, oldest first: the table's trend. */
export async function scorecardTrends(
  ctx: Ctx,
  partnerIds: readonly string[],
  q: Quarter,
  history = 4,
): Promise<Map<string, PartnerScorecard[]>> {
  if (!can(ctx, "scorecard:read")) throw forbidden("You cannot read partner scorecards");
  const partners = (
    await db.partner.findMany({
      where: { AND: [scorecardPartnerScope(ctx), { id: { in: [...partnerIds] } }] },
      select: headSelect,
    })
  ).map(head);
  const quarters = Array.from({ length: history }, (_, i) => shiftQuarter(q, i - history + 1));
  const perQuarter = await Promise.all(quarters.map((quarter) => cards(partners, quarter)));
  const out = new Map<string, PartnerScorecard[]>(partners.map((p) => [p.id, []]));
  for (const list of perQuarter) for (const c of list) out.get(c.partner.id)!.push(c);
  return out;
}
