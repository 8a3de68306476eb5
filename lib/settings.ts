// Application settings (AppSetting rows) and their install defaults. Read with lib/db/settings.ts.

/** Keys of the AppSetting rows the application reads; values below are the install defaults. */
export const SETTING_KEYS = {
  registrationSlaBusinessDays: "registration.slaBusinessDays",
  maxProtectionExtensions: "registration.maxExtensions",
  dormantDays: "registration.dormantDays",
  conflictSlaBusinessDays: "conflict.slaBusinessDaysByLevel",
  partnerSourcedQuotaShare: "attribution.partnerSourcedQuotaShare",
  partnerMarginPctByTier: "attribution.partnerMarginPctByTier",
  cosellSpiffBands: "attribution.cosellSpiffBands",
  forecastMinClosedDeals: "forecast.minClosedDeals",
  apiRateLimitPerMinute: "api.rateLimitPerMinute",
  outboxRetryHours: "outbox.retryHours",
  handoffAcceptanceSlaBusinessDays: "handoff.acceptanceSlaBusinessDays",
  demo: "demo",
} as const;

/**
 * Co-sell SPIFF per supported partner deal, by ACV band (docs/domain.md#attribution-and-pay): $500 under
 * $250K, $1,000 from $250K to under $1M, $2,000 from $1M. Each band starts at its minimum (inclusive).
 * (Until issue 12 the default had four bands, with $1,500 from $500K; the issue fixes these three.)
 */
export const COSELL_SPIFF_BANDS = [
  { minAcvCents: 0, spiffCents: 50_000 },
  { minAcvCents: 25_000_000, spiffCents: 100_000 },
  { minAcvCents: 100_000_000, spiffCents: 200_000 },
] as const;

/** Share of ACV credited to the AE's quota on a partner-sourced (or marketplace) deal; co-sell counts in full. */
export const PARTNER_SOURCED_QUOTA_SHARE = 0.5;

/** Partner margin % by tier, on the deals the partner sources, co-sells or transacts. */
export const PARTNER_MARGIN_PCT_BY_TIER = { PLATINUM: 30, GOLD: 25, SILVER: 20, REGISTERED: 15 } as const;

/** Review SLA of a submitted registration, in business days (docs/domain.md#registration-lifecycle). */
export const REGISTRATION_SLA_BUSINESS_DAYS = 2;

/** Level 1..4 conflict SLAs in business days (docs/domain.md#conflicts-and-escalation). */
export const CONFLICT_SLA_BUSINESS_DAYS = [2, 3, 5, 5] as const;

export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  [SETTING_KEYS.registrationSlaBusinessDays]: REGISTRATION_SLA_BUSINESS_DAYS,
  [SETTING_KEYS.maxProtectionExtensions]: 2,
  [SETTING_KEYS.dormantDays]: 60,
  [SETTING_KEYS.conflictSlaBusinessDays]: [...CONFLICT_SLA_BUSINESS_DAYS],
  [SETTING_KEYS.partnerSourcedQuotaShare]: PARTNER_SOURCED_QUOTA_SHARE,
  [SETTING_KEYS.partnerMarginPctByTier]: { ...PARTNER_MARGIN_PCT_BY_TIER },
  [SETTING_KEYS.cosellSpiffBands]: COSELL_SPIFF_BANDS.map((band) => ({ ...band })),
  // below this many closed deals a category × stage uses the stage's default win rate (docs/domain.md#forecast-and-revenue-council)
  [SETTING_KEYS.forecastMinClosedDeals]: 20,
  // requests a minute per API key (README "Security"); 0 turns the limit off
  [SETTING_KEYS.apiRateLimitPerMinute]: 600,
  // an e-mail that keeps failing is retried (with backoff) for this long before it is FAILED
  [SETTING_KEYS.outboxRetryHours]: 24,
  // a partner accepts or declines a hand-off offer within this many business days (docs/domain.md#hand-offs)
  [SETTING_KEYS.handoffAcceptanceSlaBusinessDays]: 2,
};
