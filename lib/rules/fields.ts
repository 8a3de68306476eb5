// The field catalogue: for every fact, its value type and the operators that make sense on it.
// The zod schemas, the evaluators, the linter and the UI condition builder all read this one table,
// so adding a fact means adding one entry here.
import {
  ACCOUNT_TIERS,
  PARTNER_TIERS,
  PARTNER_TYPES,
  PRODUCT_KINDS,
  REGISTRATION_STATUS_FACTS,
  ROUTES,
  STAGES,
  VERTICALS,
  type FactField,
  type Operator,
} from "./values";

export type FieldType = "money" | "number" | "enum" | "boolean" | "string" | "date";

/** Field types whose values are ordered and compared as numbers (dates as epoch milliseconds). */
const NUMERIC_FIELD_TYPES: readonly FieldType[] = ["money", "number", "date"];

// Ordered types get ranges but not lists (a list of exact amounts is never what a rule means);
// codes get lists but not ranges; flags only get truth tests.
export const OPS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  money: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists"],
  date: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists"],
  enum: ["eq", "neq", "in", "notIn", "exists"],
  string: ["eq", "neq", "in", "notIn", "exists"],
  boolean: ["isTrue", "isFalse", "exists"],
};

export interface FieldSpec {
  readonly field: FactField;
  readonly label: string;
  readonly type: FieldType;
  readonly ops: readonly Operator[];
  readonly description: string;
  /** enum fields: the closed list of values. */
  readonly values?: readonly string[];
  /** string fields: the shape a value must have. */
  readonly pattern?: RegExp;
  readonly maxLength?: number;
  /** string fields: plausible values, used by the linter to build example fact sets. */
  readonly examples?: readonly string[];
}

function spec(
  field: FactField,
  type: FieldType,
  label: string,
  description: string,
  extra: Partial<Pick<FieldSpec, "values" | "pattern" | "maxLength" | "examples">> = {},
): FieldSpec {
  return Object.freeze({ field, type, label, description, ops: OPS_BY_TYPE[type], ...extra });
}

export const FIELD_CATALOGUE: Readonly<Record<FactField, FieldSpec>> = Object.freeze({
  acv: spec("acv", "money", "ACV", "Annual contract value of the deal, in dollars."),
  currency: spec("currency", "string", "Currency", "ISO 4217 code of the deal's ACV.", {
    pattern: /^[A-Z]{3}$/,
    maxLength: 3,
    examples: ["USD", "EUR", "GBP", "JPY", "XXX"],
  }),
  vertical: spec("vertical", "enum", "Vertical", "The account's industry.", { values: VERTICALS }),
  country: spec("country", "string", "Country", "ISO 3166-1 alpha-2 code of the account.", {
    pattern: /^[A-Z]{2}$/,
    maxLength: 2,
    examples: ["US", "GB", "DE", "SG", "BR", "XX"],
  }),
  region: spec("region", "string", "Region", "Sales region code, derived from the account's country.", {
    pattern: /^[A-Z][A-Z0-9-]{0,31}$/,
    maxLength: 32,
    examples: ["NA", "EMEA-WEST", "EMEA-SECONDARY", "APAC", "LATAM", "OTHER"],
  }),
  regionDirectPresence: spec(
    "regionDirectPresence",
    "boolean",
    "Direct presence in region",
    "Whether the vendor has a direct sales team in the account's region.",
  ),
  productLine: spec("productLine", "string", "Product line", "Name of the product line being sold.", {
    pattern: /^\S(?:.*\S)?$/,
    maxLength: 100,
    examples: ["Platform", "Analytics", "Implementation", "Other product"],
  }),
  productKind: spec("productKind", "enum", "Product kind", "Core product, add-on or services.", {
    values: PRODUCT_KINDS,
  }),
  accountTier: spec("accountTier", "enum", "Account tier", "The account's segment tier.", {
    values: ACCOUNT_TIERS,
  }),
  namedAccount: spec("namedAccount", "boolean", "Named account", "The account is reserved for direct sales."),
  partnerId: spec("partnerId", "string", "Partner", "The partner on the deal, if any.", {
    pattern: /^[A-Za-z0-9_-]+$/,
    maxLength: 64,
    examples: ["partner-1", "partner-2", "other-partner"],
  }),
  partnerType: spec("partnerType", "enum", "Partner type", "Type of the partner on the deal.", {
    values: PARTNER_TYPES,
  }),
  partnerTier: spec("partnerTier", "enum", "Partner tier", "Program tier of the partner on the deal.", {
    values: PARTNER_TIERS,
  }),
  registrationStatus: spec(
    "registrationStatus",
    "enum",
    "Registration status",
    "Status of the partner's deal registration (NONE when there is none).",
    { values: REGISTRATION_STATUS_FACTS },
  ),
  registeredFirst: spec(
    "registeredFirst",
    "boolean",
    "Registered first",
    "This partner's approved registration predates every other claim.",
  ),
  priorRoute: spec("priorRoute", "enum", "Prior route", "Route already assigned to this deal, if any.", {
    values: ROUTES,
  }),
  stage: spec("stage", "enum", "Stage", "Pipeline stage of the opportunity.", { values: STAGES }),
  at: spec("at", "date", "Decision time", "When the decision is taken (ISO-8601, UTC)."),
});

export function fieldSpec(field: FactField): FieldSpec {
  return FIELD_CATALOGUE[field];
}

export function isNumericField(field: FactField): boolean {
  return NUMERIC_FIELD_TYPES.includes(FIELD_CATALOGUE[field].type);
}
