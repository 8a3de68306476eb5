// The pay plan from the settings rows (lib/settings.ts), checked: a malformed setting falls back to
// the install default rather than paying by a broken plan. Pure.
import { z } from "zod";
import { COSELL_SPIFF_BANDS, PARTNER_MARGIN_PCT_BY_TIER, PARTNER_SOURCED_QUOTA_SHARE } from "../settings";
import type { PayPlan } from "./types";

const share = z.number().min(0).max(1);
const bands = z.array(z.object({ minAcvCents: z.number().int().min(0), spiffCents: z.number().int().min(0) })).min(1);
const margins = z.object({
  PLATINUM: z.number().min(0).max(100),
  GOLD: z.number().min(0).max(100),
  SILVER: z.number().min(0).max(100),
  REGISTERED: z.number().min(0).max(100),
});

export const DEFAULT_PAY_PLAN: PayPlan = {
  partnerSourcedQuotaShare: PARTNER_SOURCED_QUOTA_SHARE,
  cosellSpiffBands: COSELL_SPIFF_BANDS,
  partnerMarginPctByTier: PARTNER_MARGIN_PCT_BY_TIER,
};

export function payPlanFrom(values: { quotaShare: unknown; spiffBands: unknown; marginByTier: unknown }): PayPlan {
  const q = share.safeParse(values.quotaShare);
  const b = bands.safeParse(values.spiffBands);
  const m = margins.safeParse(values.marginByTier);
  return {
    partnerSourcedQuotaShare: q.success ? q.data : DEFAULT_PAY_PLAN.partnerSourcedQuotaShare,
    cosellSpiffBands: b.success ? b.data : DEFAULT_PAY_PLAN.cosellSpiffBands,
    partnerMarginPctByTier: m.success ? m.data : DEFAULT_PAY_PLAN.partnerMarginPctByTier,
  };
}
