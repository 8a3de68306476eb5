// The scheduler: expiry, dormant release and SLA reminders, each once, and only one instance at a
// time per job (leases in the database).
import { describe, expect, it } from "vitest";
import { addDays } from "date-fns";
import { db } from "@/lib/db/client";
import { acquire, JOBS, runDueJobs } from "@/lib/jobs/runner";
import { releaseDormant, remindOverdue } from "@/lib/jobs/registration-jobs";
import { submitRegistration } from "@/lib/db/registration-submit";
import { decideRegistration, postRegistrationUpdate } from "@/lib/db/registration-lifecycle";
import { ctxFor } from "../support/contexts";

describe("jobs", () => {
  it("expire protection that ran out, release dormant claims, remind overdue decisions once", async () => {
    const now = addDays(new Date(), 1);
    // approved, and converted ones still holding their claim (lib/registrations/lifecycle.ts)
    const protecting = {
      OR: [{ status: "APPROVED" as const }, { status: "CONVERTED" as const, partnerClaimKey: { not: null } }],
    };
    const expiring = await db.dealRegistration.count({ where: { ...protecting, protectedUntil: { lte: now } } });
    const overdue = await db.dealRegistration.count({ where: { status: "SUBMITTED", slaDueAt: { lt: now } } });
    expect(expiring).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);

    const first = await runDueJobs(db, { now, owner: "instance-a" });
    expect(first["registrations.expire"]).toBe(expiring);
    expect(first["registrations.sla-reminders"]).toBe(overdue);
    expect(await db.dealRegistration.count({ where: { ...protecting, protectedUntil: { lte: now } } })).toBe(0);
    const expired = await db.registrationEvent.findFirstOrThrow({
      where: { toStatus: "EXPIRED", actorLabel: { contains: "scheduled job" } },
      include: { registration: true },
    });
    expect(expired.registration.activeClaimKey).toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "registration.expire", actorId: null } }),
    ).toBeGreaterThanOrEqual(expiring);

    // not due again yet: a second run (any instance) does nothing; forced, it finds nothing new
    const again = await runDueJobs(db, { now, owner: "instance-b" });
    expect(again["registrations.expire"]).toBe("skipped");
    const forced = await runDueJobs(db, { now, owner: "instance-b", force: true });
    expect(forced["registrations.sla-reminders"]).toBe(0);
    expect(await db.outbox.count({ where: { kind: "registration.sla_overdue" } })).toBe(overdue);
  });

  // Regression: activity was only a status change or an extension, so every approved deal that had
  // not been extended was released at day 60 of its 90 days, however actively it was worked.
  it("releases a protected claim after 60 days without activity; an update or a deal change keeps it", async () => {
    const now = new Date();
    const approvedAt = addDays(now, -70); // rule 70: 90 days of protection, 20 left
    const alice = await ctxFor("alice@northwind.test");
    const pm = await ctxFor("pm@accord.test");
    const ids: string[] = [];
    for (const name of ["Dormant Idle", "Dormant Dealmoving", "Dormant Updated"]) {
      const reg = await submitRegistration(
        alice,
        {
          account: { name: `${name} Corp`, country: "US", vertical: "RETAIL" },
          productLine: "Platform",
          estimatedAcv: 5_000_000,
          expectedCloseDate: "2027-06-30",
        },
        { now: approvedAt },
      );
      const approved = await decideRegistration(pm, reg.id, { decision: "APPROVE", reason: "Qualified" }, approvedAt);
      await db.opportunity.update({ where: { id: approved.opportunityId }, data: { updatedAt: approvedAt } });
      ids.push(reg.id);
    }
    const [idle, dealMoving, updated] = ids;
    const moving = await db.dealRegistration.findUniqueOrThrow({
      where: { id: dealMoving },
      select: { opportunityId: true },
    });
    await db.opportunity.update({
      where: { id: moving.opportunityId! },
      data: { stage: "PROPOSAL", updatedAt: addDays(now, -5) },
    });
    await postRegistrationUpdate(alice, updated, "Demo held with the CIO; proposal next week", addDays(now, -3));

    expect(await releaseDormant(db, now)).toBeGreaterThanOrEqual(1);
    const rows = new Map(
      (
        await db.dealRegistration.findMany({
          where: { id: { in: ids } },
          select: { id: true, status: true, activeClaimKey: true, partnerClaimKey: true, protectedUntil: true },
        })
      ).map((r) => [r.id, r]),
    );
    // approval converted them (their deals exist): the idle one keeps its status, its claim released
    // and its protection stopped now; the worked ones keep their claim
    expect(rows.get(idle)).toMatchObject({ status: "CONVERTED", activeClaimKey: null, partnerClaimKey: null });
    expect(rows.get(idle)?.protectedUntil?.getTime()).toBe(now.getTime());
    expect(rows.get(dealMoving)).toMatchObject({ status: "CONVERTED", activeClaimKey: expect.any(String) });
    expect(rows.get(updated)).toMatchObject({ status: "CONVERTED", activeClaimKey: expect.any(String) });
    expect(
      await db.registrationEvent.count({ where: { registrationId: updated, reason: { contains: "Demo held" } } }),
    ).toBe(1);
  });

  // Regression: the overdue reminder of a partner without a manager was marked sent and went to nobody.
  it("reminds channel operations of an overdue decision when the partner has no manager", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const reg = await submitRegistration(
      alice,
      {
        account: { name: "Unmanaged Overdue Corp", country: "US", vertical: "RETAIL" },
        productLine: "Platform",
        estimatedAcv: 5_000_000,
        expectedCloseDate: "2027-06-30",
      },
      { now: addDays(new Date(), -10) },
    );
    await db.partner.update({ where: { id: alice.partnerId! }, data: { managerId: null } });
    try {
      await remindOverdue(db, new Date());
      const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
      const sent = await db.outbox.findMany({
        where: { kind: "registration.sla_overdue", payload: { equals: { registrationId: reg.id } } },
        select: { recipientUserId: true },
      });
      expect(admins.length).toBeGreaterThan(0);
      expect(sent.map((n) => n.recipientUserId).sort()).toEqual(admins.map((a) => a.id).sort());
    } finally {
      const pm = await db.user.findUniqueOrThrow({ where: { email: "pm@accord.test" } });
      await db.partner.update({ where: { id: alice.partnerId! }, data: { managerId: pm.id } });
    }
  });

  // Regression: lastRunAt was written at the END of a run, so a 1-minute job taking a few seconds
  // was not yet due on the next tick exactly 60 s later and ran only every second tick.
  it("runs a 1-minute job on every tick 60 s apart, however long each run takes (injected clock)", async () => {
    let at = new Date("2027-03-01T09:00:00.000Z").getTime();
    const clock = () => new Date(at);
    const starts: number[] = [];
    const job = {
      name: "test.cadence",
      everyMs: 60_000,
      run: async (_db: unknown, now: Date) => {
        starts.push(now.getTime());
        at += 4_000;
        return 1;
      },
    };
    const t0 = at;
    for (let tick = 0; tick < 6; tick++) {
      at = t0 + tick * 60_000;
      // a timer tick may also fire a little early; within the slack it still counts
      if (tick === 3) at -= 500;
      const results = await runDueJobs(db, { clock, jobs: [job], owner: `instance-${tick % 2}` });
      expect(results["test.cadence"], `tick ${tick}`).toBe(1);
    }
    expect(starts).toHaveLength(6);
    // not due again within the same minute, from any instance
    at = t0 + 5 * 60_000 + 30_000;
    expect((await runDueJobs(db, { clock, jobs: [job], owner: "instance-x" }))["test.cadence"]).toBe("skipped");
  });

  it("a job still running holds its lease: the next tick skips it instead of starting it twice", async () => {
    let at = new Date("2027-03-02T09:00:00.000Z").getTime();
    const clock = () => new Date(at);
    const job = { name: "test.overrun", everyMs: 60_000, run: async () => 1 };
    expect(await acquire(db, job, clock(), "slow-instance")).toBe(true);
    at += 60_000; // the slow instance has not released yet
    expect((await runDueJobs(db, { clock, jobs: [job], owner: "other" }))["test.overrun"]).toBe("skipped");
  });

  it("only one of several instances takes a job's lease", async () => {
    const job = { ...JOBS[0], name: "test.lease" };
    const now = new Date();
    const taken = await Promise.all(["a", "b", "c", "d"].map((o) => acquire(db, job, now, o)));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });
});
