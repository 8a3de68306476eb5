// The registration lifecycle: which status moves are allowed and what each one sets on the
// registration. Pure: no database, no clock (time is an argument). lib/db/registration-transition.ts
// records a move (the guarded update, its timeline event and audit event) in one transaction;
// lib/db/registration-lifecycle.ts (decisions, extensions, withdrawals, updates) and
// lib/db/registration-schedule.ts (expiry, dormant release) build their moves from here.
//
//   SUBMITTED → APPROVED | REJECTED | WITHDRAWN
//   APPROVED  → CONVERTED | EXPIRED | WITHDRAWN   (and APPROVED → APPROVED: an extension)
//
// Active registrations (SUBMITTED, APPROVED) hold claim keys (lib/registrations/claim-key.ts);
// every move out of them releases both the claim and the partner's own keys, except an approval.
import { addDays } from "date-fns";
import type { RegistrationStatusFact as FactStatus } from "@/lib/rules";
import { NO_CLAIM, NO_PARTNER_CLAIM, partnerClaimKeys, type ClaimKeys, type PartnerClaimKeys } from "./claim-key";

/** A stored registration's status (the rules engine's fact value NONE is no status). */
export type RegistrationStatus = Exclude<FactStatus, "NONE">;

export const MOVES: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = {
  SUBMITTED: ["APPROVED", "REJECTED", "WITHDRAWN"],
  APPROVED: ["CONVERTED", "EXPIRED", "WITHDRAWN"],
  REJECTED: [],
  EXPIRED: [],
  WITHDRAWN: [],
  CONVERTED: [],
};

export function canMove(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return MOVES[from].includes(to);
}

/** Awaiting a decision or holding protection: holds its claim keys, takes progress updates. */
export function isActive(status: RegistrationStatus): boolean {
  return status === "SUBMITTED" || status === "APPROVED";
}

/** Why a move is refused, in words for the user; null when it is allowed. */
export function moveRefusal(from: RegistrationStatus, to: RegistrationStatus): string | null {
  if (canMove(from, to)) return null;
  const status = from.toLowerCase();
  if (to === "APPROVED" || to === "REJECTED") return `This registration is already ${status}.`;
  if (to === "WITHDRAWN") return `A ${status} registration cannot be withdrawn.`;
  return `A ${status} registration cannot become ${to.toLowerCase()}.`;
}

/** Why a progress update is refused; null when the registration takes it. */
export function updateRefusal(status: RegistrationStatus): string | null {
  return isActive(status) ? null : `A ${status.toLowerCase()} registration takes no updates.`;
}

/** The registration holds nothing any more: another partner may claim, this one register again. */
const RELEASED = { ...NO_CLAIM, ...NO_PARTNER_CLAIM } as const;

type Decided = { reviewerId: string | null; reason: string; now: Date };

export function rejection({ reviewerId, reason, now }: Decided) {
  return { ...RELEASED, reviewerId, decisionReason: reason, decidedAt: now };
}

export type ApprovalInput = Decided & {
  partnerId: string;
  /** The claim's keys, naming the account the approval settled on. */
  keys: ClaimKeys;
  /** The route decision's protection days; null: the vendor leads, no protection and no claim. */
  protectionDays: number | null;
  accountId: string;
  opportunityId: string;
};

export type Approval = {
  protectedUntil: Date | null;
  accountId: string;
  opportunityId: string;
  reviewerId: string | null;
  decisionReason: string;
  decidedAt: Date;
} & (ClaimKeys | typeof NO_CLAIM) &
  PartnerClaimKeys;

export function approval(a: ApprovalInput): Approval {
  return {
    protectedUntil: a.protectionDays ? addDays(a.now, a.protectionDays) : null,
    accountId: a.accountId,
    // The claim, now naming the account itself so later submissions matching it by name or domain
    // collide with it. A registration that lost the claim at submission takes it once the holder
    // has let go; while another holds any of the keys, the unique columns refuse it (and two
    // approvals at once: one wins). A route without protection (the vendor leads) holds none.
    ...(a.protectionDays ? a.keys : NO_CLAIM),
    // the partner's own keys follow the account too, protected or not (an approved registration is active)
    ...partnerClaimKeys(a.partnerId, a.keys),
    opportunityId: a.opportunityId,
    reviewerId: a.reviewerId,
    decisionReason: a.reason,
    decidedAt: a.now,
  };
}

/** Withdrawn by the partner, expired (protection ended or dormant) or converted: released. */
export function release() {
  return { ...RELEASED };
}

/** Protection days an extension adds when the route decision names none. */
const DEFAULT_EXTENSION_DAYS = 90;

export type ExtensionState = { status: RegistrationStatus; protectedUntil: Date | null; extensionCount: number };
export type Extension = { ok: true; protectedUntil: Date; extensionCount: number } | { ok: false; refusal: string };

/** Extends protection by the rule's protection days, before it ends and at most `maxExtensions` times. */
export function extension(
  reg: ExtensionState,
  o: { now: Date; maxExtensions: number; protectionDays: number | null },
): Extension {
  if (reg.status !== "APPROVED" || !reg.protectedUntil)
    return { ok: false, refusal: "Only an approved, protected registration can be extended." };
  if (reg.protectedUntil <= o.now)
    return { ok: false, refusal: "Protection has already ended; register the deal again." };
  if (reg.extensionCount >= o.maxExtensions)
    return { ok: false, refusal: `This registration has had the maximum of ${o.maxExtensions} extensions.` };
  return {
    ok: true,
    protectedUntil: addDays(reg.protectedUntil, o.protectionDays ?? DEFAULT_EXTENSION_DAYS),
    extensionCount: reg.extensionCount + 1,
  };
}
