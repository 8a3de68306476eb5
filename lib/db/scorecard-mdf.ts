// The MDF column of the scorecards: return on MDF per partner and quarter. Scorecards read it
// through this interface only, so the MDF module (paid claims and their attributed won revenue)
// plugs in here without the scorecards knowing how it counts. Until it does, no partner has paid
// MDF and the column reads "— no paid MDF" (docs/domain.md#scorecards-and-tiers).
import "server-only";
import type { Quarter } from "@/lib/dates/quarters";
import type { MdfRomi } from "@/lib/scorecards";

export type MdfRomiSource = (partnerIds: readonly string[], quarter: Quarter) => Promise<Map<string, MdfRomi>>;

/** Partners without an entry have no paid MDF in the quarter. */
export const mdfRomiByPartner: MdfRomiSource = async () => new Map();
