// Resolving a case (docs/domain.md#resolutions-and-their-effects): whether a resolution is valid for
// the case, and what it changes: the losing registrations' status, the opportunity's route and
// partner, and the credit per party that attribution uses. Pure: lib/db/conflict-writes.ts applies
// the effects in the same transaction as the RESOLVED event and the audit event.
import type { Resolution } from "./types";

export type ResolutionInput = {
  resolution: Resolution;
  rationale: string;
  tags: string[];
  /** AWARD_PARTNER: the winning partner's party (optional when the case has one partner party). */
  winnerPartyId?: string | null;
  /** SPLIT: credit % per party, summing to exactly 100. */
  splits?: { partyId: string; creditPct: number }[] | null;
};

type CaseParty = { id: string; kind: "PARTNER" | "DIRECT"; partnerId: string | null };
/** partnerClaimKey: null once the registration holds no claim (lib/registrations/lifecycle.ts holdsClaim). */
type CaseRegistration = { id: string; partnerId: string; status: string; partnerClaimKey?: string | null };
type CaseOpportunity = { id: string; route: string | null; partnerId: string | null };

export type CaseForResolution = {
  parties: CaseParty[];
  registrations: CaseRegistration[];
  opportunity: CaseOpportunity | null;
};

/**
 * A losing registration: awaiting a decision → REJECTED; approved → EXPIRED; converted → stays
 * CONVERTED (its deal lives on) with its protection ended now.
 */
export type RegistrationEffect = {
  registrationId: string;
  from: "SUBMITTED" | "APPROVED" | "CONVERTED";
  to: "REJECTED" | "EXPIRED" | "CONVERTED";
};
type Active = CaseRegistration & { status: RegistrationEffect["from"] };

export type ResolutionEffects = {
  /** Credit % per party (every party, when the resolution assigns credit); empty: attribution's own rules apply. */
  credit: { partyId: string; creditPct: number }[];
  /** Active registrations that lose the claim. */
  losers: RegistrationEffect[];
  /** Active registrations that keep (or, once approved, take) the claim. */
  winners: string[];
  /** The opportunity's new route and partner; null: unchanged. */
  opportunity: { id: string; route: "PARTNER_LED" | "DIRECT" | "CO_SELL"; partnerId: string | null } | null;
};

export type Validation = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

const fail = (field: string, message: string): Validation => ({
  ok: false,
  message,
  fieldErrors: { [field]: [message] },
});

/** Credit percentages are compared in hundredths, so 33.33 + 33.33 + 33.34 is exactly 100. */
const hundredths = (pct: number) => Math.round(pct * 100);

export function validateResolution(input: ResolutionInput, c: CaseForResolution): Validation {
  if (!input.rationale.trim()) return fail("rationale", "Write the rationale for this decision");
  const partners = c.parties.filter((p) => p.kind === "PARTNER");
  if (input.resolution === "AWARD_PARTNER") {
    if (partners.length === 0) return fail("resolution", "No partner is party to this case");
    if (!input.winnerPartyId && partners.length > 1) return fail("winnerPartyId", "Choose the partner that wins");
    if (input.winnerPartyId && !partners.some((p) => p.id === input.winnerPartyId))
      return fail("winnerPartyId", "The winner must be a partner on this case");
  }
  if (input.resolution === "CO_SELL" && partners.length === 0)
    return fail("resolution", "Co-selling needs a partner on the case");
  if (input.resolution === "SPLIT") {
    const splits = input.splits ?? [];
    if (splits.length < 2) return fail("splits", "Give a credit % to at least two parties");
    const seen = new Set<string>();
    for (const s of splits) {
      if (!c.parties.some((p) => p.id === s.partyId))
        return fail("splits", "Every split must name a party on this case");
      if (seen.has(s.partyId)) return fail("splits", "Give each party one credit %");
      seen.add(s.partyId);
      if (!(s.creditPct >= 0 && s.creditPct <= 100)) return fail("splits", "Each credit % is between 0 and 100");
    }
    const total = splits.reduce((sum, s) => sum + hundredths(s.creditPct), 0);
    if (total !== 10_000)
      return fail("splits", `The credit % must add up to exactly 100 (they add up to ${total / 100})`);
  }
  return { ok: true };
}

// lib/registrations/lifecycle.ts holdsClaim, on what a case loads (this module stays free of other domains)
const isActive = (r: CaseRegistration): r is Active =>
  r.status === "SUBMITTED" || r.status === "APPROVED" || (r.status === "CONVERTED" && r.partnerClaimKey != null);

const LOSING: Record<Active["status"], RegistrationEffect["to"]> = {
  SUBMITTED: "REJECTED",
  APPROVED: "EXPIRED",
  CONVERTED: "CONVERTED",
};

function lose(r: Active): RegistrationEffect {
  return { registrationId: r.id, from: r.status, to: LOSING[r.status] };
}

/** The effects of a valid resolution (validateResolution first). */
export function resolutionEffects(input: ResolutionInput, c: CaseForResolution): ResolutionEffects {
  const active = c.registrations.filter(isActive);
  const none: ResolutionEffects = { credit: [], losers: [], winners: [], opportunity: null };
  switch (input.resolution) {
    case "AWARD_PARTNER": {
      const winner = input.winnerPartyId
        ? c.parties.find((p) => p.id === input.winnerPartyId)!
        : c.parties.find((p) => p.kind === "PARTNER")!;
      const partnerId = winner.partnerId;
      return {
        credit: c.parties.map((p) => ({ partyId: p.id, creditPct: p.id === winner.id ? 100 : 0 })),
        losers: active.filter((r) => r.partnerId !== partnerId).map(lose),
        winners: active.filter((r) => r.partnerId === partnerId).map((r) => r.id),
        opportunity: c.opportunity ? { id: c.opportunity.id, route: "PARTNER_LED", partnerId } : null,
      };
    }
    case "AWARD_DIRECT":
      return {
        credit: c.parties.map((p) => ({ partyId: p.id, creditPct: p.kind === "DIRECT" ? 100 : 0 })),
        losers: active.map(lose),
        winners: [],
        opportunity: c.opportunity ? { id: c.opportunity.id, route: "DIRECT", partnerId: null } : null,
      };
    case "SPLIT": {
      const given = new Map((input.splits ?? []).map((s) => [s.partyId, s.creditPct]));
      return { ...none, credit: c.parties.map((p) => ({ partyId: p.id, creditPct: given.get(p.id) ?? 0 })) };
    }
    case "CO_SELL": {
      const partners = c.parties.filter((p) => p.kind === "PARTNER");
      // the opportunity's own partner when it is on the case, else the only partner on it
      const partnerId =
        partners.find((p) => p.partnerId === c.opportunity?.partnerId)?.partnerId ??
        (partners.length === 1 ? partners[0].partnerId : (c.opportunity?.partnerId ?? null));
      return { ...none, opportunity: c.opportunity ? { id: c.opportunity.id, route: "CO_SELL", partnerId } : null };
    }
    case "DISMISSED":
      return none;
  }
}

/** Precedent tags as stored: trimmed, lower-case, without duplicates or empties, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/**
 * The outcome in a partner party's words (docs/domain.md#what-partners-see): what it means for this
 * partner, never naming or counting the other parties.
 */
export function partnerOutcome(
  resolution: Resolution,
  effects: ResolutionEffects,
  mine: { partyId: string; partnerId: string },
): string {
  switch (resolution) {
    case "AWARD_PARTNER":
      return effects.credit.find((c) => c.partyId === mine.partyId)?.creditPct === 100
        ? "Decided in your favour: your registration keeps the claim."
        : "Decided for another party: your registration no longer holds the claim.";
    case "AWARD_DIRECT":
      return "Decided for the vendor's direct team: your registration no longer holds the claim.";
    case "SPLIT":
      return `The credit is split: your company receives ${effects.credit.find((c) => c.partyId === mine.partyId)?.creditPct ?? 0} %.`;
    case "CO_SELL":
      return effects.opportunity?.partnerId === mine.partnerId
        ? "The deal is co-sold by the vendor's team and your company."
        : "The deal is co-sold; your registration is unchanged.";
    case "DISMISSED":
      return "The case was dismissed: nothing changes.";
  }
}
