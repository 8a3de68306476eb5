// The opportunity list's council filters (lib/validation/lists.ts: createdFrom/createdTo, lead,
// outcome, category, adjusted) as a where clause. The council's SQL counts (lib/db/council-metrics.ts)
// use the same conditions, so a council figure and the list it links to count the same deals.
import { LEAD_ROUTES } from "@/lib/council";
import type { OpportunityListQuery } from "@/lib/validation/lists";
import type { Prisma } from "./generated/sqlite/client";

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
/** [from, to] inclusive UTC days as a date filter. */
export function dayRange(from?: string, to?: string): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: dayStart(from) } : {}),
    ...(to ? { lt: new Date(dayStart(to).getTime() + DAY_MS) } : {}),
  };
}

export type CouncilFilters = Pick<
  OpportunityListQuery,
  "createdFrom" | "createdTo" | "lead" | "outcome" | "category" | "adjusted"
>;

const OUTCOME_STAGES = { won: ["CLOSED_WON"], lost: ["CLOSED_LOST"], closed: ["CLOSED_WON", "CLOSED_LOST"] } as const;

export function councilFilterWhere(q: CouncilFilters): Prisma.OpportunityWhereInput {
  const and: Prisma.OpportunityWhereInput[] = [];
  const created = dayRange(q.createdFrom, q.createdTo);
  if (created) and.push({ createdAt: created });
  if (q.lead) and.push({ route: { in: [...LEAD_ROUTES[q.lead]] } });
  if (q.outcome) and.push({ stage: { in: [...OUTCOME_STAGES[q.outcome]] } });
  if (q.category) and.push({ attributions: { some: { category: q.category } } });
  if (q.adjusted) and.push({ payoutAdjustments: q.adjusted === "yes" ? { some: {} } : { none: {} } });
  return and.length ? { AND: and } : {};
}
