// Hand-off inputs and list queries (docs/domain.md#hand-offs), shared by the pages, the server
// actions and GET/POST /api/v1/handoffs.
import { z } from "zod";
import { id, listSchema } from "./lists";
import { noNul } from "./nul";

export const HANDOFF_STATUSES = ["OFFERED", "ACCEPTED", "DECLINED", "EXPIRED", "WITHDRAWN"] as const;
export const HANDOFF_QUEUE_STATES = ["WAITING_FOR_OPS", "OFFERED", "ACCEPTED", "RETURNED_TO_OPS", "WITHDRAWN"] as const;

export const declineHandoffInput = z
  .object({
    reason: z
      .string()
      .trim()
      .min(3, "Say why you decline (at least 3 characters)")
      .max(1_000, "Keep the reason under 1,000 characters")
      .refine(noNul, "Invalid character"),
  })
  .strict();

export const handoffIdInput = z.object({ id }).strict();
export const opportunityIdInput = z.object({ opportunityId: id }).strict();

/** The ops queue (/handoffs): one row per queued deal, newest change first. */
/** The acceptance table's period on the queue page: offers made in the last N days. */
export const HANDOFF_STATS_DAYS = ["30", "90", "180", "365"] as const;

export const handoffQueueQuery = listSchema(["updatedAt"] as const, "updatedAt", {
  state: z.enum(HANDOFF_QUEUE_STATES).optional(),
  overdue: z.enum(["true"]).optional(),
  partnerId: id.optional(),
  statsDays: z.enum(HANDOFF_STATS_DAYS).optional(),
});
export type HandoffQueueQuery = z.infer<typeof handoffQueueQuery>;

/** Offers: the portal's Offers page and GET /api/v1/handoffs. */
export const handoffListQuery = listSchema(["offeredAt"] as const, "offeredAt", {
  status: z.enum(HANDOFF_STATUSES).optional(),
  partnerId: id.optional(),
  opportunityId: id.optional(),
});
export type HandoffListQuery = z.infer<typeof handoffListQuery>;

/**
 * Staff's list of offers (/handoffs/offers): the offers' filters plus the ones the council's hand-off
 * acceptance links to (lib/council/links.ts handoffOffersHref): offered in a period, the outcome
 * (`answered`: accepted, declined or expired, what the council counts), who leads the deal.
 */
export const HANDOFF_OUTCOMES = ["answered", "accepted", "declined", "expired"] as const;
export const HANDOFF_OUTCOME_LABEL: Record<(typeof HANDOFF_OUTCOMES)[number], string> = {
  answered: "Answered or expired",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
};
export const handoffOfferListQuery = handoffListQuery.extend({
  /** offered on or after / on or before, UTC days (inclusive) */
  offeredFrom: z.iso.date("Use a date like 2026-12-31").optional(),
  offeredTo: z.iso.date("Use a date like 2026-12-31").optional(),
  outcome: z.enum(HANDOFF_OUTCOMES).optional(),
  /** who leads the deal offered (lib/council LEAD_ROUTES) */
  lead: z.enum(["AE", "JOINT", "PARTNER"]).optional(),
});
export type HandoffOfferListQuery = z.infer<typeof handoffOfferListQuery>;
