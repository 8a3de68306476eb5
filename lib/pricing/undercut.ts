// The PRICING_UNDERCUT case a direct-side discount opens on a deal under a partner's protection
// (docs/domain.md#pricing-guardrails). Pure: lib/db/pricing-guardrails.ts reads the facts and opens
// it through openCase (lib/db/conflict-open.ts).
import { summaryOf, type CaseSpec } from "@/lib/conflicts/opening";
import { excessPct } from "./guardrails";

export type UndercutCaseFacts = {
  opportunity: { id: string; accountId: string; aeId: string | null; discountPct: number };
  productLineName: string;
  /** The corridor's maximum discount %, null when none is set for the product line × route. */
  corridorMaxPct: number | null;
  /** The registrations protecting the deal, oldest first: the protected claim, linked as evidence. */
  protections: { id: string; partnerId: string; protectedUntil: Date }[];
};

/** One open undercut case per deal at a time (Conflict.openSubjectKey). */
export function undercutSubjectKey(opportunityId: string): string {
  return `pricing:opportunity:${opportunityId}`;
}

const pct = (v: number) => `${Number(v.toFixed(2))}%`;

/**
 * The case: the direct side (the deal's AE) against each protecting partner, the protecting
 * registrations linked, and the evidence (discount, corridor, protection) as the first comment,
 * in words a partner party may read (no names).
 */
export function undercutCase(f: UndercutCaseFacts): CaseSpec {
  const partners = [...new Set(f.protections.map((p) => p.partnerId))];
  const until = f.protections.reduce<Date | null>(
    (max, p) => (!max || p.protectedUntil > max ? p.protectedUntil : max),
    null,
  );
  const beyond = excessPct(f.opportunity.discountPct, f.corridorMaxPct);
  const corridor =
    f.corridorMaxPct === null
      ? "No pricing corridor is set for this product line and route."
      : beyond > 0
        ? `The corridor allows ${pct(f.corridorMaxPct)}: ${pct(beyond)} beyond it.`
        : `The corridor allows ${pct(f.corridorMaxPct)}: within it.`;
  return {
    type: "PRICING_UNDERCUT",
    source: "PRICING",
    parties: [
      { kind: "DIRECT", userId: f.opportunity.aeId },
      ...partners.map((partnerId) => ({ kind: "PARTNER" as const, partnerId })),
    ],
    registrationIds: f.protections.map((p) => p.id),
    accountId: f.opportunity.accountId,
    opportunityId: f.opportunity.id,
    summary: summaryOf("PRICING_UNDERCUT"),
    note:
      `The direct team set a ${pct(f.opportunity.discountPct)} discount on this ${f.productLineName} deal. ${corridor} ` +
      `A partner's registration protects the account and product line` +
      (until ? ` until ${until.toISOString().slice(0, 10)}.` : "."),
    subjectKey: undercutSubjectKey(f.opportunity.id),
  };
}
