// Pricing guardrails, pure (docs/domain.md#pricing-guardrails): the corridor of a deal, whether its
// discount breaches it, the discount leakage of a won deal and its aggregation, and when a
// discount opens a PRICING_UNDERCUT case. No database, no clock: lib/db/pricing-guardrails.ts and
// lib/db/pricing-leakage.ts read the rows and persist what this decides.
import type { Route } from "@/lib/rules/values";

export type CorridorRow = { productLineId: string; route: Route; maxDiscountPct: number };

/** The maximum discount % for a product line × route, or null when no corridor is set (nothing to breach). */
export function corridorFor(
  corridors: readonly CorridorRow[],
  productLineId: string,
  route: Route | null,
): number | null {
  if (!route) return null;
  return corridors.find((c) => c.productLineId === productLineId && c.route === route)?.maxDiscountPct ?? null;
}

/**
 * Percentages are compared and subtracted in hundredths of a percent (integers), so 27.3 − 25 is
 * exactly 2.3 and a discount equal to the corridor is inside it, whatever binary floats make of them.
 */
function hundredths(pct: number): number {
  return Math.round(pct * 100);
}

/** How far the discount goes beyond the corridor, in percentage points (0 when inside it or without a corridor). */
export function excessPct(discountPct: number, corridorMaxPct: number | null): number {
  if (corridorMaxPct === null) return 0;
  return Math.max(0, hundredths(discountPct) - hundredths(corridorMaxPct)) / 100;
}

/** A breach: a discount strictly beyond the corridor's maximum. */
export function isBreach(discountPct: number, corridorMaxPct: number | null): boolean {
  return excessPct(discountPct, corridorMaxPct) > 0;
}

export type PricedDeal = {
  discountPct: number;
  corridorMaxPct: number | null;
  /** List price in cents; null on deals recorded without one. */
  listPriceCents: number | bigint | null;
  acvCents: number | bigint;
};

/**
 * The list price a deal was discounted from: its own, or, when it has none, the ACV grossed up by
 * the discount (ACV = list × (1 − discount)); 0 when neither can tell (a 100 % discount without a list price).
 */
export function listPriceOf(deal: Pick<PricedDeal, "discountPct" | "listPriceCents" | "acvCents">): number {
  if (deal.listPriceCents !== null) return Number(deal.listPriceCents);
  const kept = 1 - deal.discountPct / 100;
  return kept > 0 ? Math.round(Number(deal.acvCents) / kept) : 0;
}

/**
 * Discount leakage of one deal in integer cents: max(0, discount % − corridor max %) × list price
 * (docs/domain.md#pricing-guardrails). Rounding: the excess is taken in hundredths of a percent and
 * the product rounded once to the nearest cent, halves up (Math.round on a non-negative value); a
 * total is the sum of the per-deal cents, so the figures of a report add up exactly.
 */
export function leakageCents(deal: PricedDeal): number {
  const excess = Math.max(0, hundredths(deal.discountPct) - hundredths(deal.corridorMaxPct ?? deal.discountPct));
  if (excess === 0) return 0;
  return Math.round((excess * listPriceOf(deal)) / 10_000);
}

export type LeakageDeal = PricedDeal & {
  route: Route | null;
  productLineId: string;
  aeId: string | null;
};

export type LeakageFigure = { count: number; cents: number };
type LeakageGroup<K extends string | null> = LeakageFigure & { key: K };

export type LeakageSummary = {
  total: LeakageFigure;
  byRoute: LeakageGroup<Route | null>[];
  byProductLine: LeakageGroup<string>[];
  byAe: LeakageGroup<string | null>[];
};

function group<K extends string | null>(deals: readonly LeakageDeal[], keyOf: (d: LeakageDeal) => K) {
  const groups = new Map<K, LeakageGroup<K>>();
  for (const d of deals) {
    const key = keyOf(d);
    const g = groups.get(key) ?? { key, count: 0, cents: 0 };
    g.count += 1;
    g.cents += leakageCents(d);
    groups.set(key, g);
  }
  // largest leakage first; ties by count, then by key, so the order never depends on row order
  return [...groups.values()].sort(
    (a, b) => b.cents - a.cents || b.count - a.count || String(a.key ?? "").localeCompare(String(b.key ?? "")),
  );
}

/**
 * The leakage of a set of won, breaching deals: the total and per route, product line and AE.
 * Every deal passed counts (the caller passes exactly the breaching deals its drill-down lists).
 */
export function summarizeLeakage(deals: readonly LeakageDeal[]): LeakageSummary {
  return {
    total: { count: deals.length, cents: deals.reduce((sum, d) => sum + leakageCents(d), 0) },
    byRoute: group(deals, (d) => d.route),
    byProductLine: group(deals, (d) => d.productLineId),
    byAe: group(deals, (d) => d.aeId),
  };
}

export type UndercutFacts = {
  /** The actor's discount is the direct team's (can(ctx, "pricing:direct-discount")). */
  directSide: boolean;
  discountPct: number;
  /** The discount at which the last undercut case on this deal was opened; null: never. */
  lastUndercutPct: number | null;
  /** A partner holds active protection on the deal's account and product line (or the deal itself). */
  protectedByPartner: boolean;
  /** An undercut case on this deal is open now. */
  openCase: boolean;
};

/**
 * Whether this write opens a PRICING_UNDERCUT case: a direct-side discount on a deal under a
 * partner's protection, unless a case on it is open already, or a past case was opened at this
 * discount or a deeper one (so a stage change or a resolved case never reopens it; a deeper
 * discount after a resolution does).
 */
export function opensUndercut(f: UndercutFacts): boolean {
  if (!f.directSide || !f.protectedByPartner || f.openCase) return false;
  if (hundredths(f.discountPct) <= 0) return false;
  return f.lastUndercutPct === null || hundredths(f.discountPct) > hundredths(f.lastUndercutPct);
}
