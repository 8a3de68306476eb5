// Word lists for plausible, fictional company names and domains. The legal suffix follows the
// country ("GmbH" in Germany, "K.K." in Japan), which also exercises the name normalizer.
import type { Vertical } from "../../lib/db/generated/sqlite/enums";
import type { Random } from "./random";

const STEMS = [
  "Blue",
  "North",
  "Silver",
  "Red",
  "Green",
  "Iron",
  "Bright",
  "Clear",
  "Summit",
  "Harbor",
  "Pioneer",
  "Crest",
  "Stone",
  "Oak",
  "Maple",
  "Cedar",
  "River",
  "Lake",
  "Sun",
  "Star",
  "Nova",
  "Apex",
  "Vertex",
  "Zenith",
  "Atlas",
  "Orion",
  "Vega",
  "Polar",
  "Eagle",
  "Falcon",
  "Granite",
  "Quantum",
  "Vector",
  "Prime",
  "Open",
  "True",
  "Swift",
  "Noble",
  "Golden",
  "Evergreen",
  "Horizon",
  "Sterling",
  "Cobalt",
  "Crimson",
  "Emerald",
  "Sapphire",
  "Ivory",
  "Copper",
  "Titan",
  "Meridian",
  "Beacon",
  "Liberty",
  "Heritage",
  "Frontier",
  "Lighthouse",
  "Redwood",
  "Aspen",
  "Willow",
  "Juniper",
  "Birch",
  "Harvest",
  "Prairie",
  "Canyon",
  "Mesa",
  "Coastal",
  "Tide",
  "Bay",
  "Highland",
  "Glacier",
  "Aurora",
  "Cascade",
  "Delta",
  "Echo",
  "Fjord",
  "Helix",
  "Indigo",
  "Jade",
  "Kestrel",
  "Lumen",
  "Mosaic",
  "Nimbus",
  "Onyx",
  "Pinnacle",
  "Radiant",
  "Sequoia",
  "Tundra",
  "Umber",
  "Vanguard",
  "West",
  "East",
  "South",
  "Crown",
];

const ENDINGS = [
  "field",
  "point",
  "gate",
  "bridge",
  "wood",
  "stone",
  "line",
  "view",
  "ridge",
  "way",
  "port",
  "works",
  "path",
  "light",
  "wave",
  "spring",
  "brook",
  "ford",
  "vale",
  "haven",
  "mark",
  "side",
  "peak",
  "rock",
];

const INDUSTRY_WORDS: Readonly<Record<Vertical, readonly string[]>> = {
  TECHNOLOGY: [
    "Software",
    "Systems",
    "Technologies",
    "Labs",
    "Digital",
    "Networks",
    "Data",
    "Cloud",
    "Computing",
    "Robotics",
  ],
  FINANCIAL_SERVICES: [
    "Bank",
    "Capital",
    "Financial",
    "Insurance",
    "Asset Management",
    "Securities",
    "Payments",
    "Trust",
    "Credit",
  ],
  HEALTHCARE: [
    "Health",
    "Medical",
    "Clinics",
    "Hospital Group",
    "Pharma",
    "Biosciences",
    "Care",
    "Diagnostics",
    "Therapeutics",
  ],
  GOVERNMENT: [
    "Transit Authority",
    "Water Board",
    "Port Authority",
    "Housing Agency",
    "Revenue Office",
    "Public Works",
  ],
  MANUFACTURING: [
    "Manufacturing",
    "Industries",
    "Industrial",
    "Components",
    "Machinery",
    "Plastics",
    "Steel",
    "Fabrication",
  ],
  MEDIA: ["Media", "Studios", "Publishing", "Broadcasting", "Entertainment", "Press", "Pictures"],
  BUSINESS_SERVICES: ["Consulting", "Partners", "Services", "Logistics", "Staffing", "Advisors", "Group"],
  EDUCATION: ["University", "College", "Academy", "Learning", "Institute of Technology", "School District"],
  HOSPITALITY: ["Hotels", "Resorts", "Hospitality", "Restaurants", "Travel", "Inns"],
  RETAIL: ["Retail", "Stores", "Outfitters", "Markets", "Brands", "Apparel", "Supply"],
  AUTOMOTIVE: ["Motors", "Automotive", "Auto Parts", "Mobility", "Vehicles"],
  ENERGY: ["Energy", "Power", "Utilities", "Solar", "Oil & Gas", "Renewables", "Grid"],
};

const LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  US: ["Inc.", "LLC", "Corp.", "Corporation", "Inc", "Co."],
  CA: ["Inc.", "Ltd.", "Corp."],
  GB: ["Ltd", "Limited", "PLC"],
  IE: ["Ltd", "Limited", "DAC"],
  DE: ["GmbH", "AG", "GmbH & Co. KG"],
  AT: ["GmbH", "AG"],
  CH: ["AG", "GmbH", "SA"],
  FR: ["SA", "SAS", "S.A.R.L."],
  BE: ["NV", "SA", "BV"],
  LU: ["S.A.", "S.à r.l."],
  NL: ["B.V.", "N.V."],
  ES: ["S.L.", "S.A."],
  PT: ["Lda", "S.A."],
  IT: ["S.p.A.", "S.r.l."],
  DK: ["A/S", "ApS"],
  SE: ["AB", "AB (publ)"],
  NO: ["AS", "ASA"],
  FI: ["Oy", "Oyj"],
  PL: ["Sp. z o.o.", "S.A."],
  CZ: ["s.r.o.", "a.s."],
  HU: ["Kft.", "Zrt."],
  JP: ["K.K.", "Co., Ltd."],
  AU: ["Pty Ltd", "Pty. Ltd.", "Limited"],
  NZ: ["Limited", "Ltd"],
  SG: ["Pte. Ltd.", "Ltd"],
  MY: ["Sdn. Bhd.", "Bhd."],
  IN: ["Pvt. Ltd.", "Private Limited", "Ltd"],
  BR: ["Ltda.", "S.A."],
  MX: ["S.A. de C.V.", "S. de R.L."],
  AR: ["S.A.", "S.R.L."],
  CL: ["S.A.", "SpA", "Ltda."],
};

const DEFAULT_LEGAL_FORMS = ["Ltd", "Limited", "Inc."];

const TLD: Readonly<Record<string, string>> = {
  US: "com",
  CA: "ca",
  GB: "co.uk",
  IE: "ie",
  DE: "de",
  AT: "at",
  CH: "ch",
  FR: "fr",
  BE: "be",
  LU: "lu",
  NL: "nl",
  ES: "es",
  PT: "pt",
  IT: "it",
  DK: "dk",
  SE: "se",
  NO: "no",
  FI: "fi",
  PL: "pl",
  CZ: "cz",
  HU: "hu",
  JP: "co.jp",
  AU: "com.au",
  NZ: "co.nz",
  SG: "com.sg",
  MY: "com.my",
  IN: "in",
  BR: "com.br",
  MX: "com.mx",
  AR: "com.ar",
  CL: "cl",
  ZA: "co.za",
  AE: "ae",
  KR: "co.kr",
  HK: "com.hk",
  TR: "com.tr",
};

/** Institutions carry no legal form ("Cedarbrook University", "Port Authority of Nova"). */
const INSTITUTIONAL: ReadonlySet<Vertical> = new Set<Vertical>(["GOVERNMENT", "EDUCATION"]);

function stem(rng: Random): string {
  // half single words ("Summit"), half compounds ("Stoneridge")
  return rng.chance(0.5) ? rng.pick(STEMS) : rng.pick(STEMS) + rng.pick(ENDINGS);
}

export interface CompanyName {
  name: string;
  /** The name's stem and industry word, lower-case and unpunctuated, for building a domain. */
  slug: string;
}

export function companyName(rng: Random, vertical: Vertical, country: string): CompanyName {
  const base = stem(rng);
  const industry = rng.pick(INDUSTRY_WORDS[vertical]);
  const slug = `${base}${industry.split(" ")[0]}`.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (INSTITUTIONAL.has(vertical)) {
    const name = rng.chance(0.4) && vertical === "GOVERNMENT" ? `${industry} of ${base}` : `${base} ${industry}`;
    return { name, slug };
  }
  const forms = LEGAL_FORMS[country] ?? DEFAULT_LEGAL_FORMS;
  const legal = rng.chance(0.75) ? ` ${rng.pick(forms)}` : "";
  const article = country === "US" && rng.chance(0.04) ? "The " : "";
  return { name: `${article}${base} ${industry}${legal}`, slug };
}

/** A domain for the company: public-sector names get .gov / .edu in the US. */
export function companyDomain(slug: string, vertical: Vertical, country: string): string {
  if (country === "US" && vertical === "GOVERNMENT") return `${slug}.gov`;
  if (country === "US" && vertical === "EDUCATION") return `${slug}.edu`;
  return `${slug}.${TLD[country] ?? "com"}`;
}

const FIRST_NAMES = [
  "James",
  "Mary",
  "Ahmed",
  "Sofia",
  "Wei",
  "Lucas",
  "Amara",
  "Hiroshi",
  "Elena",
  "Rahul",
  "Chloé",
  "Mateo",
  "Ingrid",
  "Kofi",
  "Yuki",
  "Noor",
];
const LAST_NAMES = [
  "Smith",
  "García",
  "Müller",
  "Tanaka",
  "Okafor",
  "Rossi",
  "Kowalski",
  "Nguyen",
  "Larsen",
  "Silva",
  "Dubois",
  "Patel",
  "Cohen",
  "Kim",
  "O'Brien",
  "Haddad",
];

/** A contact person's name, for registration descriptions. */
export function personName(rng: Random): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}
