// The three maturity frameworks (docs/domain.md#maturity): their dimensions, stored by key in
// MaturityScore.dimension, and their stages. Pure: the seed, the assessment form, the charts and the
// council's "enablement gaps" (lib/db/maturity.ts maturityGaps) all read this one table.

export const FRAMEWORKS = ["RULES_OF_ENGAGEMENT", "PARTNER_DIRECT_ENABLEMENT", "CHANNEL_BALANCED_DEMAND"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** The indicators the data can measure (lib/maturity/indicators.ts); a dimension shows at most one. */
export const INDICATORS = [
  "engineRoutedShare",
  "conflictResolutionDays",
  "approvalSlaAttainment",
  "partnerSourcedShare",
  "discountLeakage",
  "handoffAcceptance",
] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

type Dimension = {
  key: string;
  label: string;
  /** what is assessed, in a sentence */
  question: string;
  indicator?: IndicatorKey;
};

export type Stage = { name: string; description: string };

export type FrameworkDef = {
  key: Framework;
  label: string;
  /** URL slug: /maturity/assess?framework=<slug> */
  slug: string;
  /** lowest stage first; scores map onto them (lib/maturity/scoring.ts stageOf) */
  stages: readonly Stage[];
  dimensions: readonly Dimension[];
};

const THREE_STAGES: readonly Stage[] = [
  {
    name: "Unwritten & Reactive",
    description: "No written rules; who gets a deal is argued case by case after the fact.",
  },
  {
    name: "Documented but Inconsistent",
    description: "The rules are written down, but applied unevenly across regions, teams and partners.",
  },
  {
    name: "Embedded & Data-Driven",
    description: "The system enforces the rules; exceptions are measured and the rules improved from the data.",
  },
];

const FIVE_STAGES: readonly Stage[] = [
  { name: "Ad hoc", description: "Done by individuals when needed; nothing is written or repeatable." },
  { name: "Emerging", description: "Some practice exists and is written down, but owners and coverage vary." },
  { name: "Defined", description: "A documented, owned process that most teams follow." },
  { name: "Managed", description: "The process is measured; gaps are reviewed and acted on regularly." },
  { name: "Operationalized", description: "Built into systems and incentives; improved every quarter from the data." },
];

export const FRAMEWORK_DEFS: Readonly<Record<Framework, FrameworkDef>> = {
  RULES_OF_ENGAGEMENT: {
    key: "RULES_OF_ENGAGEMENT",
    label: "Rules of engagement",
    slug: "rules-of-engagement",
    stages: THREE_STAGES,
    dimensions: [
      { key: "clarity", label: "Clarity", question: "Do the field and partners know who owns which deal, and why?" },
      {
        key: "systems_process",
        label: "Systems & process",
        question: "Do systems route deals by the rules, rather than people by hand?",
        indicator: "engineRoutedShare",
      },
      {
        key: "conflict_management",
        label: "Conflict management",
        question: "Are conflicts resolved quickly, consistently and with precedents?",
        indicator: "conflictResolutionDays",
      },
      {
        key: "partner_field_trust",
        label: "Partner & field trust",
        question: "Do partners and AEs trust that registrations are honoured on time?",
        indicator: "approvalSlaAttainment",
      },
      {
        key: "measurement_improvement",
        label: "Measurement & improvement",
        question: "Are the rules measured and changed from the data at the council?",
      },
    ],
  },
  PARTNER_DIRECT_ENABLEMENT: {
    key: "PARTNER_DIRECT_ENABLEMENT",
    label: "Partner–direct enablement",
    slug: "partner-direct-enablement",
    stages: FIVE_STAGES,
    dimensions: [
      {
        key: "rtm_strategy",
        label: "Route-to-market strategy",
        question: "Is it decided, and written, which segments each route serves?",
        indicator: "partnerSourcedShare",
      },
      {
        key: "coverage_targeting",
        label: "Coverage & targeting",
        question: "Does every account that needs a partner get one?",
        indicator: "handoffAcceptance",
      },
      {
        key: "deal_registration_roe",
        label: "Deal registration & RoE",
        question: "Are registrations decided within their SLA under published rules?",
        indicator: "approvalSlaAttainment",
      },
      {
        key: "partner_enablement",
        label: "Partner enablement",
        question: "Are partners trained and equipped to sell?",
      },
      {
        key: "direct_sales_enablement",
        label: "Direct sales enablement",
        question: "Do AEs know when and how to bring a partner in?",
      },
      {
        key: "attribution_compensation",
        label: "Attribution & compensation",
        question: "Is credit and pay for joint deals agreed, computed and trusted?",
      },
    ],
  },
  CHANNEL_BALANCED_DEMAND: {
    key: "CHANNEL_BALANCED_DEMAND",
    label: "Channel-balanced demand",
    slug: "channel-balanced-demand",
    stages: FIVE_STAGES,
    dimensions: [
      {
        key: "rtm_governance",
        label: "RTM governance",
        question: "Does a council govern the route mix with data and recorded decisions?",
        indicator: "engineRoutedShare",
      },
      {
        key: "partner_enablement",
        label: "Partner enablement",
        question: "Can partners generate demand on their own?",
      },
      {
        key: "lead_ops",
        label: "Lead ops",
        question: "Are leads routed to the right party and accepted promptly?",
        indicator: "handoffAcceptance",
      },
      {
        key: "attribution_kpis",
        label: "Attribution & KPIs",
        question: "Are sourced and influenced pipeline measured per route?",
        indicator: "partnerSourcedShare",
      },
      { key: "offer_strategy", label: "Offer strategy", question: "Are offers and bundles designed for each route?" },
      {
        key: "brand_pricing",
        label: "Brand & pricing",
        question: "Do all routes hold list price within agreed corridors?",
        indicator: "discountLeakage",
      },
    ],
  },
};

export function frameworkBySlug(slug: string): FrameworkDef | null {
  return Object.values(FRAMEWORK_DEFS).find((f) => f.slug === slug) ?? null;
}
