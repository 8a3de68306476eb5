// Which conflict cases a source opens, with their parties, links and summary
// (docs/domain.md#who-opens-a-case). Pure: lib/db reads the facts (the claim's holders, the direct
// team's open opportunity, the account) and persists what this decides (lib/db/conflict-writes.ts).
import type { ConflictSource, ConflictType, PartySpec } from "./types";

/** A case to open (or, when one is already open on the same subject, to join). */
export type CaseSpec = {
  type: ConflictType;
  source: ConflictSource;
  parties: PartySpec[];
  registrationIds: string[];
  accountId: string | null;
  opportunityId: string | null;
  summary: string;
  /** The first comment (the raiser's words), if any. */
  note?: string;
  /** Set for raised cases: one open case per subject (Conflict.openSubjectKey). */
  subjectKey?: string | null;
};

export type SubmissionFacts = {
  partnerId: string;
  registrationId: string;
  /** Active registrations of other partners holding the claim on the company and product line. */
  holders: { id: string; partnerId: string }[];
  account: { id: string; namedAccount: boolean; ownerId: string | null } | null;
  /** The direct team's open opportunity on the account, if any. */
  directOpportunity: { id: string; aeId: string | null } | null;
};

/**
 * The overlaps a submission meets, in the order they are reported (docs/domain.md#duplicates-and-overlaps):
 * another partner's active claim, the direct team's open opportunity, a named account.
 */
export function submissionCases(f: SubmissionFacts): CaseSpec[] {
  const me: PartySpec = { kind: "PARTNER", partnerId: f.partnerId };
  const base = { source: "REGISTRATION" as const, accountId: f.account?.id ?? null };
  const cases: CaseSpec[] = [];
  const others = [...new Set(f.holders.map((h) => h.partnerId))].filter((p) => p !== f.partnerId);
  if (f.holders.length) {
    cases.push({
      ...base,
      type: "DUPLICATE_REGISTRATION",
      parties: [me, ...others.map((partnerId) => ({ kind: "PARTNER" as const, partnerId }))],
      registrationIds: [...f.holders.map((h) => h.id), f.registrationId],
      opportunityId: null,
      summary: summaryOf("DUPLICATE_REGISTRATION"),
    });
  }
  if (f.account && f.directOpportunity) {
    cases.push({
      ...base,
      type: "DIRECT_VS_PARTNER",
      parties: [me, { kind: "DIRECT", userId: f.directOpportunity.aeId }],
      registrationIds: [f.registrationId],
      opportunityId: f.directOpportunity.id,
      summary: summaryOf("DIRECT_VS_PARTNER"),
    });
  }
  if (f.account?.namedAccount) {
    cases.push({
      ...base,
      type: "NAMED_ACCOUNT",
      parties: [me, { kind: "DIRECT", userId: f.account.ownerId }],
      registrationIds: [f.registrationId],
      opportunityId: null,
      summary: summaryOf("NAMED_ACCOUNT"),
    });
  }
  return cases;
}

/** Why an AE raises a case on its opportunity. */
export const AE_REASONS = ["PARTNER_CLAIMS_DEAL", "CO_SELL"] as const;
export type AeReason = (typeof AE_REASONS)[number];

export type AeRaiseFacts = {
  reason: AeReason;
  aeId: string | null;
  opportunity: { id: string; accountId: string };
  /** The partner concerned: named by the AE, else the opportunity's partner, else the account's claim holder. */
  partnerId: string | null;
  /** Active registrations on the opportunity's account and product line, linked as evidence. */
  registrationIds: string[];
  note: string;
};

/** An AE on its own opportunity: "a partner claims my deal" or "I want to co-sell". */
export function aeRaisedCase(f: AeRaiseFacts): CaseSpec {
  return {
    type: "DIRECT_VS_PARTNER",
    source: "AE",
    parties: [
      { kind: "DIRECT", userId: f.aeId },
      ...(f.partnerId ? [{ kind: "PARTNER" as const, partnerId: f.partnerId }] : []),
    ],
    registrationIds: f.registrationIds,
    accountId: f.opportunity.accountId,
    opportunityId: f.opportunity.id,
    summary:
      f.reason === "CO_SELL"
        ? "The vendor's account executive proposes to co-sell this deal with the partner."
        : "The vendor's account executive says this deal belongs to the direct team.",
    note: f.note,
    subjectKey: `opportunity:${f.opportunity.id}`,
  };
}

export type PartnerRaiseFacts = {
  partnerId: string;
  registration: { id: string; accountId: string | null };
  /** Who the partner says came later: other partners' active registrations on the company and product line. */
  others: { id: string; partnerId: string }[];
  /** The direct team's open opportunity on the account, if any. */
  directOpportunity: { id: string; aeId: string | null } | null;
  note: string;
};

/** A partner on its own registration: "I was here first". */
export function partnerRaisedCase(f: PartnerRaiseFacts): CaseSpec {
  const otherPartners = [...new Set(f.others.map((o) => o.partnerId))].filter((p) => p !== f.partnerId);
  const direct = f.directOpportunity && otherPartners.length === 0;
  return {
    type: direct ? "DIRECT_VS_PARTNER" : "DUPLICATE_REGISTRATION",
    source: "PARTNER",
    parties: [
      { kind: "PARTNER", partnerId: f.partnerId },
      ...otherPartners.map((partnerId) => ({ kind: "PARTNER" as const, partnerId })),
      ...(f.directOpportunity ? [{ kind: "DIRECT" as const, userId: f.directOpportunity.aeId }] : []),
    ],
    registrationIds: [f.registration.id, ...f.others.map((o) => o.id)],
    accountId: f.registration.accountId,
    opportunityId: f.directOpportunity?.id ?? null,
    summary: "The partner says it registered this deal first.",
    note: f.note,
    subjectKey: `registration:${f.registration.id}`,
  };
}

/** The case's summary: never names the other party, since partners read it. */
export function summaryOf(type: ConflictType): string {
  switch (type) {
    case "DUPLICATE_REGISTRATION":
      return "Another partner already holds an active registration for this account and product line.";
    case "DIRECT_VS_PARTNER":
      return "The vendor's direct team has an open opportunity on this account.";
    case "NAMED_ACCOUNT":
      return "This is a named account reserved for the vendor's direct team.";
    case "PRICING_UNDERCUT":
      return "A discount was given on a deal under a partner's protection.";
    case "ATTRIBUTION_DISPUTE":
      return "The credit for a closed deal is disputed.";
  }
}
