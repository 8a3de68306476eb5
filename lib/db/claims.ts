// Queries on the claim keys of lib/registrations/claim-key.ts, in plain SQL (lib/db/sql.ts) on the
// submission's session or transaction: who holds a claim, and the partner's own active registration.
// Used by submission (lib/db/registration-submit.ts) and the portal's claim check (lib/db/claim-check.ts).
import type { ClaimKeys, PartnerClaimKeys } from "@/lib/registrations/claim-key";
import { AppError } from "@/lib/errors";
import type { Prisma } from "./generated/sqlite/client";
import type { Selected, Sql } from "./sql";

/**
 * Registrations that hold a claim (lib/registrations/lifecycle.ts holdsClaim), as a where clause:
 * awaiting a decision, approved, or converted with the partner's keys still held.
 */
export const holdingClaim = {
  OR: [{ status: { in: ["SUBMITTED", "APPROVED"] } }, { status: "CONVERTED", partnerClaimKey: { not: null } }],
} satisfies Prisma.DealRegistrationWhereInput;

/**
 * Who holds an active claim sharing any key with these (lib/registrations/claim-key): by account,
 * name or domain. Up to three registrations, oldest first; three unique-index lookups.
 */
export function activeClaimHolders(s: Sql, keys: ClaimKeys, opts: { lock?: boolean } = {}) {
  // Locked inside a write on PostgreSQL, so submissions that meet the same holder take turns and
  // each sees the conflict case the previous one opened (SQLite transactions take turns anyway).
  const lock = opts.lock && s.provider === "postgresql" ? " FOR UPDATE" : "";
  return s.all<Selected<"DealRegistration", "id" | "partnerId">>(
    `SELECT "id", "partnerId" FROM "DealRegistration" WHERE "activeClaimKey" = ? OR "activeClaimNameKey" = ?
      OR "activeClaimDomainKey" = ? ORDER BY "submittedAt", "id"${lock}`,
    [keys.activeClaimKey, keys.activeClaimNameKey, keys.activeClaimDomainKey],
  );
}

/** The partner's own active registration sharing any key with these, claim holder or not. */
export async function ownActiveRegistration(s: Sql, keys: PartnerClaimKeys): Promise<string | null> {
  const row = await s.get<Selected<"DealRegistration", "id">>(
    `SELECT "id" FROM "DealRegistration" WHERE "partnerClaimKey" = ? OR "partnerClaimNameKey" = ? OR
      "partnerClaimDomainKey" = ? ORDER BY "submittedAt", "id" LIMIT 1`,
    [keys.partnerClaimKey, keys.partnerClaimNameKey, keys.partnerClaimDomainKey],
  );
  return row?.id ?? null;
}

/** 409 naming the partner's own active registration (`fields.registrationId`), so a client can link to it. */
export function alreadyRegistered(registrationId: string): AppError {
  return new AppError(
    "CONFLICT",
    `You already registered this company for this product line: registration ${registrationId} is still active.`,
    {
      "account.name": ["You already registered this company for this product line"],
      registrationId: [registrationId],
    },
  );
}
