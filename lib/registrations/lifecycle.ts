// The registration lifecycle: which status moves are allowed and what each one sets on the
// registration. Pure: no database, no clock (time is an argument). lib/db/registration-transition.ts
// records a move (the guarded update, its timeline event and audit event) in one transaction;
// lib/db/registration-lifecycle.ts (decisions, extensions, withdrawals, updates) and
// lib/db/registration-schedule.ts (expiry, dormant release) build their moves from here.
//
//   SUBMITTED → APPROVED | REJECTED | WITHDRAWN
//   APPROVED  → CONVERTED | EXPIRED | WITHDRAWN   (and APPROVED → APPROVED: an extension)
//   CONVERTED                                     (and CONVERTED → CONVERTED: an extension, or its protection ending)
//
// CONVERTED: approved, and the deal was created from the registration (an approval creates the
// opportunity and converts in the same transaction). The status stays CONVERTED for good, because
// the deal it became lives on; its protection runs until protectedUntil exactly like an approval's
// and then ends without a status move: the claim keys are released (protectionEnd). So a converted
// registration holds a claim while it still holds its keys (holdsClaim), and the rules engine sees
// it as EXPIRED once they are gone (claimStatus). docs/domain.md, "Registration lifecycle".
//
// Registrations awaiting a decision or approved, and converted ones until their protection ends,
// hold claim keys (lib/registrations/claim-key.ts); every move out of them releases both the claim
// and the partner's own keys, except an approval and a conversion.
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

/** The statuses whose protection runs until protectedUntil: approved, and approved with its deal created. */
export const PROTECTING = ["APPROVED", "CONVERTED"] as const satisfies readonly RegistrationStatus[];
export type ProtectingStatus = (typeof PROTECTING)[number];

export function isProtecting(status: string): status is ProtectingStatus {
  return (PROTECTING as readonly string[]).includes(status);
}

/** What holdsClaim and claimStatus read: the status, and one of the partner's own claim keys. */
export type ClaimState = { status: string; partnerClaimKey: string | null };

/** Holds its claim on the account: awaiting a decision, approved, or converted with its keys still held. */
export function holdsClaim(reg: ClaimState): boolean {
  return isActive(reg.status) || (reg.status === "CONVERTED" && reg.partnerClaimKey !== null);
}

/**
 * The registration status the rules engine sees for the deal (the fact registrationStatus): the stored
 * status, except that a converted registration whose protection has ended counts as EXPIRED, so the
 * sticky-ownership rule stops holding the deal for the partner just as it would after an expiry.
 */
export function claimStatus(reg: ClaimState): RegistrationStatus {
  if (reg.status === "CONVERTED" && reg.partnerClaimKey === null) return "EXPIRED";
  return reg.status as RegistrationStatus;
}

export function canMove(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return MOVES[from].includes(to);
}

/** Awaiting a decision or approved: holds its claim keys, takes progress updates (a converted one is worked on its deal). */
export function isActive(status: string): status is "SUBMITTED" | "APPROVED" {
  return status === "SUBMITTED" || status === "APPROVED";
}

/** "A submitted registration", "An expired registration". */
const aRegistration = (status: RegistrationStatus) =>
  `${/^[AEIOU]/.test(status) ? "An" : "A"} ${status.toLowerCase()} registration`;

/** Why a move is refused, in words for the user; null when it is allowed. */
export function moveRefusal(from: RegistrationStatus, to: RegistrationStatus): string | null {
  if (canMove(from, to)) return null;
  if (to === "APPROVED" || to === "REJECTED") return `This registration is already ${from.toLowerCase()}.`;
  if (to === "WITHDRAWN") return `${aRegistration(from)} cannot be withdrawn.`;
  return `${aRegistration(from)} cannot become ${to.toLowerCase()}.`;
}

/** Why a progress update is refused; null when the registration takes it (it holds its claim). */
export function updateRefusal(reg: ClaimState): string | null {
  if (holdsClaim(reg)) return null;
  if (reg.status === "CONVERTED") return "This registration's protection has ended: work the deal itself.";
  return `${aRegistration(reg.status as RegistrationStatus)} takes no updates.`;
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

/** Withdrawn by the partner, or expired (protection ended or dormant): released. */
export function release() {
  return { ...RELEASED };
}

/**
 * A converted registration's protection ends without a status move: its keys are released. `early`
 * (dormant, or a conflict case decided against it): protection stops now rather than at protectedUntil.
 */
export function protectionEnd(now: Date, early: boolean) {
  return { ...RELEASED, ...(early ? { protectedUntil: now } : {}) };
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
  if (!isProtecting(reg.status) || !reg.protectedUntil)
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
