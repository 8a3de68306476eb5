// Time-driven conflict work (docs/domain.md#levels-deciders-and-slas): open cases past their SLA
// escalate one level, overdue last-level cases are flagged once. The job walks and counts; the
// queries and writes are in lib/db/conflict-schedule.ts, one case per transaction.
import type { Db } from "@/lib/db/connect";
import { escalateOverdueConflict, overdueConflicts } from "@/lib/db/conflict-schedule";

const BATCH = 200;
const PER_RUN = 2_000;

/** Escalations and flags made (a case escalates one level per run: its new SLA starts now). */
export async function escalateOverdue(db: Db, now: Date): Promise<number> {
  let done = 0;
  const seen = new Set<string>();
  while (seen.size < PER_RUN) {
    const due = (await overdueConflicts(db, now, BATCH)).filter((id) => !seen.has(id));
    if (due.length === 0) return done;
    for (const id of due) {
      seen.add(id);
      if ((await escalateOverdueConflict(db, id, now)) !== "NONE") done++;
    }
  }
  return done;
}
