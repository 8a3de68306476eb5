// Attribution of every won deal (docs/domain.md#attribution-and-pricing-guardrails): the category, each party's credit, the AE's quota
// credit, co-sell SPIFFs and partner margins — with the credit splits decided in resolved conflicts.
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { AttributionCategory } from "../../lib/db/generated/sqlite/enums";
import type { ConflictCase } from "./conflict-record";
import { IdSequence } from "./ids";
import type { SeedOpportunity } from "./opportunities";
import { COSELL_SPIFF_BANDS, DEFAULT_SETTINGS, PARTNER_MARGIN_PCT_BY_TIER, SETTING_KEYS } from "./reference";
import type { World } from "./world";

const PARTNER_SOURCED_QUOTA_SHARE = DEFAULT_SETTINGS[SETTING_KEYS.partnerSourcedQuotaShare] as number;

function categoryOf(opp: SeedOpportunity): AttributionCategory {
  if (opp.route === "MARKETPLACE" || opp.partner?.type === "MARKETPLACE") return "MARKETPLACE";
  if (opp.registrationId) return "PARTNER_SOURCED";
  if (opp.route === "CO_SELL" || opp.partner) return "PARTNER_COSELL";
  if (opp.influencedBy) return "PARTNER_INFLUENCED";
  return "DIRECT";
}

function cosellSpiffCents(acvCents: number): number {
  let spiff = 0;
  for (const band of COSELL_SPIFF_BANDS) if (acvCents >= band.minAcvCents) spiff = band.spiffCents;
  return spiff;
}

interface Shares {
  partnerPct: number;
  aePct: number;
  /** Quota credit as a share of ACV. */
  aeQuota: number;
}

function defaultShares(category: AttributionCategory, hasPartner: boolean): Shares {
  switch (category) {
    case "PARTNER_SOURCED":
    case "MARKETPLACE":
      return { partnerPct: 100, aePct: 0, aeQuota: PARTNER_SOURCED_QUOTA_SHARE };
    case "PARTNER_COSELL":
      return hasPartner ? { partnerPct: 50, aePct: 50, aeQuota: 1 } : { partnerPct: 0, aePct: 100, aeQuota: 1 };
    default:
      return { partnerPct: 0, aePct: 100, aeQuota: 1 };
  }
}

/** A resolved case on the deal overrides the default shares. */
function decidedShares(c: ConflictCase | undefined, shares: Shares): Shares {
  if (!c?.resolution) return shares;
  if (c.resolution === "SPLIT" && c.splitPct !== undefined)
    return { partnerPct: c.splitPct, aePct: 100 - c.splitPct, aeQuota: 1 };
  if (c.type !== "ATTRIBUTION_DISPUTE") return shares;
  if (c.resolution === "AWARD_PARTNER") return { partnerPct: 100, aePct: 0, aeQuota: PARTNER_SOURCED_QUOTA_SHARE };
  if (c.resolution === "AWARD_DIRECT") return { partnerPct: 0, aePct: 100, aeQuota: 1 };
  return shares;
}

export function generateAttributions(
  world: World,
  opportunities: readonly SeedOpportunity[],
  cases: readonly ConflictCase[],
): void {
  const ids = new IdSequence("atr");
  const caseByOpp = new Map(cases.filter((c) => c.opportunity && c.resolution).map((c) => [c.opportunity!.id, c]));
  for (const opp of opportunities) {
    if (opp.stage !== "CLOSED_WON") continue;
    const category = categoryOf(opp);
    const partner = opp.partner ?? opp.influencedBy;
    const decided = caseByOpp.get(opp.id);
    const shares = decidedShares(decided, defaultShares(category, partner !== null));
    // a partner-led deal has no AE of its own; the one who argued the case takes the direct share
    const aeId = opp.aeId ?? decided?.directUserId ?? null;
    const base = { opportunityId: opp.id, category, createdAt: opp.row.closedAt! };
    const rows: Prisma.AttributionCreateManyInput[] = [];
    if (partner) {
      const earnsMargin = category !== "PARTNER_INFLUENCED" && shares.partnerPct > 0;
      rows.push({
        ...base,
        id: ids.next(),
        party: "PARTNER",
        partnerId: partner.id,
        creditPct: shares.partnerPct,
        partnerMarginPct: earnsMargin ? PARTNER_MARGIN_PCT_BY_TIER[partner.tier] : null,
      });
    }
    if (aeId) {
      const spiff = category === "PARTNER_COSELL" && opp.partner ? cosellSpiffCents(opp.acvCents) : 0;
      rows.push({
        ...base,
        id: ids.next(),
        party: "DIRECT",
        userId: aeId,
        creditPct: partner ? shares.aePct : 100,
        quotaCreditCents: BigInt(Math.round(opp.acvCents * shares.aeQuota)),
        spiffCents: BigInt(spiff),
      });
    }
    world.rows.attributions.push(...rows);
  }
}
