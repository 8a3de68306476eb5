// Which route a segment gets: a segment is a description (criteria), not a rule, so we decide a
// typical deal of the segment under the rule set in force and show that decision. Facts the
// criteria leave open take the most common values of the vendor's book (documented below), and
// the partner's own type and tier, so a marketplace partner sees the routes that apply to it.
import { evaluate, type Decision, type Facts, type PartnerTier, type PartnerType, type RuleSet } from "@/lib/rules";
import type { SegmentView } from "@/lib/db/segments";

const TYPICAL_ACV_CENTS = 10_000_000; // $100K: a typical deal when the segment says nothing of ACV

/** A point inside the segment's ACV band ([min, max)), away from its edges. */
function typicalAcv({ acvMinCents: min, acvMaxCents: max }: SegmentView["criteria"]): number {
  if (min !== undefined && max !== undefined) return Math.floor((min + max) / 2);
  if (max !== undefined) return Math.floor(max / 2);
  if (min !== undefined) return min;
  return TYPICAL_ACV_CENTS;
}

function typicalFacts(
  segment: SegmentView,
  partner: { id: string; type: PartnerType; tier: PartnerTier },
  at: Date,
): Facts {
  const c = segment.criteria;
  const region = segment.regions[0];
  const tier = c.accountTiers?.[0] ?? "MIDMARKET";
  return {
    acv: typicalAcv(c),
    currency: "USD",
    vertical: c.verticals?.[0] ?? "TECHNOLOGY",
    region: region?.code ?? null,
    // without named regions, the deal is in a market with a direct team (where most deals are)
    regionDirectPresence: region ? region.directPresence : true,
    productKind: c.productKinds?.[0] ?? "CORE",
    accountTier: tier,
    // named accounts are a subset of strategic ones; a segment of only strategic accounts is the
    // named-account territory (lib/rules/default-rule-set.ts, rule 20)
    namedAccount: c.accountTiers?.length === 1 && tier === "STRATEGIC",
    partnerId: partner.id,
    partnerType: partner.type,
    partnerTier: partner.tier,
    registrationStatus: "NONE",
    at: at.toISOString(),
  };
}

export function segmentDecision(
  engine: RuleSet,
  segment: SegmentView,
  partner: { id: string; type: PartnerType; tier: PartnerTier },
  at: Date,
): Decision {
  return evaluate(engine, typicalFacts(segment, partner, at));
}
