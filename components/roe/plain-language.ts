// The published rules of engagement in sentences a partner reads without knowing the engine:
// "If the customer's industry is Healthcare or Government and the deal's ACV is under $1,000,000,
// then the deal is partner-led, led by the partner, protected for 90 days." Server-side only text.
// Partner ids in rules are never spelled out: a partner must not learn which other partners a
// rule names (docs/domain.md#roles-and-visibility).
import type { Condition, FactField, LeadRole, Outcome, Route, Scalar } from "@/lib/rules";
import { dollarsText } from "@/lib/rules/value-text";
import { formatDate, humanize } from "@/lib/format";

const SUBJECT: Partial<Record<FactField, string>> = {
  acv: "the deal's ACV",
  currency: "the deal's currency",
  vertical: "the customer's industry",
  country: "the customer's country",
  region: "the customer's sales region",
  productLine: "the product line",
  productKind: "the product",
  accountTier: "the customer's account tier",
  partnerTier: "the partner's program tier",
  registrationStatus: "the deal registration",
  stage: "the deal's stage",
  at: "the decision date",
};

/** [holds, does not hold] for each yes/no fact. */
const FLAG: Partial<Record<FactField, [string, string]>> = {
  regionDirectPresence: [
    "the vendor has a direct sales team in the customer's region",
    "the vendor has no direct sales team in the customer's region",
  ],
  namedAccount: ["the customer is a named account reserved for the direct team", "the customer is not a named account"],
  registeredFirst: [
    "the partner registered the deal before any other claim",
    "another claim on the deal came before the partner's registration",
  ],
};

const KIND_TEXT: Record<string, string> = { CORE: "a core product", ADDON: "an add-on", SERVICES: "services" };
const PRIOR_ROUTE_TEXT: Record<string, string> = {
  PARTNER_LED: "partner-led",
  CO_SELL: "co-sold",
  DIRECT: "direct",
  DIRECT_PARTNER_ATTACHED: "direct with a partner attached",
  MARKETPLACE: "a marketplace deal",
};
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

export function valueText(field: FactField, v: Scalar): string {
  if (field === "acv" && typeof v === "number") return dollarsText(v);
  if (field === "at") return formatDate(String(v));
  if (field === "country") return countryNames.of(String(v)) ?? String(v);
  if (field === "productKind") return KIND_TEXT[String(v)] ?? humanize(String(v));
  if (field === "partnerType" && v === "MSP") return "MSP";
  if (field === "priorRoute") return PRIOR_ROUTE_TEXT[String(v)] ?? humanize(String(v)).toLowerCase();
  if (field === "registrationStatus" || field === "partnerType" || field === "stage")
    return humanize(String(v)).toLowerCase();
  if (field === "currency" || field === "region" || field === "productLine") return String(v);
  return humanize(String(v));
}

/** "A", "A or B", "A, B or C". */
export function oxford(items: string[], word: "and" | "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

function partnerIdText(c: Condition, ownPartnerId: string | null): string {
  const values =
    c.op === "eq" || c.op === "neq"
      ? [c.value as Scalar]
      : c.op === "in" || c.op === "notIn"
        ? [...(c.value as readonly Scalar[])]
        : [];
  const includesYou = ownPartnerId !== null && values.includes(ownPartnerId);
  if (c.op === "exists") return "a partner is on the deal";
  const positive = c.op === "eq" || c.op === "in";
  if (includesYou && values.length === 1)
    return positive ? "your company is the partner on the deal" : "the partner on the deal is not your company";
  const who = includesYou ? "your company or one of a few other specific partners" : "one of a few specific partners";
  return positive ? `the partner on the deal is ${who}` : `the partner on the deal is not ${who}`;
}

const RANGE = {
  gt: ["is more than", "is after"],
  gte: ["is", "is on or after"],
  lt: ["is under", "is before"],
  lte: ["is at most", "is on or before"],
} as const;

function conditionSentence(c: Condition, ownPartnerId: string | null): string {
  if (c.field === "partnerId") return partnerIdText(c, ownPartnerId);
  const flag = FLAG[c.field];
  if (flag && (c.op === "isTrue" || c.op === "isFalse")) return c.op === "isTrue" ? flag[0] : flag[1];
  const list = (vs: readonly Scalar[]) =>
    oxford(
      vs.map((v) => valueText(c.field, v)),
      "or",
    );
  const one = (v: Scalar) => valueText(c.field, v);
  const isDate = c.field === "at";
  // a few facts read better as a statement about the deal than as "<subject> is <value>"
  if (c.field === "partnerType" && ["eq", "in", "neq", "notIn"].includes(c.op)) {
    const vs = c.op === "eq" || c.op === "neq" ? [c.value as Scalar] : (c.value as readonly Scalar[]);
    const kinds = list(vs);
    const article = /^[aeiou]/i.test(kinds) || kinds.startsWith("MSP") ? "an" : "a";
    return `the partner is ${c.op === "neq" || c.op === "notIn" ? "not " : ""}${article} ${kinds} partner`;
  }
  if (c.field === "priorRoute" && (c.op === "eq" || c.op === "in"))
    return `the deal is already ${list(c.op === "eq" ? [c.value as Scalar] : (c.value as readonly Scalar[]))}`;
  if (c.field === "registrationStatus" && c.op === "eq" && c.value === "NONE") return "there is no deal registration";
  const subject = SUBJECT[c.field] ?? humanize(c.field).toLowerCase();
  switch (c.op) {
    case "eq":
      return `${subject} is ${one(c.value)}`;
    case "neq":
      return `${subject} is not ${one(c.value)}`;
    case "in":
      return `${subject} is ${list(c.value)}`;
    case "notIn":
      return `${subject} is not ${list(c.value)}`;
    case "gte":
      return isDate ? `${subject} ${RANGE.gte[1]} ${one(c.value)}` : `${subject} is ${one(c.value)} or more`;
    case "gt":
    case "lt":
    case "lte":
      return `${subject} ${RANGE[c.op][isDate ? 1 : 0]} ${one(c.value)}`;
    case "between":
      return isDate
        ? `${subject} is on or after ${one(c.value[0])} and before ${one(c.value[1])}`
        : `${subject} is at least ${one(c.value[0])} and under ${one(c.value[1])}`;
    case "exists":
      return `${subject} is known`;
    case "isTrue":
      return `${subject} is yes`;
    case "isFalse":
      return `${subject} is no`;
  }
}

export function conditionsSentence(conditions: readonly Condition[], ownPartnerId: string | null): string {
  return conditions.length === 0
    ? "a deal reaches this rule"
    : oxford(
        conditions.map((c) => conditionSentence(c, ownPartnerId)),
        "and",
      );
}

const ROUTE_TEXT: Record<Route, string> = {
  PARTNER_LED: "the deal is partner-led",
  CO_SELL: "the deal is co-sold by the partner and the vendor",
  DIRECT: "the vendor sells the deal direct",
  DIRECT_PARTNER_ATTACHED: "the vendor sells the deal direct with a partner attached",
  MARKETPLACE: "the deal is transacted through the marketplace",
};

const LEAD_TEXT: Record<LeadRole, string> = {
  PARTNER: "the partner",
  AE: "the vendor's account executive",
  AE_AND_PARTNER: "the vendor's account executive together with the partner",
};

const routeText = (r: Route) => ROUTE_TEXT[r];
export const leadText = (l: LeadRole) => LEAD_TEXT[l];
export const protectionText = (days: number | null) =>
  days === null ? "with no registration protection" : `protected for ${days} day${days === 1 ? "" : "s"}`;

/** "the deal is partner-led, led by the partner, protected for 90 days" */
export function outcomeSentence(o: Outcome): string {
  return `${routeText(o.route)}, led by ${leadText(o.leadRole)}, ${protectionText(o.protectionDays)}`;
}
