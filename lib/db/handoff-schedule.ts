// The queries and writes behind the hand-off expiry job (lib/jobs/handoff-jobs.ts,
// docs/domain.md#hand-offs): an offer still open past its acceptance SLA expires and the deal goes to
// the next partner, or back to ops. One offer per transaction; the update is conditional on the
// offer being open and overdue, the mirror image of an acceptance (lib/db/handoff-answers.ts), so a
// partner accepting at the same moment and the job end with exactly one outcome.
import { audit } from "./audit";
import type { Db } from "./connect";
import { offerNext } from "./handoff-offers";
import { transaction } from "./transaction";

/** Open offers past their due time, most overdue first. */
export async function overdueHandoffs(db: Db, now: Date, take: number): Promise<string[]> {
  const rows = await db.handoff.findMany({
    where: { status: "OFFERED", dueAt: { lte: now } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

/** OFFERED → EXPIRED, then the next step; false when the offer was answered meanwhile. */
export function expireHandoff(db: Db, id: string, now: Date): Promise<boolean> {
  return transaction(db, async (tx) => {
    const offer = await tx.handoff.findUnique({
      where: { id },
      select: { queueId: true, round: true, opportunityId: true, dueAt: true },
    });
    if (!offer) return false;
    const { count } = await tx.handoff.updateMany({
      where: { id, status: "OFFERED", dueAt: { lte: now } },
      data: { status: "EXPIRED", openKey: null, respondedAt: now },
    });
    if (count !== 1) return false;
    await audit(
      tx,
      null,
      {
        action: "handoff.expire",
        entityType: "Opportunity",
        entityId: offer.opportunityId,
        after: { handoffId: id, dueAt: offer.dueAt },
      },
      now,
    );
    await offerNext(tx, null, offer.queueId, { state: "OFFERED", round: offer.round }, now);
    return true;
  });
}
