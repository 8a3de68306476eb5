// Which partner a hand-off is offered to next (docs/domain.md#hand-offs). Pure: the candidates,
// their history and the deal are arguments; no database, no clock.
//
// Only active partners that serve the deal's region and are not marketplaces are candidates, and a
// partner is offered one deal at most once (declined, expired or withdrawn, it is not asked again).
// The rest are ordered by these keys, each deciding only between partners equal on the ones before:
//   1. serves the deal's vertical (yes first)
//   2. tier (PLATINUM, GOLD, SILVER, REGISTERED)
//   3. acceptance rate of the offers it answered or let expire, smoothed as (accepted + 1) / (answered + 2)
//      so a partner with no history counts as 50 % and one acceptance out of one does not beat 9 of 10
//   4. open load: fewer open deals first
//   5. rotation among equals: least recently offered first (never offered before anyone)
//   6. name, then id (the final tie-break, so the order never depends on the database's)
import { PARTNER_TIERS, type PartnerTier, type PartnerType, type Vertical } from "@/lib/rules/values";

export type HandoffDeal = { regionId: string; regionName: string; vertical: Vertical };

export type HandoffCandidate = {
  id: string;
  name: string;
  tier: PartnerTier;
  type: PartnerType;
  active: boolean;
  regionIds: readonly string[];
  verticals: readonly Vertical[];
  /** Offers this partner accepted, and all it answered or let expire (withdrawn ones do not count). */
  accepted: number;
  answered: number;
  /** Open deals the partner holds now. */
  openLoad: number;
  /** When it was last offered any deal; null: never. */
  lastOfferedAt: Date | null;
};

export type RankedCandidate = { partnerId: string; name: string; rank: number; reasons: string[] };

/** (accepted + 1) / (answered + 2): see the header. */
export function smoothedAcceptance(accepted: number, answered: number): number {
  return (accepted + 1) / (answered + 2);
}

/** Whether the partner may be offered this deal at all; the reason in words when not. */
export function exclusion(deal: HandoffDeal, c: HandoffCandidate, alreadyOffered: ReadonlySet<string>): string | null {
  if (!c.active) return "not active";
  if (c.type === "MARKETPLACE") return "a marketplace partner (transacts through the marketplace, takes no hand-offs)";
  if (alreadyOffered.has(c.id)) return "already offered this deal";
  if (!c.regionIds.includes(deal.regionId)) return `does not serve ${deal.regionName}`;
  return null;
}

function compare(deal: HandoffDeal, a: HandoffCandidate, b: HandoffCandidate): number {
  const vertical = Number(b.verticals.includes(deal.vertical)) - Number(a.verticals.includes(deal.vertical));
  if (vertical) return vertical;
  const tier = PARTNER_TIERS.indexOf(a.tier) - PARTNER_TIERS.indexOf(b.tier);
  if (tier) return tier;
  const rate = smoothedAcceptance(b.accepted, b.answered) - smoothedAcceptance(a.accepted, a.answered);
  if (rate) return rate;
  const load = a.openLoad - b.openLoad;
  if (load) return load;
  const last = (a.lastOfferedAt?.getTime() ?? -Infinity) - (b.lastOfferedAt?.getTime() ?? -Infinity);
  if (last) return last;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function humanVertical(v: Vertical): string {
  const s = v.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Why a candidate ranks where it does, one line per ranking key, in the order they decide. */
function reasonsFor(deal: HandoffDeal, c: HandoffCandidate): string[] {
  const tier = c.tier.charAt(0) + c.tier.slice(1).toLowerCase();
  return [
    `Serves ${deal.regionName}`,
    c.verticals.includes(deal.vertical)
      ? `Serves ${humanVertical(deal.vertical)}`
      : `Does not list ${humanVertical(deal.vertical)}`,
    `${tier} tier`,
    c.answered === 0
      ? "No offers answered yet (counted as 50 %)"
      : `Accepted ${c.accepted} of ${c.answered} offers (${Math.round((100 * c.accepted) / c.answered)} %)`,
    `${c.openLoad} open ${c.openLoad === 1 ? "deal" : "deals"}`,
    c.lastOfferedAt
      ? `Last offered a deal on ${c.lastOfferedAt.toISOString().slice(0, 10)}`
      : "Never offered a deal before",
  ];
}

/** The eligible candidates, best first, each with its rank (1 = top) and reasons. */
export function rankCandidates(
  deal: HandoffDeal,
  candidates: readonly HandoffCandidate[],
  alreadyOffered: ReadonlySet<string> = new Set(),
): RankedCandidate[] {
  return candidates
    .filter((c) => exclusion(deal, c, alreadyOffered) === null)
    .sort((a, b) => compare(deal, a, b))
    .map((c, i) => ({ partnerId: c.id, name: c.name, rank: i + 1, reasons: reasonsFor(deal, c) }));
}
