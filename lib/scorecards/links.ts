// Where each scorecard figure links: the list filtered to exactly what it counts (the filters of
// lib/validation/lists.ts, lib/validation/conflict-filters.ts and lib/validation/handoffs.ts), the
// staff lists or, in the portal, the partner's own. Pure.
import type { Quarter } from "@/lib/dates/quarters";

export type ScorecardLinks = {
  approved: string;
  rejected: string;
  decided: string;
  won: string;
  lost: string;
  closed: string;
  sourcedPipeline: string;
  cosoldPipeline: string;
  sourcedRevenue: string;
  cosoldRevenue: string;
  conflicts: string;
  /** cases resolved with the partner's full credit / none (lib/db/conflicts.ts `partnerOutcome`) */
  conflictsWon: string;
  conflictsLost: string;
  /** offers made in the quarter and answered (accepted, declined or expired), and the accepted ones */
  handoffs: string;
  handoffsAccepted: string;
};

const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

/** `portal`: the partner's own lists under /portal (deals at /portal/deals); otherwise the staff lists. */
export function scorecardLinks(partnerId: string, period: Quarter, portal = false): ScorecardLinks {
  const base = portal ? "/portal" : "";
  const regs = (extra: Record<string, string>) =>
    `${base}/registrations?${qs({ ...(portal ? {} : { partnerId }), decidedFrom: period.firstDay, decidedTo: period.lastDay, ...extra })}`;
  const opps = (extra: Record<string, string>) =>
    portal ? `/portal/deals?${qs(extra)}` : `/opportunities?${qs({ partnerId, ...extra })}`;
  const conflicts = (extra: Record<string, string>) =>
    `${base}/conflicts?${qs({
      ...(portal ? {} : { partnerId, slice: "all" }),
      status: "ALL",
      openedFrom: period.firstDay,
      openedTo: period.lastDay,
      ...extra,
    })}`;
  const offers = (outcome: string) =>
    `${portal ? "/portal/offers" : "/handoffs/offers"}?${qs({
      ...(portal ? {} : { partnerId }),
      offeredFrom: period.firstDay,
      offeredTo: period.lastDay,
      outcome,
    })}`;
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
    conflicts: conflicts({}),
    conflictsWon: conflicts({ partnerOutcome: "won" }),
    conflictsLost: conflicts({ partnerOutcome: "lost" }),
    handoffs: offers("answered"),
    handoffsAccepted: offers("accepted"),
  };
}
