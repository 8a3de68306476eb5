// Attribution of every demo deal (docs/domain.md#attribution-and-pay), computed by lib/attribution
// exactly as lib/db/attribution-writes.ts computes it at runtime: final for closed deals (won or
// lost), provisional for open ones, with the credit splits decided in resolved conflicts. Then a few
// payout adjustments so the statements of ae@accord.test and Northwind Systems show one.
import {
  attribute,
  DEFAULT_PAY_PLAN,
  monthOf,
  partyKey,
  type DealFacts,
  type DecidedSplit,
} from "../../lib/attribution";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { ConflictCase } from "./conflict-record";
import { IdSequence } from "./ids";
import type { SeedOpportunity } from "./opportunities";
import { showcasePartners } from "./partner-pipeline";
import { staffUser, type SeedPartner, type World } from "./world";

const facts = (p: SeedPartner) => ({ id: p.id, tier: p.tier, type: p.type });

function dealFacts(opp: SeedOpportunity): DealFacts {
  return {
    acvCents: opp.acvCents,
    stage: opp.stage,
    route: opp.route,
    aeId: opp.aeId,
    partner: opp.partner && facts(opp.partner),
    sourcedBy: opp.registrationId && opp.source === "PARTNER" && opp.partner ? facts(opp.partner) : null,
    touchedBy: opp.influencedBy ? [facts(opp.influencedBy)] : [],
  };
}

/** A resolved SPLIT on the deal, with the credit per party as lib/seed/conflict-record.ts records it. */
function splitOf(c: ConflictCase | undefined): DecidedSplit | null {
  if (c?.resolution !== "SPLIT" || c.splitPct === undefined) return null;
  const parties: DecidedSplit["parties"] = c.partners.map((p, i) => ({
    kind: "PARTNER" as const,
    partner: facts(p),
    creditPct: i === 0 ? c.splitPct! : 100 - c.splitPct!,
  }));
  if (c.directUserId && c.partners.length === 1)
    parties.push({ kind: "DIRECT", userId: c.directUserId, creditPct: 100 - c.splitPct });
  return { label: "the conflict case's credit split", parties };
}

export function generateAttributions(
  world: World,
  opportunities: readonly SeedOpportunity[],
  cases: readonly ConflictCase[],
): void {
  const ids = new IdSequence("atr");
  const caseByOpp = new Map(cases.filter((c) => c.opportunity && c.resolution).map((c) => [c.opportunity!.id, c]));
  for (const opp of opportunities) {
    const result = attribute(dealFacts(opp), DEFAULT_PAY_PLAN, splitOf(caseByOpp.get(opp.id)));
    const at = opp.row.closedAt ?? world.now;
    opp.row.category = result.category;
    const seen = new Set<string>();
    for (const p of result.parties) {
      const key = partyKey(p);
      if (seen.has(key)) continue;
      seen.add(key);
      world.rows.attributions.push({
        id: ids.next(),
        opportunityId: opp.id,
        party: p.party,
        partyKey: key,
        partnerId: p.partnerId,
        userId: p.userId,
        category: result.category,
        creditPct: p.creditPct,
        quotaCreditCents: BigInt(p.quotaCreditCents),
        spiffCents: BigInt(p.spiffCents),
        partnerMarginPct: p.partnerMarginPct,
        partnerMarginCents: BigInt(p.partnerMarginCents),
        final: result.final,
        basis: p.basis,
        computedAt: at,
        createdAt: at,
      });
    }
  }
  generateAdjustments(world, opportunities);
}

/** Two adjustments on ae@accord.test's statement and one on Northwind's, in the last closed months. */
function generateAdjustments(world: World, opportunities: readonly SeedOpportunity[]): void {
  const ops = staffUser(world, "ops");
  const ae = staffUser(world, "ae");
  const [northwind] = showcasePartners(world);
  const won = (pick: (o: SeedOpportunity) => boolean) =>
    opportunities
      .filter((o) => o.stage === "CLOSED_WON" && o.row.closedAt && pick(o))
      .sort((a, b) => b.row.closedAt!.getTime() - a.row.closedAt!.getTime())[0];
  const aeDeal = won((o) => o.aeId === ae.id);
  const partnerDeal = won((o) => o.partner?.id === northwind.id);
  const rows: Prisma.PayoutAdjustmentCreateManyInput[] = [];
  const ids = new IdSequence("padj");
  if (aeDeal) {
    const at = aeDeal.row.closedAt!;
    rows.push(
      {
        id: ids.next(),
        party: "DIRECT",
        userId: ae.id,
        kind: "SPIFF",
        amountCents: BigInt(50_000),
        month: monthOf(at),
        reason: "Quarter-end accelerator agreed by the VP Sales for the renewal push",
        opportunityId: aeDeal.id,
        createdById: ops.id,
        createdAt: at,
      },
      {
        id: ids.next(),
        party: "DIRECT",
        userId: ae.id,
        kind: "QUOTA_CREDIT",
        amountCents: BigInt(-2_500_000),
        month: monthOf(at),
        reason: "Services portion booked twice on the order form; corrected by finance",
        opportunityId: aeDeal.id,
        createdById: ops.id,
        createdAt: at,
      },
    );
  }
  if (partnerDeal) {
    const at = partnerDeal.row.closedAt!;
    rows.push({
      id: ids.next(),
      party: "PARTNER",
      partnerId: northwind.id,
      kind: "MARGIN",
      amountCents: BigInt(150_000),
      month: monthOf(at),
      reason: "Marketing rebate for the joint webinar, as agreed in the partner plan",
      opportunityId: partnerDeal.id,
      createdById: ops.id,
      createdAt: at,
    });
  }
  world.rows.payoutAdjustments.push(...rows);
}
