// Closed value lists of the routing domain (docs/domain.md#data-model, docs/domain.md#rules-of-engagement). They mirror the Prisma enums but are
// declared here so that lib/rules stays free of the database client; a unit test keeps them in step.

export const ROUTES = ["PARTNER_LED", "CO_SELL", "DIRECT", "DIRECT_PARTNER_ATTACHED", "MARKETPLACE"] as const;
export type Route = (typeof ROUTES)[number];

export const LEAD_ROLES = ["PARTNER", "AE", "AE_AND_PARTNER"] as const;
export type LeadRole = (typeof LEAD_ROLES)[number];

export const ATTRIBUTION_CATEGORIES = [
  "DIRECT",
  "PARTNER_SOURCED",
  "PARTNER_COSELL",
  "PARTNER_INFLUENCED",
  "MARKETPLACE",
] as const;
export type AttributionCategory = (typeof ATTRIBUTION_CATEGORIES)[number];

export const VERTICALS = [
  "TECHNOLOGY",
  "FINANCIAL_SERVICES",
  "HEALTHCARE",
  "GOVERNMENT",
  "MANUFACTURING",
  "MEDIA",
  "BUSINESS_SERVICES",
  "EDUCATION",
  "HOSPITALITY",
  "RETAIL",
  "AUTOMOTIVE",
  "ENERGY",
] as const;
export type Vertical = (typeof VERTICALS)[number];

export const ACCOUNT_TIERS = ["STRATEGIC", "ENTERPRISE", "MIDMARKET", "SMB"] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

export const PRODUCT_KINDS = ["CORE", "ADDON", "SERVICES"] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const PARTNER_TYPES = ["RESELLER", "DISTRIBUTOR", "REFERRAL", "MSP", "MARKETPLACE"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_TIERS = ["PLATINUM", "GOLD", "SILVER", "REGISTERED"] as const;
export type PartnerTier = (typeof PARTNER_TIERS)[number];

// NONE is a fact value only (a deal without any registration); the Prisma enum has no NONE.
export const REGISTRATION_STATUS_FACTS = [
  "NONE",
  "SUBMITTED",
  "APPROVED",
  "REJECTED",
  "EXPIRED",
  "WITHDRAWN",
  "CONVERTED",
] as const;
export type RegistrationStatusFact = (typeof REGISTRATION_STATUS_FACTS)[number];

export const STAGES = ["PROSPECT", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST"] as const;
export type Stage = (typeof STAGES)[number];

export const RULE_SET_STATUSES = ["DRAFT", "PUBLISHED", "RETIRED"] as const;
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number];

export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "notIn",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "isTrue",
  "isFalse",
  "exists",
] as const;
export type Operator = (typeof OPERATORS)[number];

// Order matters only for display (UI condition builder, example fact sets).
export const FACT_FIELDS = [
  "acv",
  "currency",
  "vertical",
  "country",
  "region",
  "regionDirectPresence",
  "productLine",
  "productKind",
  "accountTier",
  "namedAccount",
  "partnerId",
  "partnerType",
  "partnerTier",
  "registrationStatus",
  "registeredFirst",
  "priorRoute",
  "stage",
  "at",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];
