// The scheduler's lease rows (JobLock): one per job, taken with a conditional update so that of
// any number of instances exactly one runs a job at a time (lib/jobs/runner.ts decides when a job
// is due; this file only reads and writes the rows).
import type { Db } from "./connect";

export type Lease = { owner: string; lockedUntil: Date; lastRunAt: Date };

/**
 * Takes the job's lease when its row is new, or when the current lease ran out by `now` and the
 * last run started at or before `dueBy` (null: due regardless). True when this caller holds it.
 */
export async function takeJobLease(
  db: Db,
  name: string,
  now: Date,
  lease: Lease,
  dueBy: Date | null,
): Promise<boolean> {
  try {
    await db.jobLock.create({ data: { name, ...lease } });
    return true;
  } catch {
    // the row exists: take it only when its lease ran out and the job is due
  }
  const { count } = await db.jobLock.updateMany({
    where: {
      name,
      lockedUntil: { lte: now },
      ...(dueBy ? { OR: [{ lastRunAt: null }, { lastRunAt: { lte: dueBy } }] } : {}),
    },
    data: lease,
  });
  return count === 1;
}

/** Ends the owner's lease at `now`; lastRunAt stays the start its acquisition recorded. */
export async function endJobLease(db: Db, name: string, owner: string, now: Date): Promise<void> {
  await db.jobLock.updateMany({ where: { name, owner }, data: { lockedUntil: now } });
}
