// The conflict cases a registration opens or joins at submission (README "Deal registration: one
// protected claim per company"), in plain SQL on the submission's transaction (lib/db/sql.ts).
// An overlap already under an OPEN case joins that case rather than opening another.
import type { Ctx } from "@/lib/auth/types";
import { audit } from "./audit";
import { businessDaysFrom } from "@/lib/dates/business-days";
import type { MatchedAccount } from "./deal-facts";
import { openDirectOpportunity } from "./opportunities";
import { newId, type Selected, type Sql } from "./sql";
import type { ConflictType } from "./generated/sqlite/enums";

// The order conflicts are opened in, so a replay reports the same type as the first response
// (only those opened by the submission itself: later claims on the account link to it too).
export const CONFLICT_ORDER = `CASE c."type" WHEN 'DUPLICATE_REGISTRATION' THEN 1 WHEN 'DIRECT_VS_PARTNER' THEN 2 ELSE 3 END`;
// The timeline entry of a case that a later submission joined (openConflicts); the replay finds
// the cases a submission joined by it, at the submission's own time.
export const JOINED = "Another registration for this company and product line was linked to this case.";

/** What the submission knows that its conflicts need. */
export type OverlapArgs = {
  ctx: Ctx;
  account: MatchedAccount | null;
  productLineId: string;
  now: Date;
  conflictSlaDays: number[];
};

type Party = { kind: "PARTNER" | "DIRECT"; partnerId?: string; userId?: string | null };

/**
 * The overlaps a submission meets (another partner's claim, the direct team's open opportunity, a
 * named account), as Conflict rows (the conflicts workflow builds on them); the first type, or null.
 */
export async function openConflicts(
  s: Sql,
  a: OverlapArgs,
  registrationId: string,
  holders: { id: string; partnerId: string }[],
): Promise<ConflictType | null> {
  const types: Overlap[] = [];
  const me = { kind: "PARTNER" as const, partnerId: a.ctx.partnerId! };
  if (holders.length) {
    const others = [...new Set(holders.map((h) => h.partnerId))].map((partnerId) => ({
      kind: "PARTNER" as const,
      partnerId,
    }));
    types.push({
      type: "DUPLICATE_REGISTRATION",
      parties: [me, ...others],
      registrations: [...holders.map((h) => h.id), registrationId],
    });
  }
  if (a.account) {
    const direct = await openDirectOpportunity(s, a.account.id);
    if (direct)
      types.push({
        type: "DIRECT_VS_PARTNER",
        parties: [me, { kind: "DIRECT", userId: direct.aeId }],
        registrations: [registrationId],
        opportunityId: direct.id,
      });
    if (a.account.namedAccount)
      types.push({
        type: "NAMED_ACCOUNT",
        parties: [me, { kind: "DIRECT", userId: a.account.ownerId }],
        registrations: [registrationId],
      });
  }
  for (const c of types) {
    const open = await openCase(s, a, c.type, holders, c.opportunityId);
    if (open) {
      await joinCase(s, a, open, c, registrationId);
      continue;
    }
    const conflictId = newId();
    await s.insert("Conflict", {
      id: conflictId,
      type: c.type,
      status: "OPEN",
      level: 1,
      accountId: a.account?.id ?? null,
      opportunityId: c.opportunityId ?? null,
      summary: summaryOf(c.type),
      slaDueAt: businessDaysFrom(a.now, a.conflictSlaDays[0] ?? 2),
      openedAt: a.now,
      updatedAt: a.now,
    });
    for (const p of c.parties)
      await s.insert("ConflictParty", {
        id: newId(),
        conflictId,
        kind: p.kind,
        partnerId: p.partnerId ?? null,
        userId: p.userId ?? null,
      });
    for (const registration of c.registrations)
      await s.insert("ConflictRegistration", { conflictId, registrationId: registration });
    await s.insert("ConflictEvent", {
      id: newId(),
      conflictId,
      kind: "OPENED",
      actorId: a.ctx.userId,
      body: "Opened automatically on registration",
      at: a.now,
    });
    await audit(
      s,
      a.ctx,
      {
        action: "conflict.open",
        entityType: "Conflict",
        entityId: conflictId,
        after: { type: c.type, registrationId },
      },
      a.now,
    );
  }
  return types[0]?.type ?? null;
}

type Overlap = { type: ConflictType; parties: Party[]; registrations: string[]; opportunityId?: string };

/**
 * An OPEN case of this type for the same company and product line: a duplicate case that holds one
 * of the claim's holders, or another type's case on the matched account (and direct opportunity)
 * that links a registration of the product line.
 */
async function openCase(
  s: Sql,
  a: OverlapArgs,
  type: ConflictType,
  holders: { id: string }[],
  opportunityId?: string,
): Promise<string | null> {
  if (type === "DUPLICATE_REGISTRATION") {
    const row = await s.get<Selected<"Conflict", "id">>(
      `SELECT c."id" FROM "ConflictRegistration" l JOIN "Conflict" c ON c."id" = l."conflictId"
        WHERE l."registrationId" IN (${holders.map(() => "?").join(", ")}) AND c."type" = 'DUPLICATE_REGISTRATION' AND c."status" = 'OPEN'
        ORDER BY c."openedAt", c."id" LIMIT 1`,
      holders.map((h) => h.id),
    );
    return row?.id ?? null;
  }
  if (!a.account) return null;
  const row = await s.get<Selected<"Conflict", "id">>(
    `SELECT c."id" FROM "Conflict" c WHERE c."accountId" = ? AND c."type" = ? AND c."status" = 'OPEN'${opportunityId ? ` AND c."opportunityId" = ?` : ""}
        AND EXISTS (SELECT 1 FROM "ConflictRegistration" l JOIN "DealRegistration" r ON r."id" =
          l."registrationId" WHERE l."conflictId" = c."id" AND r."productLineId" = ?)
      ORDER BY c."openedAt", c."id" LIMIT 1`,
    [a.account.id, type, ...(opportunityId ? [opportunityId] : []), a.productLineId],
  );
  return row?.id ?? null;
}

/** The new registration (and any party or holder the case lacks) joins an open case, on its timeline. */
async function joinCase(s: Sql, a: OverlapArgs, conflictId: string, c: Overlap, registrationId: string) {
  for (const p of c.parties) {
    const known =
      p.kind === "PARTNER"
        ? await s.get(
            `SELECT 1 AS "x" FROM "ConflictParty" WHERE "conflictId" = ? AND "kind" = 'PARTNER' AND "partnerId" = ?`,
            [conflictId, p.partnerId!],
          )
        : await s.get(`SELECT 1 AS "x" FROM "ConflictParty" WHERE "conflictId" = ? AND "kind" = 'DIRECT'`, [
            conflictId,
          ]);
    if (!known)
      await s.insert("ConflictParty", {
        id: newId(),
        conflictId,
        kind: p.kind,
        partnerId: p.partnerId ?? null,
        userId: p.userId ?? null,
      });
  }
  for (const registration of c.registrations) {
    const linked = await s.get(
      `SELECT 1 AS "x" FROM "ConflictRegistration" WHERE "conflictId" = ? AND "registrationId" = ?`,
      [conflictId, registration],
    );
    if (!linked) await s.insert("ConflictRegistration", { conflictId, registrationId: registration });
  }
  await s.update("Conflict", { updatedAt: a.now }, { id: conflictId });
  await s.insert("ConflictEvent", {
    id: newId(),
    conflictId,
    kind: "COMMENTED",
    actorId: a.ctx.userId,
    body: JOINED,
    at: a.now,
  });
  await audit(
    s,
    a.ctx,
    { action: "conflict.link", entityType: "Conflict", entityId: conflictId, after: { type: c.type, registrationId } },
    a.now,
  );
}

// Never names the other party: partners may read conflict summaries.
function summaryOf(type: ConflictType): string {
  switch (type) {
    case "DUPLICATE_REGISTRATION":
      return "Another partner already holds an active registration for this account and product line.";
    case "DIRECT_VS_PARTNER":
      return "The vendor's direct team has an open opportunity on this account.";
    case "NAMED_ACCOUNT":
      return "This is a named account reserved for the vendor's direct team.";
    default:
      return "";
  }
}
