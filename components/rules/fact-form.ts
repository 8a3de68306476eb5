// Facts ⇄ the decision explorer's form strings. Money is typed in dollars and stored in integer
// cents; `at` is a datetime-local read as UTC, so the same input decides the same way for everyone.
import type { Facts } from "@/lib/rules";
import { dollarsText, parseDollars } from "@/lib/money";
import { FIELD_CATALOGUE, type FieldSpec } from "@/lib/rules/fields";
import { FACT_FIELDS, type FactField } from "@/lib/rules/values";

export type FactValues = Record<FactField, string>;
export type FactErrors = Partial<Record<FactField | "_", string[]>>;

export const EMPTY_VALUES = Object.fromEntries(FACT_FIELDS.map((f) => [f, ""])) as FactValues;

export function toValues(facts: Facts | null | undefined): FactValues {
  const values = { ...EMPTY_VALUES };
  if (!facts) return values;
  for (const field of FACT_FIELDS) {
    const v = facts[field];
    if (v === null || v === undefined) continue;
    const type = FIELD_CATALOGUE[field].type;
    if (type === "money" && typeof v === "number") values[field] = dollarsText(v);
    else if (type === "date") values[field] = new Date(String(v)).toISOString().slice(0, 16);
    else values[field] = String(v);
  }
  return values;
}

function parseOne(spec: FieldSpec, raw: string): { value?: Facts[FactField]; error?: string } {
  const text = raw.trim();
  if (text === "") return {};
  switch (spec.type) {
    case "money": {
      const cents = parseDollars(text);
      return cents === null ? { error: "Enter an amount in dollars, e.g. 250000 or 250,000.50." } : { value: cents };
    }
    case "number": {
      const n = Number(text);
      return Number.isFinite(n) ? { value: n } : { error: "Enter a number." };
    }
    case "boolean":
      return { value: text === "true" };
    case "date": {
      const d = new Date(`${text}Z`);
      return Number.isNaN(d.getTime()) ? { error: "Enter a date and time." } : { value: d.toISOString() };
    }
    case "enum":
      return spec.values?.includes(text)
        ? { value: text as Facts[FactField] }
        : { error: "Pick a value from the list." };
    case "string": {
      // codes (country, currency, region) are upper case; accept them typed in any case
      const upper = text.toUpperCase();
      const value = spec.pattern && !spec.pattern.test(text) && spec.pattern.test(upper) ? upper : text;
      if (spec.pattern && !spec.pattern.test(value))
        return {
          error: `Not a valid ${spec.label.toLowerCase()}${spec.examples?.[0] ? `, e.g. ${spec.examples[0]}` : ""}.`,
        };
      if (spec.maxLength && value.length > spec.maxLength) return { error: `At most ${spec.maxLength} characters.` };
      return { value };
    }
  }
}

/** Unset fields are left out: a missing fact is meaningful to the engine (docs/domain.md#rules-of-engagement). */
export function toFacts(values: FactValues): { facts: Facts; errors: FactErrors } {
  const facts: Record<string, unknown> = {};
  const errors: FactErrors = {};
  for (const field of FACT_FIELDS) {
    const { value, error } = parseOne(FIELD_CATALOGUE[field], values[field]);
    if (error) errors[field] = [error];
    else if (value !== undefined) facts[field] = value;
  }
  return { facts: facts as Facts, errors };
}
