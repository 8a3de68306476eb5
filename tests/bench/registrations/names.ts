// Company names and domains for the scale seed and the load generator. Seeded accounts are built
// from English words ("Bluefield Alpine Software GmbH"); companies the load generator invents carry
// a coined word made of syllables ("Kavorimu Logistics Ltd"), so they never match a seeded account.
import type { Vertical } from "@/lib/rules/types";

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

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
  "Frontier",
  "Redwood",
  "Aspen",
  "Willow",
  "Juniper",
  "Birch",
  "Harvest",
  "Prairie",
  "Canyon",
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
const QUALIFIERS = [
  "",
  "",
  "",
  "Northern",
  "Pacific",
  "Atlantic",
  "Alpine",
  "Metro",
  "Continental",
  "United",
  "Global",
  "National",
  "First",
  "Central",
  "Western",
  "Eastern",
  "Southern",
  "Royal",
  "Modern",
  "Advanced",
  "Integrated",
  "Precision",
  "Allied",
  "General",
  "Consolidated",
];
const INDUSTRY: Readonly<Record<Vertical, readonly string[]>> = {
  TECHNOLOGY: ["Software", "Systems", "Technologies", "Labs", "Digital", "Networks", "Data", "Cloud", "Computing"],
  FINANCIAL_SERVICES: [
    "Bank",
    "Capital",
    "Financial",
    "Insurance",
    "Asset Management",
    "Securities",
    "Payments",
    "Credit",
  ],
  HEALTHCARE: ["Health", "Medical", "Clinics", "Hospital Group", "Pharma", "Biosciences", "Care", "Diagnostics"],
  GOVERNMENT: ["Transit Authority", "Water Board", "Port Authority", "Housing Agency", "Public Works"],
  MANUFACTURING: ["Manufacturing", "Industries", "Components", "Machinery", "Plastics", "Steel", "Fabrication"],
  MEDIA: ["Media", "Studios", "Publishing", "Broadcasting", "Entertainment", "Press"],
  BUSINESS_SERVICES: ["Consulting", "Partners", "Services", "Logistics", "Staffing", "Advisors", "Group"],
  EDUCATION: ["University", "College", "Academy", "Learning", "Institute"],
  HOSPITALITY: ["Hotels", "Resorts", "Hospitality", "Restaurants", "Travel"],
  RETAIL: ["Retail", "Stores", "Outfitters", "Markets", "Brands", "Apparel"],
  AUTOMOTIVE: ["Motors", "Automotive", "Auto Parts", "Mobility", "Vehicles"],
  ENERGY: ["Energy", "Power", "Utilities", "Solar", "Oil & Gas", "Renewables"],
};
const LEGAL: Readonly<Record<string, readonly string[]>> = {
  US: ["Inc.", "LLC", "Corp.", "Inc", ""],
  CA: ["Inc.", "Ltd."],
  GB: ["Ltd", "Limited", "PLC"],
  IE: ["Ltd", "DAC"],
  DE: ["GmbH", "AG", "GmbH & Co. KG"],
  AT: ["GmbH"],
  CH: ["AG", "SA"],
  FR: ["SA", "SAS", "S.A.R.L."],
  NL: ["B.V.", "N.V."],
  ES: ["S.L.", "S.A."],
  IT: ["S.p.A.", "S.r.l."],
  SE: ["AB"],
  DK: ["A/S"],
  PL: ["Sp. z o.o."],
  JP: ["K.K.", "Co., Ltd."],
  AU: ["Pty Ltd"],
  BR: ["Ltda.", "S.A."],
  MX: ["S.A. de C.V."],
};
const TLD: Readonly<Record<string, string>> = {
  US: "com",
  GB: "co.uk",
  AU: "com.au",
  BR: "com.br",
  JP: "co.jp",
  NZ: "co.nz",
  ZA: "co.za",
  IN: "co.in",
};

/** Country weights: a US-heavy customer base like most software vendors'; every other country 0.5. */
export const COUNTRY_WEIGHTS: Readonly<Record<string, number>> = {
  US: 30,
  GB: 8,
  DE: 8,
  FR: 5,
  CA: 4,
  JP: 4,
  AU: 3,
  NL: 3,
  BR: 2,
  IN: 2,
};

export function weighted<T>(r: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

/** A seeded-looking company: "Bluefield Alpine Software GmbH". */
export function companyName(r: Rand, vertical: Vertical, country: string): string {
  const words = [
    pick(r, STEMS) + pick(r, ENDINGS),
    pick(r, QUALIFIERS),
    pick(r, INDUSTRY[vertical]),
    pick(r, LEGAL[country] ?? ["Ltd", "Inc.", ""]),
  ];
  return words.filter(Boolean).join(" ");
}

const SYLLABLES = [
  "ka",
  "vo",
  "ri",
  "mu",
  "ze",
  "lo",
  "ta",
  "ni",
  "be",
  "su",
  "do",
  "fa",
  "gi",
  "ha",
  "je",
  "pu",
  "ro",
  "xi",
  "ye",
  "wa",
];

/** A word coined from a number: distinct numbers give distinct words ("Kavorimu"). */
function coinedWord(n: number): string {
  let word = "";
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  word += "n"; // ends in a consonant: never an English stem + ending
  return word[0].toUpperCase() + word.slice(1);
}

/** A company nobody has registered yet: the coined word makes it unique within a run. */
export function newCompanyName(r: Rand, n: number, vertical: Vertical, country: string): string {
  const words = [
    coinedWord(n),
    pick(r, QUALIFIERS),
    pick(r, INDUSTRY[vertical]),
    pick(r, LEGAL[country] ?? ["Ltd", "Inc.", ""]),
  ];
  return words.filter(Boolean).join(" ");
}

/** The website a company would have, from its normalized name: "bluefieldalpinesoftware.de". */
export function domainFor(r: Rand, nameKey: string, country: string): string {
  const slug = nameKey
    .replace(/\band\b/g, "")
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 40);
  const tld = TLD[country] ?? (r() < 0.6 ? country.toLowerCase() : "com");
  return `${slug}.${tld}`;
}

/** How people type a website: mostly bare, sometimes with www. or a full URL. */
export function typedDomain(r: Rand, domain: string): string {
  const x = r();
  if (x < 0.7) return domain;
  if (x < 0.9) return `www.${domain}`;
  return `https://www.${domain}/`;
}
