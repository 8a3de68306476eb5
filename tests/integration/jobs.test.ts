// The scheduler: expiry, dormant release and SLA reminders, each once, and only one instance at a
// time per job (leases in the database).
import { describe, expect, it } from "vitest";
import { addDays } from "date-fns";
import { db } from "@/lib/db/client";
import { acquire, JOBS, runDueJobs } from "@/lib/jobs/runner";

describe("jobs", () => {
  it("expire protection that ran out, release dormant claims, remind overdue decisions once", async () => {
    const now = addDays(new Date(), 1);
    const expiring = await db.dealRegistration.count({ where: { status: "APPROVED", protectedUntil: { lte: now } } });
    const overdue = await db.dealRegistration.count({ where: { status: "SUBMITTED", slaDueAt: { lt: now } } });
    expect(expiring).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);

    const first = await runDueJobs(db, { now, owner: "instance-a" });
    expect(first["registrations.expire"]).toBe(expiring);
    expect(first["registrations.sla-reminders"]).toBe(overdue);
    expect(await db.dealRegistration.count({ where: { status: "APPROVED", protectedUntil: { lte: now } } })).toBe(0);
    const expired = await db.registrationEvent.findFirstOrThrow({ where: { toStatus: "EXPIRED", actorLabel: { contains: "scheduled job" } }, include: { registration: true } });
    expect(expired.registration.activeClaimKey).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "registration.expired", actorId: null } })).toBeGreaterThanOrEqual(expiring);

    // not due again yet: a second run (any instance) does nothing; forced, it finds nothing new
    const again = await runDueJobs(db, { now, owner: "instance-b" });
    expect(again["registrations.expire"]).toBe("skipped");
    const forced = await runDueJobs(db, { now, owner: "instance-b", force: true });
    expect(forced["registrations.sla-reminders"]).toBe(0);
    expect(await db.outbox.count({ where: { kind: "registration.sla_overdue" } })).toBe(overdue);
  });

  it("only one of several instances takes a job's lease", async () => {
    const job = { ...JOBS[0], name: "test.lease" };
    const now = new Date();
    const taken = await Promise.all(["a", "b", "c", "d"].map((o) => acquire(db, job, now, o)));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });
});
