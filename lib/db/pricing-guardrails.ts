// Hook called by lib/db/opportunity-writes.ts inside the opportunity's write transaction.
// owned by D2/D3/D4 – replaced on merge (this one: D4, pricing guardrails).
import type { Ctx } from "@/lib/auth/types";
import type { Tx } from "./connect";

export async function checkPricingGuardrails(tx: Tx, ctx: Ctx, opportunityId: string, now: Date): Promise<void> {
  void tx;
  void ctx;
  void opportunityId;
  void now;
}
