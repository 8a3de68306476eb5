// Sorting the staff scorecard table (a manager's partners: a few dozen rows, sorted in memory). A
// rate of nothing sorts last whichever the direction, so "best first" never starts with "—". Pure.
import type { Scorecard } from "./figures";

export const SCORECARD_SORTS = [
  "name",
  "approvalRate",
  "winRate",
  "sourcedRevenue",
  "cosoldRevenue",
  "sourcedPipeline",
  "conflicts",
  "handoffAcceptance",
] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

const VALUE: Record<Exclude<ScorecardSort, "name">, (c: Scorecard) => number | null> = {
  approvalRate: (c) => c.approvalRate,
  winRate: (c) => c.winRate,
  sourcedRevenue: (c) => Number(c.sourcedRevenueCents),
  cosoldRevenue: (c) => Number(c.cosoldRevenueCents),
  sourcedPipeline: (c) => Number(c.sourcedPipelineCents),
  conflicts: (c) => c.conflicts,
  handoffAcceptance: (c) => c.handoffAcceptance,
};

export function sortScorecards<T extends { name: string; card: Scorecard }>(
  rows: readonly T[],
  sort: ScorecardSort,
  dir: "asc" | "desc",
): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  if (sort === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  const value = VALUE[sort];
  return [...rows].sort((a, b) => {
    const x = value(a.card);
    const y = value(b.card);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}
