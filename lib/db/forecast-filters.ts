// The opportunity list's forecast filters (lib/validation/lists.ts: category, closeFrom/closeTo, open) as
// a where clause. Every figure of the forecast page links to the list with these, so the list counts the
// deals the figure counts (lib/db/forecast.ts sums the same conditions in SQL).
import type { OpportunityListQuery } from "@/lib/validation/lists";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import { COMMIT_STAGE, parseQuarter } from "@/lib/forecast";
import type { Prisma } from "./generated/sqlite/client";

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export type ForecastFilters = Pick<
  OpportunityListQuery,
  "category" | "closeFrom" | "closeTo" | "open" | "forecast" | "commit"
>;

export function forecastFilterWhere(q: ForecastFilters): Prisma.OpportunityWhereInput {
  const and: Prisma.OpportunityWhereInput[] = [];
  // the deal's stored category (Opportunity.category, kept in step with its attribution rows by
  // lib/db/attribution-writes.ts; DIRECT while it has none), the column lib/db/forecast.ts groups by
  if (q.category) and.push({ category: q.category });
  if (q.closeFrom || q.closeTo) {
    and.push({
      closeDate: {
        ...(q.closeFrom ? { gte: dayStart(q.closeFrom) } : {}),
        // inclusive day: before the start of the next one
        ...(q.closeTo ? { lt: new Date(dayStart(q.closeTo).getTime() + DAY_MS) } : {}),
      },
    });
  }
  if (q.open === "yes") and.push({ stage: { in: [...OPEN_STAGES] } });
  const quarter = q.forecast ? parseQuarter(q.forecast) : null;
  if (quarter) {
    // lib/db/forecast.ts: won with closedAt in the quarter, open with closeDate in it (commit: in negotiation)
    const within = { gte: quarter.start, lt: quarter.end };
    and.push({
      OR: [
        { stage: "CLOSED_WON", closedAt: within },
        { stage: q.commit === "yes" ? COMMIT_STAGE : { in: [...OPEN_STAGES] }, closeDate: within },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}
