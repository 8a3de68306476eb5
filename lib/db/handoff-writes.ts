// Hook called by lib/db/opportunity-writes.ts inside the opportunity's write transaction, after a
// create and after an edit that leaves a partner-needing route without a partner.
// owned by D2/D3/D4 – replaced on merge (this one: D2, hand-offs).
import type { Ctx } from "@/lib/auth/types";
import type { Tx } from "./connect";

export async function queueCoverageGap(tx: Tx, ctx: Ctx, opportunityId: string, now: Date): Promise<void> {
  void tx;
  void ctx;
  void opportunityId;
  void now;
}
