// One scheduler for time-driven work. Every instance may run it; a lease row per job (JobLock)
// taken with a conditional update makes sure only one instance runs a job at a time, and the
// job's interval is measured from its last run across all instances.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import { deliverOutbox } from "./outbox-jobs";
import { expireProtection, releaseDormant, remindOverdue } from "./registration-jobs";

export type Job = { name: string; everyMs: number; run: (db: Db, now: Date) => Promise<number> };

export const JOBS: Job[] = [
  { name: "registrations.expire", everyMs: 5 * 60_000, run: expireProtection },
  { name: "registrations.dormant", everyMs: 60 * 60_000, run: releaseDormant },
  { name: "registrations.sla-reminders", everyMs: 15 * 60_000, run: remindOverdue },
  { name: "outbox.deliver", everyMs: 60_000, run: deliverOutbox },
];

const LEASE_MS = 10 * 60_000;
export const INSTANCE: string = randomUUID();

/** Takes the job's lease if it is free and the job is due; true when this instance may run it. */
export async function acquire(db: Db, job: Job, now: Date, owner = INSTANCE, force = false): Promise<boolean> {
  try {
    await db.jobLock.create({ data: { name: job.name, owner, lockedUntil: new Date(now.getTime() + LEASE_MS) } });
    return true;
  } catch {
    // the row exists: take it only when its lease ran out and the job is due
  }
  const { count } = await db.jobLock.updateMany({
    where: {
      name: job.name,
      lockedUntil: { lte: now },
      ...(force ? {} : { OR: [{ lastRunAt: null }, { lastRunAt: { lte: new Date(now.getTime() - job.everyMs) } }] }),
    },
    data: { owner, lockedUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

async function releaseLease(db: Db, job: Job, now: Date, owner: string) {
  await db.jobLock.updateMany({ where: { name: job.name, owner }, data: { lockedUntil: now, lastRunAt: now } });
}

export async function runDueJobs(db: Db, opts: { now?: Date; force?: boolean; owner?: string } = {}): Promise<Record<string, number | "skipped" | "failed">> {
  const results: Record<string, number | "skipped" | "failed"> = {};
  const owner = opts.owner ?? INSTANCE;
  for (const job of JOBS) {
    const now = opts.now ?? new Date();
    if (!(await acquire(db, job, now, owner, opts.force))) {
      results[job.name] = "skipped";
      continue;
    }
    try {
      results[job.name] = await job.run(db, now);
    } catch (error) {
      console.error(`[jobs] ${job.name} failed`, error);
      results[job.name] = "failed";
    } finally {
      await releaseLease(db, job, opts.now ?? new Date(), owner);
    }
  }
  return results;
}
