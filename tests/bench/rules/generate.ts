// Deterministic, realistic workloads for the rules benchmark: rule sets shaped like a large
// company's rules of engagement (territory × vertical × product carve-outs with ACV bands and
// date windows, a few broad fallbacks at the bottom) and deals drawn from plausible distributions.
import {
  ACCOUNT_TIERS,
  PARTNER_TIERS,
  PARTNER_TYPES,
  REGISTRATION_STATUS_FACTS,
  ROUTES,
  STAGES,
  VERTICALS,
  type Condition,
  type Facts,
  type Outcome,
  type Rule,
  type RuleSet,
} from "@/lib/rules/types";

/** mulberry32: tiny, fast, good enough for workloads; same seed → same numbers everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
function subset<T>(r: Rand, xs: readonly T[], min: number, max: number): T[] {
  const k = min + Math.floor(r() * (max - min + 1));
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

const REGIONS: Record<string, { presence: boolean; countries: string[] }> = {
  NA: { presence: true, countries: ["US", "CA"] },
  "EMEA-WEST": { presence: true, countries: ["GB", "IE", "FR", "DE", "NL", "ES", "IT", "SE"] },
  "EMEA-SECONDARY": { presence: false, countries: ["PL", "CZ", "AE", "ZA", "TR"] },
  APAC: { presence: false, countries: ["SG", "AU", "JP", "IN", "KR"] },
  LATAM: { presence: false, countries: ["BR", "MX", "AR", "CL", "CO"] },
};
const REGION_CODES = Object.keys(REGIONS);
const PRODUCTS = [
  { line: "Platform", kind: "CORE" },
  { line: "Analytics", kind: "ADDON" },
  { line: "Implementation", kind: "SERVICES" },
] as const;
const DOLLARS = [0, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000];
const BANDS = DOLLARS.map((d) => d * 100);
const QUARTERS = Array.from({ length: 13 }, (_, i) =>
  new Date(Date.UTC(2024 + Math.floor(i / 4), (i % 4) * 3, 1)).toISOString(),
);
const PARTNERS = Array.from({ length: 200 }, (_, i) => `partner-${i + 1}`);

function makeDeal(r: Rand): Facts {
  const region = pick(r, REGION_CODES);
  const product = r() < 0.6 ? PRODUCTS[0] : r() < 0.6 ? PRODUCTS[1] : PRODUCTS[2];
  const hasPartner = r() < 0.7;
  const acvDollars = Math.min(20_000_000, Math.max(1_000, Math.exp(Math.log(150_000) + 1.2 * gaussian(r))));
  const status = hasPartner ? pick(r, REGISTRATION_STATUS_FACTS.slice(1)) : "NONE";
  const facts: Facts = {
    acv: Math.round(acvDollars) * 100,
    currency: r() < 0.8 ? "USD" : pick(r, ["EUR", "GBP"]),
    vertical: pick(r, VERTICALS),
    country: pick(r, REGIONS[region].countries),
    region,
    regionDirectPresence: REGIONS[region].presence,
    productLine: product.line,
    productKind: product.kind,
    accountTier: pick(r, ACCOUNT_TIERS),
    namedAccount: r() < 0.05,
    partnerId: hasPartner ? pick(r, PARTNERS) : null,
    partnerType: hasPartner ? pick(r, PARTNER_TYPES) : null,
    partnerTier: hasPartner ? pick(r, PARTNER_TIERS) : null,
    registrationStatus: status,
    registeredFirst: status === "APPROVED" ? r() < 0.8 : false,
    priorRoute: r() < 0.3 ? pick(r, ROUTES) : null,
    stage: pick(r, STAGES),
    at: new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 3 * 365 * 86_400_000)).toISOString(),
  };
  // A few facts go missing, as they do in real data.
  for (const key of Object.keys(facts) as (keyof Facts)[]) if (r() < 0.02) facts[key] = null as never;
  return facts;
}

function gaussian(r: Rand): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export function makeDeals(count: number, seed: number): Facts[] {
  const r = prng(seed);
  return Array.from({ length: count }, () => makeDeal(r));
}

const CONDITION_MAKERS: ((r: Rand) => Condition)[] = [
  (r) => {
    const i = Math.floor(r() * (BANDS.length - 1));
    const j = i + 1 + Math.floor(r() * Math.min(2, BANDS.length - 1 - i));
    return r() < 0.8
      ? { field: "acv", op: "between", value: [BANDS[i], BANDS[j]] }
      : { field: "acv", op: r() < 0.5 ? "lt" : "gte", value: BANDS[j] };
  },
  (r) => {
    const i = Math.floor(r() * (QUARTERS.length - 1));
    const j = Math.min(QUARTERS.length - 1, i + 1 + Math.floor(r() * 4));
    return r() < 0.7
      ? { field: "at", op: "between", value: [QUARTERS[i], QUARTERS[j]] }
      : { field: "at", op: "gte", value: QUARTERS[i] };
  },
  (r) => ({ field: "vertical", op: r() < 0.85 ? "in" : "notIn", value: subset(r, VERTICALS, 1, 3) }),
  (r) =>
    r() < 0.5
      ? { field: "region", op: "eq", value: pick(r, REGION_CODES) }
      : { field: "region", op: "in", value: subset(r, REGION_CODES, 1, 2) },
  (r) => ({ field: "country", op: "in", value: subset(r, REGIONS[pick(r, REGION_CODES)].countries, 1, 3) }),
  (r) => ({ field: "productKind", op: "eq", value: pick(r, PRODUCTS).kind }),
  (r) => ({ field: "productLine", op: "eq", value: pick(r, PRODUCTS).line }),
  (r) => ({ field: "accountTier", op: "in", value: subset(r, ACCOUNT_TIERS, 1, 2) }),
  (r) => ({ field: "partnerType", op: r() < 0.7 ? "eq" : "neq", value: pick(r, PARTNER_TYPES) }),
  (r) => ({ field: "partnerTier", op: "in", value: subset(r, PARTNER_TIERS, 1, 2) }),
  (r) => ({ field: "stage", op: "in", value: subset(r, STAGES, 1, 3) }),
  (r) =>
    r() < 0.5
      ? { field: "registrationStatus", op: "eq", value: "APPROVED" }
      : { field: "registrationStatus", op: "in", value: subset(r, REGISTRATION_STATUS_FACTS, 1, 3) },
  (r) => ({
    field: pick(r, ["namedAccount", "regionDirectPresence", "registeredFirst"] as const),
    op: r() < 0.5 ? "isTrue" : "isFalse",
  }),
  (r) =>
    r() < 0.5 ? { field: "partnerId", op: "exists" } : { field: "partnerId", op: "eq", value: pick(r, PARTNERS) },
  (r) => ({ field: "priorRoute", op: "eq", value: pick(r, ROUTES) }),
  (r) => ({ field: "currency", op: "eq", value: pick(r, ["USD", "EUR", "GBP"]) }),
];

const OUTCOMES: Outcome[] = [
  { route: "PARTNER_LED", leadRole: "PARTNER", protectionDays: 90, attributionCategory: "PARTNER_SOURCED" },
  { route: "CO_SELL", leadRole: "AE_AND_PARTNER", protectionDays: 90, attributionCategory: "PARTNER_COSELL" },
  { route: "DIRECT", leadRole: "AE", protectionDays: null, attributionCategory: "DIRECT" },
  { route: "DIRECT_PARTNER_ATTACHED", leadRole: "AE", protectionDays: null, attributionCategory: "PARTNER_COSELL" },
  { route: "MARKETPLACE", leadRole: "PARTNER", protectionDays: 30, attributionCategory: "MARKETPLACE" },
];

const FALLBACKS: Pick<Rule, "name" | "conditions" | "outcome">[] = [
  {
    name: "Fallback: marketplace",
    conditions: [{ field: "partnerType", op: "eq", value: "MARKETPLACE" }],
    outcome: OUTCOMES[4],
  },
  { name: "Fallback: under 250K", conditions: [{ field: "acv", op: "lt", value: 25_000_000 }], outcome: OUTCOMES[0] },
  {
    name: "Fallback: 250K–1M",
    conditions: [{ field: "acv", op: "between", value: [25_000_000, 100_000_000] }],
    outcome: OUTCOMES[1],
  },
  { name: "Fallback: partner attached", conditions: [{ field: "partnerId", op: "exists" }], outcome: OUTCOMES[3] },
];

// Every carve-out is scoped (to a partner, to a few countries, or to a region and vertical) the way
// large rule books are, then narrowed by 2–4 further conditions; so a deal usually passes many
// rules before one applies, and a sizeable share reaches the fallbacks.
const SCOPES: ((r: Rand) => Condition[])[] = [
  (r) => [{ field: "partnerId", op: "eq", value: pick(r, PARTNERS) }],
  (r) => [{ field: "country", op: "in", value: subset(r, REGIONS[pick(r, REGION_CODES)].countries, 1, 2) }],
  (r) => [
    { field: "region", op: "eq", value: pick(r, REGION_CODES) },
    { field: "vertical", op: "in", value: subset(r, VERTICALS, 1, 2) },
  ],
];

/** `count` rules: scoped carve-outs, then the broad fallbacks. */
export function makeRuleSet(count: number, seed: number): RuleSet {
  const r = prng(seed);
  const specific = Math.max(0, count - FALLBACKS.length);
  const rules: Rule[] = [];
  for (let i = 0; i < specific; i++) {
    const scope = pick(r, SCOPES)(r);
    const scoped = new Set(scope.map((c) => c.field));
    const more = subset(r, CONDITION_MAKERS, 2, 4)
      .map((make) => make(r))
      .filter((c) => !scoped.has(c.field));
    rules.push({
      id: `r${i + 1}`,
      priority: (i + 1) * 10,
      name: `Carve-out ${i + 1}`,
      conditions: [...scope, ...more],
      outcome: pick(r, OUTCOMES),
      rationale: "",
    });
  }
  FALLBACKS.slice(0, count - specific).forEach((f, k) =>
    rules.push({ id: `fallback-${k + 1}`, priority: (specific + k + 1) * 10, rationale: "", ...f }),
  );
  return { id: `bench-${count}`, version: 1, rules, defaultOutcome: OUTCOMES[2] };
}
