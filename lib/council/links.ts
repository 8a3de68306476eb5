// Where each council figure links: the list of exactly the deals, cases or registrations it counts,
// through the lists' own URL filters (lib/validation/lists.ts, lib/validation/conflict-filters.ts),
// so the list shows the figure's count. Pure.
import type { Period } from "@/lib/pricing/period";
import type { Category, Lead } from "./index";

type Params = Record<string, string | undefined>;
const href = (path: string, params: Params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, v);
  return `${path}?${q.toString()}`;
};

/** Deals created in the period. */
export function createdDealsHref(p: Period, slice: { lead?: Lead; category?: Category } = {}) {
  return href("/opportunities", { createdFrom: p.firstDay, createdTo: p.lastDay, ...slice });
}

/** Deals closed in the period: won, lost or either; `adjusted`: won deals with a payout adjustment. */
export function closedDealsHref(
  p: Period,
  outcome: "won" | "lost" | "closed",
  slice: { lead?: Lead; category?: Category; adjusted?: "yes" | "no" } = {},
) {
  return href("/opportunities", { outcome, closedFrom: p.firstDay, closedTo: p.lastDay, ...slice });
}

/** Conflict cases opened in the period (every status, every level: `slice=all`). */
export function openedCasesHref(p: Period, slice: { lead?: Lead; rule?: string } = {}) {
  return href("/conflicts", { status: "ALL", slice: "all", openedFrom: p.firstDay, openedTo: p.lastDay, ...slice });
}

/** Conflict cases resolved in the period. */
export function resolvedCasesHref(p: Period, slice: { lead?: Lead; level?: number } = {}) {
  return href("/conflicts", {
    status: "RESOLVED",
    slice: "all",
    resolvedFrom: p.firstDay,
    resolvedTo: p.lastDay,
    lead: slice.lead,
    level: slice.level === undefined ? undefined : String(slice.level),
  });
}

/** Registrations decided (approved or rejected) in the period; `sla`: decided by / after the deadline. */
export function decidedRegistrationsHref(p: Period, slice: { lead?: Lead; sla?: "met" | "missed" } = {}) {
  return href("/registrations", { decidedFrom: p.firstDay, decidedTo: p.lastDay, ...slice });
}

/** Hand-off offers made in the period: `answered` (accepted, declined or expired) or `accepted`. */
export function handoffOffersHref(p: Period, outcome: "answered" | "accepted", slice: { lead?: Lead } = {}) {
  return href("/handoffs/offers", { outcome, offeredFrom: p.firstDay, offeredTo: p.lastDay, ...slice });
}
