// Attribution of one deal (docs/domain.md#attribution-and-pay): its category, each party's credit %,
// the AE's quota credit, the co-sell SPIFF and the partner's margin, each line with the rule that
// produced it in words. Pure: the deal, any credit split a resolved conflict decided, and the pay
// plan (lib/settings.ts) are arguments; lib/db/attribution-writes.ts persists the result.
import { pctOf, spiffBand, usd } from "./money";
import type {
  AttributionCategory,
  AttributionResult,
  DealFacts,
  DecidedSplit,
  PartnerFacts,
  PartyAttribution,
  PayPlan,
} from "./types";

const CLOSED_WON = "CLOSED_WON";
const CLOSED_LOST = "CLOSED_LOST";

/** Category by the first rule that holds, in this order (docs/domain.md#attribution-and-pay). */
export function categorize(deal: DealFacts): { category: AttributionCategory; rule: string } {
  if (deal.route === "MARKETPLACE")
    return { category: "MARKETPLACE", rule: "Sold through a marketplace (route Marketplace)" };
  if (deal.partner?.type === "MARKETPLACE")
    return { category: "MARKETPLACE", rule: "The partner on the deal is a marketplace" };
  if (deal.sourcedBy)
    return { category: "PARTNER_SOURCED", rule: "Partner-sourced: an approved registration created the deal" };
  if (deal.partner)
    return deal.route === "CO_SELL"
      ? { category: "PARTNER_COSELL", rule: "Co-sell: routed co-sell with the partner attached" }
      : { category: "PARTNER_COSELL", rule: "Co-sell: a partner is attached to a direct-sourced deal" };
  if (deal.touchedBy.length)
    return { category: "PARTNER_INFLUENCED", rule: "Partner-influenced: a partner touch is recorded on a direct deal" };
  if (deal.route === "CO_SELL")
    return { category: "DIRECT", rule: "Direct: routed co-sell, but no partner is attached (partner needed)" };
  return { category: "DIRECT", rule: "Direct: no partner sourced, co-sold or touched the deal" };
}

/** The partner credited for a sourced, co-sold or marketplace deal: the attached one, else the registrant. */
function creditedPartner(deal: DealFacts): PartnerFacts | null {
  return deal.partner ?? deal.sourcedBy;
}

type Draft = Omit<PartyAttribution, "basis"> & { basis: string[] };

const direct = (userId: string, creditPct: number): Draft => ({
  party: "DIRECT",
  userId,
  partnerId: null,
  creditPct,
  quotaCreditCents: 0,
  spiffCents: 0,
  partnerMarginPct: null,
  partnerMarginCents: 0,
  basis: [],
});

const partnerParty = (partner: PartnerFacts, creditPct: number): Draft => ({
  party: "PARTNER",
  userId: null,
  partnerId: partner.id,
  creditPct,
  quotaCreditCents: 0,
  spiffCents: 0,
  partnerMarginPct: null,
  partnerMarginCents: 0,
  basis: [],
});

function pct(n: number): string {
  return `${Math.round(n * 100) / 100} %`;
}

/** The AE's quota credit as a share of ACV by category (full, or the partner-sourced share). */
function quotaShare(category: AttributionCategory, plan: PayPlan, hasPartner: boolean): { share: number; why: string } {
  if ((category === "PARTNER_SOURCED" || category === "MARKETPLACE") && hasPartner) {
    const share = plan.partnerSourcedQuotaShare;
    const label = category === "MARKETPLACE" ? "marketplace" : "partner-sourced";
    return { share, why: `quota credit ${pct(share * 100)} of ACV (the ${label} share)` };
  }
  if (category === "PARTNER_COSELL") return { share: 1, why: "full quota credit (co-sell)" };
  return { share: 1, why: "full quota credit" };
}

function addMargin(d: Draft, partner: PartnerFacts, acvCents: number, plan: PayPlan, sharePct: number) {
  const marginPct = plan.partnerMarginPctByTier[partner.tier];
  d.partnerMarginPct = marginPct;
  d.partnerMarginCents = pctOf(pctOf(acvCents, marginPct), sharePct);
  const scaled = sharePct === 100 ? "" : ` × its ${pct(sharePct)} credit`;
  d.basis.push(`margin ${pct(marginPct)} (${partner.tier.toLowerCase()} tier)${scaled} = ${usd(d.partnerMarginCents)}`);
}

function addSpiff(d: Draft, acvCents: number, plan: PayPlan) {
  const band = spiffBand(acvCents, plan.cosellSpiffBands);
  d.spiffCents = band.spiffCents;
  d.basis.push(
    band.spiffCents ? `co-sell SPIFF ${usd(band.spiffCents)} (${band.label})` : `no co-sell SPIFF (${band.label})`,
  );
}

/** The plan's own rules, when no conflict decided the credit. */
function byPlan(deal: DealFacts, category: AttributionCategory, plan: PayPlan): Draft[] {
  const acv = deal.acvCents;
  const partner = creditedPartner(deal);
  const rows: Draft[] = [];
  if (category === "PARTNER_INFLUENCED" || category === "DIRECT") {
    if (deal.aeId) {
      const ae = direct(deal.aeId, 100);
      ae.quotaCreditCents = acv;
      ae.basis.push(`100 % credit, full quota credit ${usd(acv)}`);
      rows.push(ae);
    }
    if (category === "PARTNER_INFLUENCED")
      for (const p of deal.touchedBy) {
        const row = partnerParty(p, 0);
        row.basis.push("influenced the deal (recorded touch): recognised, no credit or margin");
        rows.push(row);
      }
    return rows;
  }
  // sourced, co-sell, marketplace: the partner transacts the deal and earns its tier's margin
  const cosell = category === "PARTNER_COSELL";
  const partnerPct = partner ? (cosell && deal.aeId ? 50 : 100) : 0;
  if (partner) {
    const row = partnerParty(partner, partnerPct);
    row.basis.push(`${pct(partnerPct)} credit`);
    addMargin(row, partner, acv, plan, 100);
    rows.push(row);
  }
  if (deal.aeId) {
    const ae = direct(deal.aeId, 100 - partnerPct);
    const q = quotaShare(category, plan, partner !== null);
    ae.quotaCreditCents = Math.round(acv * q.share);
    ae.basis.push(`${pct(100 - partnerPct)} credit, ${q.why} = ${usd(ae.quotaCreditCents)}`);
    if (cosell) addSpiff(ae, acv, plan);
    rows.unshift(ae);
  }
  return rows;
}

/** A resolved conflict's credit split replaces the plan's shares (split commissions). */
function bySplit(deal: DealFacts, category: AttributionCategory, split: DecidedSplit, plan: PayPlan): Draft[] {
  const acv = deal.acvCents;
  const rows: Draft[] = [];
  for (const p of split.parties) {
    if (p.kind === "DIRECT") {
      const userId = p.userId ?? deal.aeId;
      if (!userId) continue;
      const ae = direct(userId, p.creditPct);
      ae.quotaCreditCents = pctOf(acv, p.creditPct);
      ae.basis.push(
        `${pct(p.creditPct)} credit decided by ${split.label}: quota credit ${pct(p.creditPct)} of ACV = ${usd(ae.quotaCreditCents)}`,
      );
      if (category === "PARTNER_COSELL" && p.creditPct > 0) addSpiff(ae, acv, plan);
      rows.push(ae);
    } else {
      const row = partnerParty(p.partner, p.creditPct);
      row.basis.push(`${pct(p.creditPct)} credit decided by ${split.label}`);
      if (p.creditPct > 0) addMargin(row, p.partner, acv, plan, p.creditPct);
      else row.basis.push("no margin");
      rows.push(row);
    }
  }
  return rows;
}

/** A lost deal keeps its category and credit (the forecast's win rates by category read them) but pays nothing. */
function lost(d: Draft): Draft {
  return {
    ...d,
    quotaCreditCents: 0,
    spiffCents: 0,
    partnerMarginPct: null,
    partnerMarginCents: 0,
    basis: [`${pct(d.creditPct)} credit; the deal was lost: no quota credit, SPIFF or margin`],
  };
}

/**
 * The attribution of one deal. Open deals get a provisional result (what the deal would pay if won
 * today); a closed deal's is final. A lost deal keeps category and credit %, with nothing to pay.
 */
export function attribute(deal: DealFacts, plan: PayPlan, split: DecidedSplit | null = null): AttributionResult {
  const { category, rule } = categorize(deal);
  const final = deal.stage === CLOSED_WON || deal.stage === CLOSED_LOST;
  let rows = split && split.parties.length ? bySplit(deal, category, split, plan) : byPlan(deal, category, plan);
  if (deal.stage === CLOSED_LOST) rows = rows.map(lost);
  return {
    category,
    categoryRule: rule,
    final,
    parties: rows.map((r) => ({ ...r, basis: `${rule}; ${r.basis.join("; ")}` })),
  };
}
