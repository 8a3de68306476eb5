// Types of lib/attribution (docs/domain.md#attribution-and-pay). Pure: no framework, Prisma or lib/db.

export type AttributionCategory =
  "DIRECT" | "PARTNER_SOURCED" | "PARTNER_COSELL" | "PARTNER_INFLUENCED" | "MARKETPLACE";

type PartnerTier = "PLATINUM" | "GOLD" | "SILVER" | "REGISTERED";

export type PartnerFacts = { id: string; tier: PartnerTier; type: string };

/** The deal as attribution reads it. */
export type DealFacts = {
  acvCents: number;
  stage: string;
  /** The route the deal was assigned (null: not routed). */
  route: string | null;
  /** The AE who sells it (null: a partner-led deal with no AE of its own). */
  aeId: string | null;
  /** The attached partner, if any. */
  partner: PartnerFacts | null;
  /** The approved (or converted) registration the deal was created from, if any. */
  sourcedBy: PartnerFacts | null;
  /** Partners with a recorded touch on the deal (PartnerTouch), each once. */
  touchedBy: PartnerFacts[];
};

/** Credit decided by a resolved conflict case on the deal (ConflictParty.creditPct, summing to 100). */
export type DecidedSplit = {
  /** Names the decision in the basis, e.g. "the conflict case resolved on Nov 3, 2026 (split)". */
  label: string;
  parties: SplitParty[];
};

type SplitParty =
  | { kind: "DIRECT"; userId: string | null; creditPct: number }
  | { kind: "PARTNER"; partner: PartnerFacts; creditPct: number };

/** The settings attribution reads (lib/settings.ts). */
export type PayPlan = {
  /** Share of ACV an AE's quota is credited on a partner-sourced (and marketplace) deal, 0–1. */
  partnerSourcedQuotaShare: number;
  /** Co-sell SPIFF by ACV band: the highest band whose minimum the ACV reaches. */
  cosellSpiffBands: readonly { minAcvCents: number; spiffCents: number }[];
  /** Partner margin % by tier. */
  partnerMarginPctByTier: Readonly<Record<PartnerTier, number>>;
};

export type PartyAttribution = {
  party: "DIRECT" | "PARTNER";
  userId: string | null;
  partnerId: string | null;
  creditPct: number;
  quotaCreditCents: number;
  spiffCents: number;
  /** The partner's margin % (null: this party earns no margin). */
  partnerMarginPct: number | null;
  partnerMarginCents: number;
  /** The rule that produced this line, in words (a statement line shows it). */
  basis: string;
};

export type AttributionResult = {
  category: AttributionCategory;
  /** Why the deal has this category, in words. */
  categoryRule: string;
  /** Final once the deal is closed (won or lost); provisional while it is open. */
  final: boolean;
  parties: PartyAttribution[];
};

/** The row key that keeps one attribution row per opportunity × party (Attribution.partyKey). */
export function partyKey(p: Pick<PartyAttribution, "party" | "userId" | "partnerId">): string {
  return p.party === "DIRECT" ? `DIRECT:${p.userId ?? ""}` : `PARTNER:${p.partnerId ?? ""}`;
}
