// The floor of a simulation over history: the rows it reads, read the same way (keyset batches of the
// same size, one statement per batch through the same readBatch, the same columns and conditions as
// lib/db/historical-deals.ts) and thrown away: no JSON parsing, no evaluation, no aggregation.
import { readBatch } from "@/lib/db/historical-deals";

const BATCH = 5_000; // lib/db/historical-deals.ts's default

const STATEMENT = `SELECT o."id", o."route", o."acvCents", d."facts"
  FROM "Opportunity" o JOIN "RouteDecision" d ON d."id" = o."routeDecisionId"
  WHERE o."createdAt" >= ? AND o."createdAt" < ? AND o."routeDecisionId" IS NOT NULL AND o."id" > ?
  ORDER BY o."id" LIMIT ?`;

/** Reads every routed deal created in [from, to); returns how many rows came back. */
export async function bareRead(from: Date, to: Date): Promise<number> {
  let rows = 0;
  let after = "";
  for (;;) {
    const batch = await readBatch<{ id: string }>(STATEMENT, [from, to, after, BATCH]);
    rows += batch.length;
    if (batch.length < BATCH) return rows;
    after = batch[batch.length - 1].id;
  }
}
