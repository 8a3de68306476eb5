// The opportunity list's pricing filters (lib/validation/lists.ts: breach, productLineId, aeId,
// closedFrom/closedTo) as a where clause. The list (lib/db/opportunities.ts) and the
// discount-leakage report (lib/db/pricing-leakage.ts) both build theirs here, so a report figure
// and the list it links to count the same deals.
import { NO_AE, type OpportunityListQuery } from "@/lib/validation/lists";
import type { Prisma } from "./generated/sqlite/client";

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export type PricingFilters = Pick<
  OpportunityListQuery,
  "breach" | "productLineId" | "aeId" | "closedFrom" | "closedTo"
>;

export function pricingFilterWhere(q: PricingFilters): Prisma.OpportunityWhereInput {
  const closedAt: Prisma.DateTimeNullableFilter = {
    ...(q.closedFrom ? { gte: dayStart(q.closedFrom) } : {}),
    // inclusive day: before the start of the next one
    ...(q.closedTo ? { lt: new Date(dayStart(q.closedTo).getTime() + DAY_MS) } : {}),
  };
  return {
    ...(q.breach ? { corridorBreach: q.breach === "yes" } : {}),
    ...(q.productLineId ? { productLineId: q.productLineId } : {}),
    ...(q.aeId ? { aeId: q.aeId === NO_AE ? null : q.aeId } : {}),
    ...(q.closedFrom || q.closedTo ? { closedAt } : {}),
  };
}
