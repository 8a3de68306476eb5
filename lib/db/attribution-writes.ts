// Attribution persisted per opportunity (docs/domain.md#attribution-and-pay): recomputed by
// lib/attribution from the deal, the registration that created it, its partner touches, the
// partners' tiers, the credit split of the latest resolved conflict case on it and the pay-plan
// settings; one row per opportunity × party (Attribution.partyKey, unique), replaced on the
// caller's transaction. Called by lib/db/opportunity-writes.ts after every write of the deal and
// by lib/db/conflict-resolve.ts when a resolution decides credit, so a split overrides at once.
import "server-only";
import { attribute, partyKey, payPlanFrom, type DealFacts, type DecidedSplit, type PayPlan } from "@/lib/attribution";
import { formatDate } from "@/lib/format";
import { SETTING_KEYS } from "@/lib/settings";
import type { Tx } from "./connect";
import type { AttributionCategory } from "./generated/sqlite/enums";
import { getSetting } from "./settings";

const partnerFacts = { select: { id: true, tier: true, type: true } } as const;

async function readPayPlan(tx: Tx): Promise<PayPlan> {
  return payPlanFrom({
    quotaShare: await getSetting(SETTING_KEYS.partnerSourcedQuotaShare, tx),
    spiffBands: await getSetting(SETTING_KEYS.cosellSpiffBands, tx),
    marginByTier: await getSetting(SETTING_KEYS.partnerMarginPctByTier, tx),
  });
}

type Stored = { category: AttributionCategory; updatedAt: Date };

async function dealFacts(tx: Tx, opportunityId: string): Promise<{ deal: DealFacts; stored: Stored } | null> {
  const opp = await tx.opportunity.findUnique({
    where: { id: opportunityId },
    select: {
      acvCents: true,
      stage: true,
      route: true,
      aeId: true,
      partner: partnerFacts,
      category: true,
      updatedAt: true,
    },
  });
  if (!opp) return null;
  // the approved registration the deal was created from (CONVERTED once the opportunity exists)
  const registration = await tx.dealRegistration.findFirst({
    where: { opportunityId, status: { in: ["APPROVED", "CONVERTED"] } },
    select: { partner: partnerFacts },
  });
  const touches = await tx.partnerTouch.findMany({
    where: { opportunityId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { partner: partnerFacts },
  });
  const touchedBy = [...new Map(touches.map((t) => [t.partner.id, t.partner])).values()];
  return {
    deal: {
      acvCents: Number(opp.acvCents),
      stage: opp.stage,
      route: opp.route,
      aeId: opp.aeId,
      partner: opp.partner,
      sourcedBy: registration?.partner ?? null,
      touchedBy,
    },
    stored: { category: opp.category, updatedAt: opp.updatedAt },
  };
}

/** The credit the most recently resolved case on the deal decided (ConflictParty.creditPct), if any. */
async function decidedSplit(tx: Tx, opportunityId: string): Promise<DecidedSplit | null> {
  const c = await tx.conflict.findFirst({
    where: { opportunityId, status: "RESOLVED", parties: { some: { creditPct: { not: null } } } },
    orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
    select: {
      resolution: true,
      resolvedAt: true,
      parties: {
        where: { creditPct: { not: null } },
        orderBy: { id: "asc" },
        select: { kind: true, userId: true, creditPct: true, partner: partnerFacts },
      },
    },
  });
  if (!c) return null;
  const words = c.resolution === "SPLIT" ? "split" : (c.resolution ?? "").toLowerCase().replace(/_/g, " ");
  return {
    label: `the conflict case resolved on ${formatDate(c.resolvedAt)} (${words})`,
    parties: c.parties.flatMap((p): DecidedSplit["parties"] =>
      p.kind === "DIRECT"
        ? [{ kind: "DIRECT", userId: p.userId, creditPct: p.creditPct ?? 0 }]
        : p.partner
          ? [{ kind: "PARTNER", partner: p.partner, creditPct: p.creditPct ?? 0 }]
          : [],
    ),
  };
}

/**
 * Recomputes the deal's attribution on the caller's transaction: provisional while open, final once
 * closed. Rows of parties no longer credited are removed; the others are updated in place.
 */
export async function applyAttribution(tx: Tx, opportunityId: string, now: Date): Promise<void> {
  const facts = await dealFacts(tx, opportunityId);
  if (!facts) return;
  const result = attribute(facts.deal, await readPayPlan(tx), await decidedSplit(tx, opportunityId));
  const keys: string[] = [];
  for (const p of result.parties) {
    const key = partyKey(p);
    if (keys.includes(key)) continue;
    keys.push(key);
    const data = {
      party: p.party,
      userId: p.userId,
      partnerId: p.partnerId,
      category: result.category,
      creditPct: p.creditPct,
      quotaCreditCents: BigInt(p.quotaCreditCents),
      spiffCents: BigInt(p.spiffCents),
      partnerMarginPct: p.partnerMarginPct,
      partnerMarginCents: BigInt(p.partnerMarginCents),
      final: result.final,
      basis: p.basis,
      computedAt: now,
    };
    await tx.attribution.upsert({
      where: { opportunityId_partyKey: { opportunityId, partyKey: key } },
      create: { ...data, opportunityId, partyKey: key, createdAt: now },
      update: data,
      select: { id: true },
    });
  }
  await tx.attribution.deleteMany({ where: { opportunityId, partyKey: { notIn: keys } } });
  // the deal's category, stored beside its rows for the council and the forecast to group by
  // (docs/architecture.md); updatedAt kept, since it is the editor's concurrency token, not a user change
  if (facts.stored.category !== result.category)
    await tx.opportunity.update({
      where: { id: opportunityId },
      data: { category: result.category, updatedAt: facts.stored.updatedAt },
      select: { id: true },
    });
}
