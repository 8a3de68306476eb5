// A conflict case as the writes load it, through the caller's scope (docs/domain.md#what-partners-see:
// a case the caller is not party to is NOT_FOUND), and the level check every decision makes.
import { noticeTime } from "@/lib/dates/human";
import { can, CONFLICT_LEVEL_DECIDERS } from "@/lib/auth/permissions";
import { TITLE_LABEL, type Ctx } from "@/lib/auth/types";
import { isLevel } from "@/lib/conflicts/escalation";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Level } from "@/lib/conflicts/types";
import { audit } from "./audit";
import { deciders, noticesFor } from "./conflict-people";
import type { Tx } from "./connect";
import { notify } from "./outbox";
import { conflictScope } from "./scope";

/** The case as the writes need it, through the caller's scope: a foreign id is NOT_FOUND. */
export async function loadCase(tx: Tx, ctx: Ctx, id: string) {
  const c = await tx.conflict.findFirst({
    where: { id, ...conflictScope(ctx) },
    select: {
      id: true,
      type: true,
      status: true,
      level: true,
      slaDueAt: true,
      accountId: true,
      parties: { select: { id: true, kind: true, partnerId: true, userId: true }, orderBy: { id: "asc" } },
      registrations: {
        select: {
          registration: {
            select: { id: true, partnerId: true, status: true, partnerClaimKey: true, accountName: true },
          },
        },
      },
      opportunity: { select: { id: true, route: true, partnerId: true } },
    },
  });
  if (!c) throw notFound("Conflict");
  return c;
}
export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;

export function partiesOf(c: LoadedCase) {
  return {
    directUserIds: c.parties.filter((p) => p.kind === "DIRECT").map((p) => p.userId),
    partnerIds: c.parties.filter((p) => p.kind === "PARTNER").map((p) => p.partnerId),
  };
}

/** Who decides at a level, in words for a refusal. */
function decidersInWords(level: number): string {
  if (!isLevel(level)) return "nobody";
  const d = CONFLICT_LEVEL_DECIDERS[level];
  const who = d.titles
    ? d.titles.map((t) => TITLE_LABEL[t]).join(" or ")
    : "the account executive or the partner manager";
  return `${who} (or channel operations)`;
}

/** The case must still be at the level the caller saw (and a decider of that level must be acting). */
export function checkLevel(
  ctx: Ctx,
  c: LoadedCase,
  action: "conflict:resolve" | "conflict:escalate",
  expected?: number,
) {
  if (c.status !== "OPEN") throw new AppError("CONFLICT", "This case is already resolved.");
  if (expected !== undefined && expected !== c.level)
    throw new AppError("CONFLICT", `This case moved to level ${c.level} meanwhile; reload to see it.`);
  if (!can(ctx, action, { conflictLevel: c.level }))
    throw forbidden(`At level ${c.level} this case is decided by ${decidersInWords(c.level)}.`);
}

/**
 * The escalation itself, manual or by the job (actor null): the conditional update (still OPEN at
 * `from`), the ESCALATED event, the audit event and the next level's notices. 409 when the case
 * moved meanwhile.
 */
export async function moveUp(
  tx: Tx,
  actor: Ctx | null,
  c: Pick<LoadedCase, "id" | "parties">,
  m: { from: Level; to: Level; due: Date; reason: string },
  now: Date,
) {
  const { count } = await tx.conflict.updateMany({
    where: { id: c.id, status: "OPEN", level: m.from },
    data: { level: m.to, slaDueAt: m.due, levelSince: now, lastFlaggedAt: null, updatedAt: now },
  });
  if (count !== 1) throw new AppError("CONFLICT", "This case was changed by someone else; reload to see it.");
  await tx.conflictEvent.create({
    data: {
      conflictId: c.id,
      kind: "ESCALATED",
      actorId: actor?.userId ?? null,
      fromLevel: m.from,
      toLevel: m.to,
      body: m.reason,
      at: now,
    },
    select: { id: true },
  });
  await audit(
    tx,
    actor,
    {
      action: "conflict.escalate",
      entityType: "Conflict",
      entityId: c.id,
      before: { level: m.from },
      after: { level: m.to, slaDueAt: m.due, reason: m.reason, automatic: actor === null },
    },
    now,
  );
  const people = await deciders(tx, m.to, {
    directUserIds: c.parties.filter((p) => p.kind === "DIRECT").map((p) => p.userId),
    partnerIds: c.parties.filter((p) => p.kind === "PARTNER").map((p) => p.partnerId),
  });
  await notify(
    tx,
    noticesFor(people, actor?.userId ?? null, {
      kind: "conflict.escalated",
      subject: `A conflict case was escalated to level ${m.to}: it needs your decision`,
      body: `${actor ? m.reason : `Escalated automatically: ${m.reason}`} Decide by ${noticeTime(m.due)}.`,
      payload: { conflictId: c.id, level: m.to },
    }),
  );
}
