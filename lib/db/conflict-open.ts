// openCase: the one way a conflict case is opened, whatever its source (docs/domain.md#who-opens-a-case):
// the case at level 1 with its SLA, its parties, the registrations it links, the OPENED event (and
// the raiser's note as the first comment), the audit event and the notices to the level-1
// deciders, all on the caller's transaction. It takes a Prisma transaction (raise, and later
// pricing guardrails and attribution disputes) or the submission's plain-SQL transaction
// (lib/db/registration-conflicts.ts), like audit() and notify().
import { noticeTime } from "@/lib/dates/human";
import type { Ctx } from "@/lib/auth/types";
import { slaDueAt } from "@/lib/conflicts/escalation";
import type { CaseSpec } from "@/lib/conflicts/opening";
import { audit } from "./audit";
import { levelOneDeciders, noticesFor } from "./conflict-people";
import type { Tx } from "./connect";
import { notify } from "./outbox";
import { isSql, newId, type Sql } from "./sql";

export type OpenCaseSpec = CaseSpec & {
  /** Who opened it (the submitter, the raiser); null: a job. */
  actor: Ctx | null;
  /** The setting conflict.slaBusinessDaysByLevel (lib/settings.ts). */
  slaDays: readonly unknown[] | null;
};

/** The OPENED event's text by source (partners read it: no names). */
const OPENED: Record<CaseSpec["source"], string> = {
  REGISTRATION: "Opened automatically on registration",
  AE: "Raised by the vendor's account executive",
  PARTNER: "Raised by the partner",
  PRICING: "Opened by the pricing guardrails",
  ATTRIBUTION: "Opened by an attribution dispute",
};

/**
 * Opens the case; returns its id and SLA. A raised case carries its subject key
 * (Conflict.openSubjectKey, unique): a second open case on the same subject fails on the unique
 * index, which the caller turns into a 409 naming the first (lib/db/conflict-writes.ts raiseConflict).
 */
export async function openCase(tx: Tx | Sql, spec: OpenCaseSpec, now: Date): Promise<{ id: string; slaDueAt: Date }> {
  const id = newId();
  const due = slaDueAt(1, now, spec.slaDays);
  const conflict = {
    id,
    type: spec.type,
    status: "OPEN" as const,
    level: 1,
    accountId: spec.accountId,
    opportunityId: spec.opportunityId,
    summary: spec.summary,
    slaDueAt: due,
    source: spec.source,
    raisedById: spec.source === "REGISTRATION" ? null : (spec.actor?.userId ?? null),
    openSubjectKey: spec.subjectKey ?? null,
    levelSince: now,
    openedAt: now,
    updatedAt: now,
  };
  const parties = spec.parties.map((p) => ({
    id: newId(),
    conflictId: id,
    kind: p.kind,
    partnerId: p.kind === "PARTNER" ? p.partnerId : null,
    userId: p.kind === "DIRECT" ? p.userId : null,
  }));
  const links = [...new Set(spec.registrationIds)].map((registrationId) => ({ conflictId: id, registrationId }));
  const actorId = spec.actor?.userId ?? null;
  const events = [
    { id: newId(), conflictId: id, kind: "OPENED" as const, actorId, body: OPENED[spec.source], at: now },
    ...(spec.note
      ? [{ id: newId(), conflictId: id, kind: "COMMENTED" as const, actorId, body: spec.note, at: now }]
      : []),
  ];
  if (isSql(tx)) {
    await tx.insert("Conflict", conflict);
    for (const p of parties) await tx.insert("ConflictParty", p);
    for (const l of links) await tx.insert("ConflictRegistration", l);
    for (const e of events) await tx.insert("ConflictEvent", e);
  } else {
    await tx.conflict.create({ data: conflict, select: { id: true } });
    await tx.conflictParty.createMany({ data: parties });
    if (links.length) await tx.conflictRegistration.createMany({ data: links });
    await tx.conflictEvent.createMany({ data: events });
  }
  await audit(
    tx,
    spec.actor,
    {
      action: "conflict.open",
      entityType: "Conflict",
      entityId: id,
      after: {
        type: spec.type,
        source: spec.source,
        level: 1,
        slaDueAt: due,
        registrationIds: links.map((l) => l.registrationId),
        opportunityId: spec.opportunityId,
        ...(spec.note ? { note: spec.note } : {}),
      },
    },
    now,
  );
  const people = await levelOneDeciders(tx, {
    directUserIds: parties.map((p) => p.userId),
    partnerIds: parties.map((p) => p.partnerId),
  });
  await notify(
    tx,
    noticesFor(people, actorId, {
      kind: "conflict.opened",
      subject: "A conflict case needs your decision",
      body: `${spec.summary} ${OPENED[spec.source]}. Decide or escalate by ${noticeTime(due)}.`,
      payload: { conflictId: id },
    }),
  );
  return { id, slaDueAt: due };
}
