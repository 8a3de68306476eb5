// The conflict domain's own types (docs/domain.md#conflicts-and-escalation). Pure: no database, no
// framework; lib/db maps rows to these.
export const CONFLICT_TYPES = [
  "DUPLICATE_REGISTRATION",
  "DIRECT_VS_PARTNER",
  "NAMED_ACCOUNT",
  "PRICING_UNDERCUT",
  "ATTRIBUTION_DISPUTE",
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

export const CONFLICT_SOURCES = ["REGISTRATION", "AE", "PARTNER", "PRICING", "ATTRIBUTION"] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export const RESOLUTIONS = ["AWARD_PARTNER", "AWARD_DIRECT", "SPLIT", "CO_SELL", "DISMISSED"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** One side of a case: a partner, or the vendor's direct team (its AE when known). */
export type PartySpec = { kind: "PARTNER"; partnerId: string } | { kind: "DIRECT"; userId: string | null };
