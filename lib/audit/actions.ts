// Audit action codes: `entity.verb`, the verb in the present tense ("registration.approve"), like
// the permission names in lib/auth/permissions.ts. Every writer (lib/db/audit.ts, the seed, the
// create-admin command) takes its code from this list, so a filter or a test cannot name a code
// that is never written.
export const AUDIT_ACTIONS = [
  "apikey.create",
  "apikey.revoke",
  "conflict.comment",
  "conflict.escalate",
  "conflict.flag",
  "conflict.link",
  "conflict.open",
  "conflict.resolve",
  "handoff.accept",
  "handoff.decline",
  "handoff.expire",
  "handoff.offer",
  "handoff.queue",
  "handoff.return",
  "handoff.withdraw",
  "opportunity.accept-route",
  "opportunity.close",
  "opportunity.create",
  "opportunity.flag-route",
  "opportunity.link-mdf",
  "opportunity.reroute",
  "opportunity.stage",
  "opportunity.touch",
  "opportunity.update",
  "outbox.retry",
  "outbox.retry_all",
  // partner administration (lib/db/admin-partners.ts)
  "partner.create",
  "partner.deactivate",
  "partner.reactivate",
  "partner.update",
  "payout.adjust",
  "registration.approve",
  "registration.convert",
  "registration.expire",
  "registration.extend",
  "registration.reject",
  "registration.submit",
  "registration.update",
  "registration.withdraw",
  "ruleset.draft.create",
  "ruleset.draft.delete",
  "ruleset.draft.save",
  "ruleset.publish",
  "ruleset.reroute",
  "user.create-admin",
  // administration (lib/db/admin-users.ts, lib/db/password-tokens.ts, lib/db/admin-settings.ts)
  "user.create",
  "user.update",
  "user.disable",
  "user.enable",
  "user.set-password",
  "settings.update",
  // reference data (lib/db/reference-admin.ts)
  "region.create",
  "region.update",
  "region.delete",
  "productline.create",
  "productline.update",
  "productline.delete",
  "segment.create",
  "segment.update",
  // pricing guardrails (lib/db/pricing-guardrails.ts, lib/db/pricing-corridors.ts)
  "pricing.corridor.create",
  "pricing.corridor.update",
  "opportunity.corridor.breach",
  "opportunity.corridor.clear",
  // maturity assessments (lib/db/maturity.ts)
  "maturity.assessment.create",
  "maturity.assessment.update",
  // the council pack (lib/db/council-pack-writes.ts)
  "council.meeting.open",
  "council.attendee.add",
  "council.attendee.remove",
  "council.decision.record",
  "council.action.add",
  "council.action.assign",
  "council.action.complete",
  // MDF (lib/db/mdf-writes.ts)
  "mdf.request",
  "mdf.approve",
  "mdf.reject",
  "mdf.claim",
  "mdf.pay",
  // partner tiers (lib/db/tier-criteria.ts, lib/db/tier-proposals.ts)
  "tier.criteria.update",
  "tier.proposal.confirm",
  "tier.proposal.dismiss",
  "tier.proposal.apply",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The action that moves a registration into each status it can be moved to after submission. */
export const REGISTRATION_TRANSITION_ACTION = {
  APPROVED: "registration.approve",
  CONVERTED: "registration.convert",
  REJECTED: "registration.reject",
  WITHDRAWN: "registration.withdraw",
  EXPIRED: "registration.expire",
} as const satisfies Record<string, AuditAction>;

// Rows written before the codes were unified used the past tense for status changes; the audit
// log is append-only, so they keep their code and are read as the current one.
const FORMER: Readonly<Record<string, AuditAction>> = {
  "registration.approved": "registration.approve",
  "registration.rejected": "registration.reject",
  "registration.withdrawn": "registration.withdraw",
  "registration.expired": "registration.expire",
  "ruleset.create": "ruleset.draft.create",
};

/** The current code of a stored action (itself unless it is a former code). */
export function currentAuditAction(stored: string): string {
  return FORMER[stored] ?? stored;
}

/** Every stored code that means this action: the action and its former codes. */
export function storedAuditActions(action: string): string[] {
  return [action, ...Object.keys(FORMER).filter((former) => FORMER[former] === action)];
}
