// What the demo company sells (docs/domain.md#demo-data) and its discount guardrails (docs/domain.md#attribution-and-pricing-guardrails).
import type { ProductKind, Route } from "../../lib/db/generated/sqlite/enums";

export interface ProductLineSpec {
  name: string;
  kind: ProductKind;
}

export const PRODUCT_LINES: readonly ProductLineSpec[] = [
  { name: "Platform", kind: "CORE" },
  { name: "Analytics", kind: "ADDON" },
  { name: "Implementation", kind: "SERVICES" },
];

/**
 * Maximum discount % per product kind and route. Partner-led routes get more room because the
 * partner's margin comes out of the discount; marketplaces list at near-list price.
 */
export const CORRIDOR_MAX_DISCOUNT: Readonly<Record<ProductKind, Readonly<Record<Route, number>>>> = {
  CORE: { DIRECT: 25, DIRECT_PARTNER_ATTACHED: 25, CO_SELL: 30, PARTNER_LED: 35, MARKETPLACE: 15 },
  ADDON: { DIRECT: 20, DIRECT_PARTNER_ATTACHED: 20, CO_SELL: 25, PARTNER_LED: 30, MARKETPLACE: 10 },
  SERVICES: { DIRECT: 10, DIRECT_PARTNER_ATTACHED: 10, CO_SELL: 15, PARTNER_LED: 20, MARKETPLACE: 5 },
};
