// Deal sizes, prices, cycles and outcomes of the demo pipeline. ACVs span every band of the
// default rules ($10K to $3M) and discounts mostly respect the pricing corridors, with some leakage.
import type { AccountTier, ProductKind, Route, Stage } from "../../lib/db/generated/sqlite/enums";
import { CORRIDOR_MAX_DISCOUNT } from "./catalog";
import type { Random } from "./random";

const DOLLAR = 100;
const MIN_ACV = 10_000 * DOLLAR;
const MAX_ACV = 3_000_000 * DOLLAR;

/** ACV range in dollars by account tier, for the core product. */
const ACV_RANGE: Readonly<Record<AccountTier, readonly [number, number]>> = {
  SMB: [10_000, 90_000],
  MIDMARKET: [35_000, 420_000],
  ENTERPRISE: [150_000, 1_600_000],
  STRATEGIC: [400_000, 3_000_000],
};

/** Add-ons and services sell for a fraction of a platform deal. */
const KIND_FACTOR: Readonly<Record<ProductKind, number>> = { CORE: 1, ADDON: 0.45, SERVICES: 0.3 };

function roundCents(cents: number, step: number): number {
  return Math.round(cents / step) * step;
}

/** Integer cents, rounded to $500, within [$10K, $3M]. */
export function drawAcv(rng: Random, tier: AccountTier, kind: ProductKind): number {
  const [low, high] = ACV_RANGE[tier];
  const dollars = rng.logUniform(low, high) * KIND_FACTOR[kind];
  return Math.min(MAX_ACV, Math.max(MIN_ACV, roundCents(dollars * DOLLAR, 500 * DOLLAR)));
}

/** The ACV a deal closes at, drifting from the registered estimate. */
export function driftAcv(rng: Random, estimateCents: number): number {
  const cents = estimateCents * rng.real(0.8, 1.3);
  return Math.min(MAX_ACV, Math.max(MIN_ACV, roundCents(cents, 500 * DOLLAR)));
}

export interface Pricing {
  discountPct: number;
  listPriceCents: number;
}

/** Share of deals discounted past their corridor: the source of "discount leakage" (docs/domain.md#attribution-and-pricing-guardrails). */
const LEAKY_SHARE = 0.12;

export function drawPricing(
  rng: Random,
  acvCents: number,
  kind: ProductKind,
  route: Route,
  aggressive = false,
): Pricing {
  const corridor = CORRIDOR_MAX_DISCOUNT[kind][route];
  const discountPct = aggressive
    ? Math.round(rng.real(corridor + 5, corridor + 15) * 10) / 10
    : rng.chance(LEAKY_SHARE)
      ? Math.round(rng.real(corridor + 1, corridor + 10) * 10) / 10
      : Math.round(rng.real(0, corridor) * 10) / 10;
  return { discountPct, listPriceCents: roundCents(acvCents / (1 - discountPct / 100), 100) };
}

/** Sales cycle in days: bigger deals take longer. */
export function drawCycleDays(rng: Random, acvCents: number): number {
  const scale = Math.log10(acvCents / MIN_ACV) / Math.log10(MAX_ACV / MIN_ACV); // 0 … 1
  return Math.round(rng.real(25, 70) + scale * rng.real(40, 200));
}

/** Open deals move through the stages as their cycle elapses. */
export function openStage(elapsedShare: number): Stage {
  if (elapsedShare < 0.25) return "PROSPECT";
  if (elapsedShare < 0.5) return "QUALIFIED";
  if (elapsedShare < 0.75) return "PROPOSAL";
  return "NEGOTIATION";
}

/** Win rates by route; partner involvement helps a little (the case for co-selling). */
export function winProbability(route: Route, partnerInvolved: boolean): number {
  const base: Record<Route, number> = {
    PARTNER_LED: 0.36,
    CO_SELL: 0.4,
    DIRECT: 0.3,
    DIRECT_PARTNER_ATTACHED: 0.3,
    MARKETPLACE: 0.5,
  };
  return base[route] + (partnerInvolved ? 0.05 : 0);
}
