// Where each scorecard figure links: the list filtered to exactly what it counts (the filters of
// lib/validation/lists.ts, lib/validation/conflict-filters.ts and lib/validation/handoffs.ts). Pure.
import type { Quarter } from "@/lib/dates/quarters";

/** null: the caller has no list of it (partners have no deal list in the portal). */
export type ScorecardLinks = {
  approved: string;
  rejected: string;
  decided: string;
  won: string | null;
  lost: string | null;
  closed: string | null;
  sourcedPipeline: string | null;
  cosoldPipeline: string | null;
  sourcedRevenue: string | null;
  cosoldRevenue: string | null;
  conflicts: string;
  handoffs: string;
};

const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

/** `portal`: the partner's own lists under /portal; otherwise the staff lists. */
export function scorecardLinks(partnerId: string, period: Quarter, portal = false): ScorecardLinks {
  const base = portal ? "/portal" : "";
  const regs = (extra: Record<string, string>) =>
    `${base}/registrations?${qs({ ...(portal ? {} : { partnerId }), decidedFrom: period.firstDay, decidedTo: period.lastDay, ...extra })}`;
  const opps = (extra: Record<string, string>) => (portal ? null : `/opportunities?${qs({ partnerId, ...extra })}`);
  const closed = (outcome: string) => opps({ outcome, closedFrom: period.firstDay, closedTo: period.lastDay });
  const created = (category: string) => opps({ category, createdFrom: period.firstDay, createdTo: period.lastDay });
  const revenue = (category: string) =>
    opps({ category, outcome: "won", closedFrom: period.firstDay, closedTo: period.lastDay });
  return {
    approved: regs({ decision: "approved" }),
    rejected: regs({ status: "REJECTED" }),
    decided: regs({}),
    won: closed("won"),
    lost: closed("lost"),
    closed: closed("closed"),
    sourcedPipeline: created("PARTNER_SOURCED"),
    cosoldPipeline: created("PARTNER_COSELL"),
    sourcedRevenue: revenue("PARTNER_SOURCED"),
    cosoldRevenue: revenue("PARTNER_COSELL"),
    conflicts: `${base}/conflicts?${qs({
      ...(portal ? {} : { partnerId, slice: "all" }),
      status: "ALL",
      openedFrom: period.firstDay,
      openedTo: period.lastDay,
    })}`,
    handoffs: portal ? "/portal/offers" : `/handoffs?${qs({ partnerId })}`,
  };
}
