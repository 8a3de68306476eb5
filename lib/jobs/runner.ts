// One scheduler for time-driven work. Every instance may run it; a lease row per job (JobLock)
// taken with a conditional update makes sure only one instance runs a job at a time, and the
// job's interval is measured between the scheduled STARTS of its runs across all instances.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import { endJobLease, takeJobLease } from "@/lib/db/job-locks";
import { escalateOverdue } from "./conflict-jobs";
import { snapshotForecast } from "./forecast-jobs";
import { expireOverdueHandoffs } from "./handoff-jobs";
import { deliverOutbox } from "./outbox-jobs";
import { expireProtection, releaseDormant, remindOverdue } from "./registration-jobs";
import { reviewTiers } from "./tier-jobs";

export type Job = { name: string; everyMs: number; run: (db: Db, now: Date) => Promise<number> };
type Clock = () => Date;

export const JOBS: Job[] = [
  { name: "registrations.expire", everyMs: 5 * 60_000, run: expireProtection },
  { name: "registrations.dormant", everyMs: 60 * 60_000, run: releaseDormant },
  { name: "registrations.sla-reminders", everyMs: 15 * 60_000, run: remindOverdue },
  { name: "conflicts.escalate-overdue", everyMs: 15 * 60_000, run: escalateOverdue },
  { name: "handoffs.expire-overdue", everyMs: 15 * 60_000, run: expireOverdueHandoffs },
  { name: "outbox.deliver", everyMs: 60_000, run: deliverOutbox },
  // the weekly forecast snapshot: hourly runs, the first of each week writes (lib/jobs/forecast-jobs.ts)
  { name: "forecast.snapshot", everyMs: 60 * 60_000, run: snapshotForecast },
  // tier proposals from the quarter just ended, and confirmed changes applied when their quarter starts
  { name: "tiers.review", everyMs: 60 * 60_000, run: reviewTiers },
];

const LEASE_MS = 10 * 60_000;
const INSTANCE: string = randomUUID();

/** Timer ticks drift by a few milliseconds to seconds; a job whose last start is this close to a
 *  full interval ago counts as due, so a 1-minute job ticked every minute runs on every tick. */
function dueSlackMs(everyMs: number): number {
  return Math.min(5_000, Math.floor(everyMs * 0.05));
}

/** Takes the job's lease if it is free and the job is due; true when this instance may run it.
 *  `now` is the tick's scheduled start, which becomes the job's lastRunAt. */
export async function acquire(db: Db, job: Job, now: Date, owner = INSTANCE, force = false): Promise<boolean> {
  const lease = { owner, lockedUntil: new Date(now.getTime() + LEASE_MS), lastRunAt: now };
  const dueBy = force ? null : new Date(now.getTime() - job.everyMs + dueSlackMs(job.everyMs));
  return takeJobLease(db, job.name, now, lease, dueBy);
}

async function releaseLease(db: Db, job: Job, now: Date, owner: string) {
  // lastRunAt stays the start recorded by acquire: measuring from the END made a 1-minute job
  // that takes a few seconds miss every second 60-second tick
  await endJobLease(db, job.name, owner, now);
}

type RunOptions = { now?: Date; clock?: Clock; force?: boolean; owner?: string; jobs?: Job[] };

export async function runDueJobs(
  db: Db,
  opts: RunOptions = {},
): Promise<Record<string, number | "skipped" | "failed">> {
  const results: Record<string, number | "skipped" | "failed"> = {};
  const owner = opts.owner ?? INSTANCE;
  const clock: Clock = opts.clock ?? (opts.now ? () => opts.now as Date : () => new Date());
  // one scheduled start for the whole tick: a slow job early in the list does not push the later
  // ones' start (and so their next due time) back
  const tickAt = clock();
  for (const job of opts.jobs ?? JOBS) {
    if (!(await acquire(db, job, tickAt, owner, opts.force))) {
      results[job.name] = "skipped";
      continue;
    }
    try {
      results[job.name] = await job.run(db, clock());
    } catch (error) {
      console.error(`[jobs] ${job.name} failed`, error);
      results[job.name] = "failed";
    } finally {
      await releaseLease(db, job, clock(), owner);
    }
  }
  return results;
}
