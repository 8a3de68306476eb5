// A deal closed lost ends the protection of the registration it was converted from
// (docs/domain.md, "Registration lifecycle"): there is nothing left to protect, so the claim keys are
// released now (protectedUntil set to now) and another partner may register the account. The status
// stays CONVERTED, as when protection runs out (lib/registrations/lifecycle.ts protectionEnd); the
// move is recorded with its timeline and audit events on the caller's transaction, so it commits or
// rolls back with the close itself (lib/db/opportunity-moves.ts).
import type { Ctx } from "@/lib/auth/types";
import { protectionEnd } from "@/lib/registrations/lifecycle";
import type { Tx } from "./connect";
import { notify } from "./outbox";
import { recordTransition } from "./registration-transition";

/** Ends the converted registration's protection when its deal is lost; false when none still held it. */
export async function releaseOnDealLost(tx: Tx, ctx: Ctx, opportunityId: string, now: Date): Promise<boolean> {
  const reg = await tx.dealRegistration.findFirst({
    where: { opportunityId, status: "CONVERTED", partnerClaimKey: { not: null } },
    select: {
      id: true,
      accountName: true,
      protectedUntil: true,
      submittedById: true,
      submittedBy: { select: { email: true } },
    },
  });
  if (!reg) return false;
  const reason = "The deal was closed lost: protection ends and the account is released";
  const recorded = await recordTransition(
    tx,
    ctx,
    {
      id: reg.id,
      from: "CONVERTED",
      to: "CONVERTED",
      set: protectionEnd(now, true),
      guard: { partnerClaimKey: { not: null } },
      reason,
      audit: {
        action: "registration.expire",
        before: { status: "CONVERTED", protectedUntil: reg.protectedUntil },
        after: { status: "CONVERTED", protection: "ended", protectedUntil: now, reason, opportunityId },
      },
    },
    now,
  );
  if (!recorded) return false;
  if (reg.submittedBy)
    await notify(tx, [
      {
        kind: "registration.expired",
        recipientUserId: reg.submittedById,
        recipientEmail: reg.submittedBy.email,
        subject: `Protection ended for ${reg.accountName}`,
        body: reason,
        payload: { registrationId: reg.id },
      },
    ]);
  return true;
}
