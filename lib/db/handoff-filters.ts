// The staff offer list's filters (lib/validation/handoffs.ts handoffOfferListQuery: offeredFrom/offeredTo,
// outcome, lead, and q: the deal's or its account's name) as a where clause. The council's hand-off acceptance (lib/db/council-metrics.ts) counts
// the offers made in its months that were answered or expired, by who leads the deal: the same conditions,
// so the figure and the list it links to count the same offers.
import { LEAD_ROUTES } from "@/lib/council";
import type { HandoffOfferListQuery } from "@/lib/validation/handoffs";
import type { Prisma } from "./generated/sqlite/client";
import { ANSWERED } from "./handoff-offers";
import { containsText } from "./text";

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export type OfferFilters = Partial<Pick<HandoffOfferListQuery, "offeredFrom" | "offeredTo" | "outcome" | "lead" | "q">>;

const OUTCOME_STATUSES = {
  answered: ANSWERED,
  accepted: ["ACCEPTED"],
  declined: ["DECLINED"],
  expired: ["EXPIRED"],
} as const;

export function offerFilterWhere(q: OfferFilters): Prisma.HandoffWhereInput {
  const and: Prisma.HandoffWhereInput[] = [];
  if (q.offeredFrom || q.offeredTo)
    and.push({
      offeredAt: {
        ...(q.offeredFrom ? { gte: dayStart(q.offeredFrom) } : {}),
        ...(q.offeredTo ? { lt: new Date(dayStart(q.offeredTo).getTime() + DAY_MS) } : {}),
      },
    });
  if (q.outcome) and.push({ status: { in: [...OUTCOME_STATUSES[q.outcome]] } });
  if (q.q) and.push({ opportunity: { OR: [{ name: containsText(q.q) }, { account: { name: containsText(q.q) } }] } });
  if (q.lead) and.push({ opportunity: { route: { in: [...LEAD_ROUTES[q.lead]] } } });
  return and.length ? { AND: and } : {};
}
