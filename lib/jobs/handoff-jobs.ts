// Time-driven hand-off work (docs/domain.md#hand-offs): offers past their acceptance SLA expire and
// move on to the next partner. The job walks and counts; the queries and writes are in
// lib/db/handoff-schedule.ts, one offer per transaction.
import type { Db } from "@/lib/db/connect";
import { expireHandoff, overdueHandoffs } from "@/lib/db/handoff-schedule";

const BATCH = 200;
const PER_RUN = 2_000;

/** Offers expired this run (a next offer made now is due later, so a run never meets its own offers). */
export async function expireOverdueHandoffs(db: Db, now: Date): Promise<number> {
  let done = 0;
  const seen = new Set<string>();
  while (seen.size < PER_RUN) {
    const due = (await overdueHandoffs(db, now, BATCH)).filter((id) => !seen.has(id));
    if (due.length === 0) return done;
    for (const id of due) {
      seen.add(id);
      if (await expireHandoff(db, id, now)) done++;
    }
  }
  return done;
}
