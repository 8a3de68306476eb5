// The quarterly tier review (docs/domain.md#scorecards-and-tiers): hourly runs; the first run in a
// quarter proposes promotions and demotions from the quarter just ended, and any run applies the
// confirmed changes whose quarter has started. The writes are in lib/db/tier-proposals.ts.
import type { Db } from "@/lib/db/connect";
import { proposeAndApplyTiers } from "@/lib/db/tier-proposals";

/** Proposals written plus changes applied this run. */
export function reviewTiers(db: Db, now: Date): Promise<number> {
  return proposeAndApplyTiers(db, now);
}
