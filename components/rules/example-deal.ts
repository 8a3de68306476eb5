// A lint example as a deal people can picture (docs/domain.md#lint): "A $200,000 Platform deal in the United States,
// Technology, a core product, …". Values read through the published rules' own wording (components/roe/plain-language.ts),
// so an amount, a country or a partner type reads the same here as in the rules partners see.
import type { Facts, FactField, Scalar } from "@/lib/rules";
import { valueText } from "@/components/roe/plain-language";
import { humanize } from "@/lib/format";

type Phrase = (v: Scalar | boolean) => string | null;

/** Facts after the head ("A $200,000 Platform deal in the United States"), in the order people ask about them. */
const PHRASES: [FactField, Phrase][] = [
  ["vertical", (v) => humanize(String(v))],
  ["productKind", (v) => valueText("productKind", v as Scalar)],
  ["accountTier", (v) => `${humanize(String(v)).toLowerCase()} account`],
  ["namedAccount", (v) => (v ? "a named account" : "not a named account")],
  ["regionDirectPresence", (v) => (v ? "direct presence in the region" : "no direct presence in the region")],
  ["region", (v) => `region ${String(v)}`],
  ["currency", (v) => (v === "USD" ? null : `in ${String(v)}`)],
  ["partnerId", () => "a specific partner"], // ids never reach the screen
  [
    "partnerType",
    (v) => `through ${/^[aeiou]/i.test(String(v)) ? "an" : "a"} ${valueText("partnerType", v as Scalar)} partner`,
  ],
  ["partnerTier", (v) => `${humanize(String(v)).toLowerCase()} tier`],
  [
    "registrationStatus",
    (v) => (v === "NONE" ? "no registration" : `registration ${valueText("registrationStatus", v as Scalar)}`),
  ],
  ["registeredFirst", (v) => (v ? "registered first" : "not registered first")],
  ["priorRoute", (v) => `already ${valueText("priorRoute", v as Scalar)}`],
  ["stage", (v) => `at stage ${humanize(String(v)).toLowerCase()}`],
  ["at", (v) => `decided ${valueText("at", v as Scalar)}`],
];

/** Country names English reads with "the": the United States, the Netherlands. */
const THE = /^(United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Czech Republic|Dominican Republic)/;

export function exampleDealText(facts: Facts): string {
  const has = (f: FactField) => facts[f] !== undefined && facts[f] !== null;
  const words = [
    has("acv") ? valueText("acv", facts.acv!) : null,
    has("productLine") ? facts.productLine! : null,
    "deal",
  ].filter(Boolean);
  let head = `${/^[aeiou]/i.test(String(words[0])) ? "An" : "A"} ${words.join(" ")}`;
  if (!has("acv")) head += " with no ACV given";
  if (has("country")) {
    const name = valueText("country", facts.country!);
    head += ` in ${THE.test(name) ? "the " : ""}${name}`;
  }
  const rest = PHRASES.flatMap(([field, phrase]) =>
    has(field) ? [phrase(facts[field] as Scalar | boolean)] : [],
  ).filter((p): p is string => p !== null);
  return [head, ...rest].join(", ");
}
