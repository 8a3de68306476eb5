// The conflict cases a registration opens or joins at submission (README "Deal registration: one
// protected claim per company"), in plain SQL on the submission's transaction (lib/db/sql.ts).
// Which cases is decided in lib/conflicts/opening.ts; a new case is opened by openCase.
// An overlap already under an OPEN case joins that case rather than opening another.
import type { Ctx } from "@/lib/auth/types";
import { audit } from "./audit";
import { submissionCases, type CaseSpec } from "@/lib/conflicts/opening";
import { openCase } from "./conflict-open";
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

/**
 * The overlaps a submission meets (another partner's claim, the direct team's open opportunity, a
 * named account; lib/conflicts/opening.ts decides which), each opened through openCase
 * (lib/db/conflict-open.ts) or joined to the open case already on it; the first type, or null.
 */
export async function openConflicts(
  s: Sql,
  a: OverlapArgs,
  registrationId: string,
  holders: { id: string; partnerId: string }[],
): Promise<ConflictType | null> {
  const cases = submissionCases({
    partnerId: a.ctx.partnerId!,
    registrationId,
    holders,
    account: a.account,
    directOpportunity: a.account ? ((await openDirectOpportunity(s, a.account.id)) ?? null) : null,
  });
  for (const c of cases) {
    const open = await openCaseOn(s, a, c.type, holders, c.opportunityId ?? undefined);
    if (open) await joinCase(s, a, open, c, registrationId);
    else await openCase(s, { ...c, actor: a.ctx, slaDays: a.conflictSlaDays }, a.now);
  }
  return cases[0]?.type ?? null;
}

/**
 * An OPEN case of this type for the same company and product line: a duplicate case that holds one
 * of the claim's holders, or another type's case on the matched account (and direct opportunity)
 * that links a registration of the product line.
 */
async function openCaseOn(
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
async function joinCase(s: Sql, a: OverlapArgs, conflictId: string, c: CaseSpec, registrationId: string) {
  for (const p of c.parties) {
    const known =
      p.kind === "PARTNER"
        ? await s.get(
            `SELECT 1 AS "x" FROM "ConflictParty" WHERE "conflictId" = ? AND "kind" = 'PARTNER' AND "partnerId" = ?`,
            [conflictId, p.partnerId],
          )
        : await s.get(`SELECT 1 AS "x" FROM "ConflictParty" WHERE "conflictId" = ? AND "kind" = 'DIRECT'`, [
            conflictId,
          ]);
    if (!known)
      await s.insert("ConflictParty", {
        id: newId(),
        conflictId,
        kind: p.kind,
        partnerId: p.kind === "PARTNER" ? p.partnerId : null,
        userId: p.kind === "DIRECT" ? p.userId : null,
      });
  }
  for (const registration of c.registrationIds) {
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
