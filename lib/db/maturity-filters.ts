// The list filters the maturity indicators link to (lib/validation/lists.ts, the "maturity" blocks)
// as where clauses. The opportunity and registration lists build theirs here and the indicators
// (lib/db/maturity.ts) count through those same lists' where clauses, so a figure and its list agree.
import type { OpportunityListQuery, RegistrationListQuery } from "@/lib/validation/lists";
import type { Prisma } from "./generated/sqlite/client";

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function maturityOpportunityWhere(
  q: Pick<OpportunityListQuery, "routed" | "source">,
): Prisma.OpportunityWhereInput {
  return {
    ...(q.routed ? { routeDecisionId: q.routed === "yes" ? { not: null } : null } : {}),
    ...(q.source ? { source: q.source } : {}),
  };
}

export function maturityRegistrationWhere(
  q: Pick<RegistrationListQuery, "decidedFrom" | "decidedTo">,
): Prisma.DealRegistrationWhereInput {
  const and: Prisma.DealRegistrationWhereInput[] = [];
  // decidedAt is set by an approval or a rejection only (lib/registrations/lifecycle.ts); decided by the
  // deadline or not is the council's `sla` filter (lib/db/registrations.ts registrationCouncilWhere)
  if (q.decidedFrom || q.decidedTo) and.push({ decidedAt: { not: null } });
  if (q.decidedFrom) and.push({ decidedAt: { gte: dayStart(q.decidedFrom) } });
  // inclusive day: before the start of the next one
  if (q.decidedTo) and.push({ decidedAt: { lt: new Date(dayStart(q.decidedTo).getTime() + DAY_MS) } });
  return and.length ? { AND: and } : {};
}
