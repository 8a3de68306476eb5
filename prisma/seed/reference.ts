// Reference data every install needs (docs/domain.md#demo-data), whether or not it loads the demo company:
// sales regions with their countries, and the default application settings.

export interface RegionSpec {
  code: string;
  name: string;
  /** Does the vendor have a direct sales team there? Rule 30 of the default RoE reads this. */
  directPresence: boolean;
  /** ISO 3166-1 alpha-2; a country belongs to exactly one region. */
  countries: readonly string[];
}

export const REGIONS: readonly RegionSpec[] = [
  { code: "NA", name: "North America", directPresence: true, countries: ["US", "CA"] },
  {
    code: "EMEA-WEST",
    name: "EMEA West",
    directPresence: true,
    countries: [
      "GB",
      "IE",
      "FR",
      "DE",
      "NL",
      "BE",
      "LU",
      "CH",
      "AT",
      "ES",
      "PT",
      "IT",
      "DK",
      "SE",
      "NO",
      "FI",
      "IS",
      "LI",
      "MC",
    ],
  },
  {
    code: "EMEA-SECONDARY",
    name: "EMEA Secondary markets",
    directPresence: false,
    countries: [
      "PL",
      "CZ",
      "AE",
      "ZA",
      "SA",
      "TR",
      "IL",
      "EG",
      "HU",
      "RO",
      "GR",
      "SK",
      "NG",
      "KE",
      "BG",
      "HR",
      "SI",
      "EE",
      "LV",
      "LT",
      "RS",
      "CY",
      "MT",
      "UA",
      "QA",
      "KW",
      "BH",
      "OM",
      "JO",
      "MA",
      "TN",
      "GH",
    ],
  },
  {
    code: "APAC",
    name: "Asia-Pacific",
    directPresence: false,
    countries: ["SG", "AU", "JP", "IN", "NZ", "KR", "HK", "MY", "ID", "TH", "PH", "VN", "TW", "CN", "BD", "PK", "LK"],
  },
  {
    code: "LATAM",
    name: "Latin America",
    directPresence: false,
    countries: ["BR", "MX", "AR", "CL", "CO", "PE", "UY", "EC", "CR", "PA", "DO", "GT", "PY", "BO"],
  },
];

export {
  SETTING_KEYS,
  DEFAULT_SETTINGS,
  REGISTRATION_SLA_BUSINESS_DAYS,
  CONFLICT_SLA_BUSINESS_DAYS,
} from "../../lib/settings";

export interface SegmentSpec {
  name: string;
  description: string;
  criteria: {
    acvMinCents?: number;
    acvMaxCents?: number;
    verticals?: string[];
    regions?: string[];
    productKinds?: string[];
    accountTiers?: string[];
  };
}

/** "Who leads where", as partners read the default rules of engagement (docs/domain.md#data-model, docs/domain.md#the-default-rule-set). */
export const SEGMENTS: readonly SegmentSpec[] = [
  {
    name: "Named strategic accounts",
    description: "Strategic accounts reserved for the direct team; partners may attach.",
    criteria: { accountTiers: ["STRATEGIC"] },
  },
  {
    name: "Partner-only regions",
    description: "Regions without a direct sales team: partners lead every deal.",
    criteria: { regions: ["EMEA-SECONDARY", "APAC", "LATAM"] },
  },
  {
    name: "Specialized verticals under $1M",
    description: "Healthcare, government and financial services deals below $1M ACV are partner-led.",
    criteria: { verticals: ["HEALTHCARE", "GOVERNMENT", "FINANCIAL_SERVICES"], acvMaxCents: 100_000_000 },
  },
  {
    name: "Services and add-ons",
    description: "Implementation services and add-on products are partner-led.",
    criteria: { productKinds: ["ADDON", "SERVICES"] },
  },
  {
    name: "Commercial (under $250K)",
    description: "Core platform deals below $250K ACV are partner-led.",
    criteria: { productKinds: ["CORE"], acvMaxCents: 25_000_000 },
  },
  {
    name: "Mid-market co-sell ($250K–$1M)",
    description: "Core platform deals from $250K to $1M ACV are co-sold by an AE and a partner.",
    criteria: { productKinds: ["CORE"], acvMinCents: 25_000_000, acvMaxCents: 100_000_000 },
  },
  {
    name: "Enterprise direct ($1M and above)",
    description: "Deals of $1M ACV and above are led by the direct team with a partner attached.",
    criteria: { acvMinCents: 100_000_000 },
  },
];
