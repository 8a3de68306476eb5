// The opportunity list's forecast filters (lib/validation/lists.ts: category, closeFrom/closeTo, open) as
// a where clause. Every figure of the forecast page links to the list with these, so the list counts the
// deals the figure counts (lib/db/forecast.ts sums the same conditions in SQL).
import type { OpportunityListQuery } from "@/lib/validation/lists";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import type { Prisma } from "./generated/sqlite/client";

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export type ForecastFilters = Pick<OpportunityListQuery, "category" | "closeFrom" | "closeTo" | "open">;

export function forecastFilterWhere(q: ForecastFilters): Prisma.OpportunityWhereInput {
  const and: Prisma.OpportunityWhereInput[] = [];
  if (q.category === "DIRECT") {
    // a deal without attribution rows counts as direct (lib/db/forecast.ts CATEGORY_SQL)
    and.push({ OR: [{ attributions: { some: { category: "DIRECT" } } }, { attributions: { none: {} } }] });
  } else if (q.category) {
    and.push({ attributions: { some: { category: q.category } } });
  }
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
  return and.length ? { AND: and } : {};
}
