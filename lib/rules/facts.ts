// Reading a fact the same way everywhere. The interpreter, the compiled evaluator, the linter and
// the trace formatter all go through these readers, which is what makes "missing" mean the same
// thing in each of them.
import { FIELD_CATALOGUE, type FieldType } from "./fields";
import { parseInstant } from "./instant";
import type { Facts, Scalar } from "./types";
import type { FactField } from "./values";

/**
 * A fact after normalisation: numbers for money/number fields, epoch milliseconds for dates,
 * strings for codes, booleans for flags. `undefined` means missing: absent, null, or of the wrong
 * type (an unparseable date, a string where cents are expected). Facts are validated at the API
 * boundary, so the wrong-type case only guards against unvalidated callers.
 */
export type FactValue = number | string | boolean | undefined;
export type FactReader = (facts: Facts) => FactValue;

function asNumber(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function asEpochMs(v: unknown): number | undefined {
  if (typeof v !== "string") return undefined;
  const ms = parseInstant(v);
  return ms === ms ? ms : undefined; // NaN check without a call
}

function asString(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function asBoolean(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

// One closure per field with a static property access: these run on the compiled evaluator's hot
// path, and a keyed `facts[field]` load is markedly slower than `facts.acv`.
export const FACT_READERS: Readonly<Record<FactField, FactReader>> = Object.freeze({
  acv: (f: Facts) => asNumber(f.acv),
  currency: (f: Facts) => asString(f.currency),
  vertical: (f: Facts) => asString(f.vertical),
  country: (f: Facts) => asString(f.country),
  region: (f: Facts) => asString(f.region),
  regionDirectPresence: (f: Facts) => asBoolean(f.regionDirectPresence),
  productLine: (f: Facts) => asString(f.productLine),
  productKind: (f: Facts) => asString(f.productKind),
  accountTier: (f: Facts) => asString(f.accountTier),
  namedAccount: (f: Facts) => asBoolean(f.namedAccount),
  partnerId: (f: Facts) => asString(f.partnerId),
  partnerType: (f: Facts) => asString(f.partnerType),
  partnerTier: (f: Facts) => asString(f.partnerTier),
  registrationStatus: (f: Facts) => asString(f.registrationStatus),
  registeredFirst: (f: Facts) => asBoolean(f.registeredFirst),
  priorRoute: (f: Facts) => asString(f.priorRoute),
  stage: (f: Facts) => asString(f.stage),
  at: (f: Facts) => asEpochMs(f.at),
});

export function readFact(facts: Facts, field: FactField): FactValue {
  return FACT_READERS[field](facts);
}

/**
 * A condition operand in the same normalised form as the fact it is compared with. Rule sets are
 * validated before they are saved; an operand that still does not fit (NaN, an unparseable date)
 * is a programming error and throws rather than silently never matching.
 */
export function operandValue(field: FactField, value: Scalar): number | string {
  const type: FieldType = FIELD_CATALOGUE[field].type;
  if (type === "date") {
    const ms = asEpochMs(value);
    if (ms === undefined) throw new TypeError(`Invalid date operand for ${field}: ${String(value)}`);
    return ms;
  }
  if (type === "money" || type === "number") {
    const n = asNumber(value);
    if (n === undefined) throw new TypeError(`Invalid numeric operand for ${field}: ${String(value)}`);
    return n;
  }
  return String(value);
}

/** Builds a Facts object back from normalised values (dates become ISO strings again). */
export function factFromValue(field: FactField, value: FactValue): Facts[FactField] {
  if (value === undefined) return undefined;
  if (FIELD_CATALOGUE[field].type === "date" && typeof value === "number") return new Date(value).toISOString();
  return value as Facts[FactField];
}
