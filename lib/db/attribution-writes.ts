// Hook called by lib/db/opportunity-writes.ts inside the opportunity's write transaction.
// owned by D2/D3/D4 – replaced on merge (this one: D3, attribution and pay).
import type { Tx } from "./connect";

export async function applyAttribution(tx: Tx, opportunityId: string, now: Date): Promise<void> {
  void tx;
  void opportunityId;
  void now;
}
