// The conflicts.escalate-overdue job on the scheduler, with an injected clock: each open case past
// its SLA moves one level up as a system event and its next level hears of it; an overdue level-4
// case stays and is flagged once (docs/domain.md#levels-deciders-and-slas).
import { describe, expect, it } from "vitest";
import { addHours } from "date-fns";
import { db } from "@/lib/db/client";
import { escalateOverdue } from "@/lib/jobs/conflict-jobs";
import { JOBS, runDueJobs } from "@/lib/jobs/runner";
import { auditsOf, duplicateCase, eventsOf } from "./helpers";

const job = JOBS.filter((j) => j.name === "conflicts.escalate-overdue");
const run = (now: Date) => runDueJobs(db, { now, force: true, jobs: job });
const due = (now: Date) =>
  db.conflict.count({
    where: { status: "OPEN", slaDueAt: { lte: now }, OR: [{ level: { lt: 4 } }, { lastFlaggedAt: null }] },
  });

describe("conflicts.escalate-overdue", () => {
  it("escalates every overdue case one level, as a system event, and tells the next level", async () => {
    const c = await duplicateCase();
    const opened = await db.conflict.findUniqueOrThrow({ where: { id: c.id } });
    const now = addHours(opened.slaDueAt, 1);
    const overdue = await due(now);
    expect(overdue).toBeGreaterThan(0);

    expect((await run(now))["conflicts.escalate-overdue"]).toBe(overdue);
    const row = await db.conflict.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.level).toBe(2);
    expect(row.levelSince).toEqual(now);
    expect(row.slaDueAt.getTime()).toBeGreaterThan(now.getTime()); // the level-2 SLA counts from now
    const event = (await eventsOf(c.id)).at(-1)!;
    expect(event).toMatchObject({ kind: "ESCALATED", actorId: null, fromLevel: 1, toLevel: 2 });
    expect(event.body).toMatch(/level-1 SLA ran out/);
    expect(
      await db.auditEvent.count({
        where: { entityId: c.id, action: "conflict.escalate", actorId: null, actorLabel: "system" },
      }),
    ).toBe(1);
    const vps = await db.user.findMany({
      where: { role: "EXEC", title: { in: ["VP_SALES", "VP_CHANNEL"] }, active: true },
    });
    const notices = await db.outbox.findMany({
      where: { kind: "conflict.escalated", payload: { equals: { conflictId: c.id, level: 2 } } },
    });
    expect(notices.map((n) => n.recipientUserId).sort()).toEqual(vps.map((v) => v.id).sort());
    expect(notices.every((n) => n.status === "PENDING" && n.recipientEmail.includes("@"))).toBe(true);

    // one level per run: the same instant again escalates nothing more
    expect((await run(now))["conflicts.escalate-overdue"]).toBe(0);
    expect((await db.conflict.findUniqueOrThrow({ where: { id: c.id } })).level).toBe(2);
  });

  it("an overdue level-4 case stays at level 4 and is flagged once", async () => {
    const c = await duplicateCase();
    const now = new Date(Date.now() + 60_000);
    await db.conflict.update({ where: { id: c.id }, data: { level: 4, slaDueAt: addHours(now, -1) } });
    // the job itself (the scheduler's lease from the test above runs until a later instant)
    expect(await escalateOverdue(db, now)).toBeGreaterThanOrEqual(1);
    const row = await db.conflict.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ level: 4, status: "OPEN", lastFlaggedAt: now });
    const flagged = (await eventsOf(c.id)).filter((e) => e.kind === "COMMENTED" && e.actorId === null);
    expect(flagged).toHaveLength(1);
    expect(flagged[0].body).toMatch(/Overdue at level 4, the last level/);
    expect(await auditsOf(c.id, "conflict.flag")).toBe(1);
    const ceo = await db.user.findFirstOrThrow({ where: { title: "CEO" } });
    expect(
      await db.outbox.count({
        where: {
          kind: "conflict.overdue",
          recipientUserId: ceo.id,
          payload: { equals: { conflictId: c.id, level: 4 } },
        },
      }),
    ).toBe(1);

    await escalateOverdue(db, addHours(now, 2));
    expect(await auditsOf(c.id, "conflict.flag")).toBe(1);
    expect((await db.conflict.findUniqueOrThrow({ where: { id: c.id } })).level).toBe(4);
  });
});
