// The queries and writes behind the escalation job (lib/jobs/conflict-jobs.ts,
// docs/domain.md#levels-deciders-and-slas): each open case past its SLA moves one level up as a
// system event (no actor) with the next level's SLA from now, and its deciders are told in the app
// and by e-mail; an overdue case at the last level stays and is flagged once (the CEO and channel
// operations are told). One case per transaction; the update is conditional on the case being
// unchanged since it was read, so a person acting at the same moment wins cleanly.
import { overdueStep } from "@/lib/conflicts/escalation";
import type { Level } from "@/lib/conflicts/types";
import { SETTING_KEYS } from "@/lib/settings";
import { audit } from "./audit";
import { channelOps, deciders, noticesFor } from "./conflict-people";
import { moveUp } from "./conflict-case";
import type { Db } from "./connect";
import { notify } from "./outbox";
import { getSetting } from "./settings";
import { transaction } from "./transaction";

/** Open cases past their SLA that the job still has to act on (the last level: not yet flagged), most overdue first. */
export async function overdueConflicts(db: Db, now: Date, take: number): Promise<string[]> {
  const rows = await db.conflict.findMany({
    where: { status: "OPEN", slaDueAt: { lte: now }, OR: [{ level: { lt: 4 } }, { lastFlaggedAt: null }] },
    orderBy: [{ slaDueAt: "asc" }, { id: "asc" }],
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

export type OverdueOutcome = "ESCALATED" | "FLAGGED" | "NONE";

export async function escalateOverdueConflict(db: Db, id: string, now: Date): Promise<OverdueOutcome> {
  const slaDays = await getSetting<unknown[]>(SETTING_KEYS.conflictSlaBusinessDays, db);
  return transaction(db, async (tx) => {
    const c = await tx.conflict.findUnique({
      where: { id },
      select: {
        id: true,
        status: true,
        level: true,
        slaDueAt: true,
        lastFlaggedAt: true,
        parties: { select: { id: true, kind: true, partnerId: true, userId: true } },
      },
    });
    if (!c) return "NONE";
    const step = overdueStep(c, now, slaDays);
    const lateBy = `The level-${c.level} SLA ran out on ${c.slaDueAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`;
    if (step.kind === "ESCALATE") {
      try {
        await moveUp(tx, null, c, { from: step.fromLevel, to: step.toLevel, due: step.slaDueAt, reason: lateBy }, now);
      } catch {
        return "NONE"; // decided or escalated by a person meanwhile
      }
      return "ESCALATED";
    }
    if (step.kind !== "FLAG") return "NONE";
    const { count } = await tx.conflict.updateMany({
      where: { id, status: "OPEN", level: c.level, lastFlaggedAt: c.lastFlaggedAt },
      data: { lastFlaggedAt: now, updatedAt: now },
    });
    if (count !== 1) return "NONE";
    const body = `Overdue at level ${c.level}, the last level: it stays with its deciders. ${lateBy}`;
    await tx.conflictEvent.create({ data: { conflictId: id, kind: "COMMENTED", actorId: null, body, at: now } });
    await audit(
      tx,
      null,
      {
        action: "conflict.flag",
        entityType: "Conflict",
        entityId: id,
        after: { level: c.level, slaDueAt: c.slaDueAt },
      },
      now,
    );
    const people = [
      ...(await deciders(tx, c.level as Level, { directUserIds: [], partnerIds: [] })),
      ...(await channelOps(tx)),
    ];
    await notify(
      tx,
      noticesFor(people, null, {
        kind: "conflict.overdue",
        subject: `A level-${c.level} conflict case is overdue`,
        body,
        payload: { conflictId: id, level: c.level },
      }),
    );
    return "FLAGGED";
  });
}
