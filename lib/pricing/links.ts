// Where each pricing figure links: the opportunity list filtered to exactly the deals it counts
// (lib/validation/lists.ts opportunityListQuery, lib/db/pricing-filters.ts). Pure.
import type { Period } from "./period";

export type LeakageSlice = { route?: string; productLineId?: string; aeId?: string };

/** The query of the won deals beyond their corridor closed in the period (and in the slice). */
export function leakageListQuery(period: Period, slice: LeakageSlice = {}): Record<string, string> {
  return {
    stage: "CLOSED_WON",
    breach: "yes",
    closedFrom: period.firstDay,
    closedTo: period.lastDay,
    ...(slice.route ? { route: slice.route } : {}),
    ...(slice.productLineId ? { productLineId: slice.productLineId } : {}),
    ...(slice.aeId ? { aeId: slice.aeId } : {}),
  };
}

export function opportunitiesHref(query: Record<string, string>): string {
  return `/opportunities?${new URLSearchParams(query).toString()}`;
}

/** The deals flagged beyond one corridor cell (the corridor grid's count). */
export function corridorBreachesHref(productLineId: string, route: string): string {
  return opportunitiesHref({ breach: "yes", productLineId, route });
}
