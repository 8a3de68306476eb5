// Tier proposals (docs/domain.md#scorecards-and-tiers): the quarterly job proposes a promotion or a
// demotion per partner from the quarter just ended; channel operations confirms or dismisses each
// (audited, conditional on it still being proposed, so two decisions at once give one 409); a
// confirmed change takes effect at the start of the next quarter (the job applies it then, audited),
// never mid-quarter.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { quarterOf, shiftQuarter } from "@/lib/dates/quarters";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { criteriaProgress, proposeTier, scorecard, type Tier } from "@/lib/scorecards";
import { audit } from "./audit";
import { db } from "./client";
import type { Db } from "./connect";
import { scorecardCounts } from "./scorecard-counts";
import { getTierCriteria } from "./tier-criteria";
import { transaction } from "./transaction";

const proposalSelect = {
  id: true,
  quarter: true,
  fromTier: true,
  toTier: true,
  status: true,
  criteria: true,
  effectiveFrom: true,
  decidedAt: true,
  createdAt: true,
  partner: { select: { id: true, name: true, tier: true } },
} as const;

export type TierProposalRow = {
  id: string;
  quarter: string;
  fromTier: Tier;
  toTier: Tier;
  status: "PROPOSED" | "CONFIRMED" | "DISMISSED" | "APPLIED";
  criteria: unknown;
  effectiveFrom: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  partner: { id: string; name: string; tier: Tier };
};

/** Open proposals first, then the decided ones, newest first (a few per partner per year). */
export async function listTierProposals(ctx: Ctx): Promise<TierProposalRow[]> {
  if (!can(ctx, "tier:manage")) throw forbidden("Tier proposals are for channel operations");
  const rows = (await db.tierProposal.findMany({
    select: proposalSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  })) as TierProposalRow[];
  return [...rows.filter((r) => r.status === "PROPOSED"), ...rows.filter((r) => r.status !== "PROPOSED")];
}

/** The confirmed change waiting for its quarter, per partner (the partner page shows it). */
export async function pendingTierChange(partnerId: string): Promise<{ toTier: Tier; effectiveFrom: Date } | null> {
  const row = await db.tierProposal.findFirst({
    where: { partnerId, status: "CONFIRMED" },
    orderBy: { effectiveFrom: "desc" },
    select: { toTier: true, effectiveFrom: true },
  });
  return row?.effectiveFrom ? { toTier: row.toTier as Tier, effectiveFrom: row.effectiveFrom } : null;
}

export async function decideTierProposal(
  ctx: Ctx,
  id: string,
  decision: "confirm" | "dismiss",
  now = new Date(),
): Promise<{ status: "CONFIRMED" | "DISMISSED"; effectiveFrom: Date | null }> {
  if (!can(ctx, "tier:manage")) throw notFound("Tier proposal");
  const status = decision === "confirm" ? "CONFIRMED" : "DISMISSED";
  // effective at the start of the quarter after the decision: never mid-quarter
  const effectiveFrom = decision === "confirm" ? shiftQuarter(quarterOf(now), 1).start : null;
  return transaction(db, async (tx) => {
    const before = await tx.tierProposal.findUnique({ where: { id }, select: proposalSelect });
    if (!before) throw notFound("Tier proposal");
    const { count } = await tx.tierProposal.updateMany({
      where: { id, status: "PROPOSED" },
      data: { status, effectiveFrom, decidedAt: now, decidedById: ctx.userId },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This proposal was already decided; reload to see it.");
    await audit(
      tx,
      ctx,
      {
        action: decision === "confirm" ? "tier.proposal.confirm" : "tier.proposal.dismiss",
        entityType: "TierProposal",
        entityId: id,
        before: { status: before.status, partner: before.partner.name, from: before.fromTier, to: before.toTier },
        after: { status, effectiveFrom },
      },
      now,
    );
    return { status, effectiveFrom };
  });
}

/**
 * The quarterly job's work (lib/jobs/tier-jobs.ts): proposals from the quarter just ended for every
 * active partner whose figures call for another tier (one per partner and quarter: a second run
 * writes nothing), and confirmed changes whose quarter has started applied to the partner.
 */
export async function proposeAndApplyTiers(client: Db, now: Date): Promise<number> {
  const ended = shiftQuarter(quarterOf(now), -1);
  const partners = await client.partner.findMany({
    where: { status: "ACTIVE", tierProposals: { none: { quarter: ended.label } } },
    select: { id: true, tier: true, certifications: true },
  });
  let written = 0;
  if (partners.length > 0) {
    const [counts, criteria] = await Promise.all([
      scorecardCounts(
        partners.map((p) => p.id),
        ended,
        client,
      ),
      getTierCriteria(client),
    ]);
    const rows = partners.flatMap((p) => {
      const card = { ...scorecard(counts.get(p.id)!), certifications: p.certifications };
      const change = proposeTier(p.tier as Tier, criteria, card);
      if (!change) return [];
      // a promotion shows the criteria it met, a demotion those of the tier it no longer meets
      const judged = (change.kind === "PROMOTE" ? change.to : change.from) as Exclude<Tier, "REGISTERED">;
      return [
        {
          partnerId: p.id,
          quarter: ended.label,
          fromTier: change.from,
          toTier: change.to,
          criteria: criteriaProgress(criteria[judged], card).map((c) => ({
            key: c.key,
            label: c.label,
            actual: c.actual,
            target: c.target,
            met: c.met,
          })),
          createdAt: now,
        },
      ];
    });
    for (const data of rows) {
      try {
        await client.tierProposal.create({ data, select: { id: true } });
        written += 1;
      } catch (error) {
        if ((error as { code?: string }).code !== "P2002") throw error; // another instance wrote it first
      }
    }
  }
  const due = await client.tierProposal.findMany({
    where: { status: "CONFIRMED", effectiveFrom: { lte: now } },
    select: { id: true, partnerId: true, fromTier: true, toTier: true },
  });
  for (const p of due)
    await transaction(client, async (tx) => {
      const { count } = await tx.tierProposal.updateMany({
        where: { id: p.id, status: "CONFIRMED" },
        data: { status: "APPLIED", appliedAt: now },
      });
      if (count !== 1) return;
      await tx.partner.update({ where: { id: p.partnerId }, data: { tier: p.toTier }, select: { id: true } });
      await audit(
        tx,
        null,
        {
          action: "tier.proposal.apply",
          entityType: "Partner",
          entityId: p.partnerId,
          before: { tier: p.fromTier },
          after: { tier: p.toTier, proposal: p.id },
        },
        now,
      );
      written += 1;
    });
  return written;
}
