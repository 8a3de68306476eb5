// The routing engine's own types (docs/domain.md#rules-of-engagement). Database rows are mapped to these in lib/db, so the
// engine never depends on Prisma's generated types.
import type {
  AccountTier,
  AttributionCategory,
  FactField,
  LeadRole,
  PartnerTier,
  PartnerType,
  ProductKind,
  RegistrationStatusFact,
  Route,
  Stage,
  Vertical,
} from "./values";

export * from "./values";
export * from "./fields";

/**
 * The facts of one routing decision. Every fact is optional: a fact that is absent (or null) is
 * "missing", and conditions on it follow the missing-fact semantics documented in conditions.ts.
 *
 * - `acv` is integer cents (never floats of dollars), compared without currency conversion: the
 *   caller converts to the rule set's currency before deciding.
 * - `at` is an ISO-8601 timestamp string (UTC, e.g. "2026-03-01T09:30:00.000Z"). A string rather
 *   than a Date because facts are stored as JSON with every RouteDecision and arrive as JSON on
 *   POST /api/v1/route-decisions; the engine parses it, so a decision never depends on object
 *   identity or on the host's time zone.
 */
export interface Facts {
  acv?: number | null;
  currency?: string | null;
  vertical?: Vertical | null;
  country?: string | null;
  region?: string | null;
  regionDirectPresence?: boolean | null;
  productLine?: string | null;
  productKind?: ProductKind | null;
  accountTier?: AccountTier | null;
  namedAccount?: boolean | null;
  partnerId?: string | null;
  partnerType?: PartnerType | null;
  partnerTier?: PartnerTier | null;
  registrationStatus?: RegistrationStatusFact | null;
  /** This partner's approved registration predates every other claim on the deal. */
  registeredFirst?: boolean | null;
  /** Route already assigned to this deal, if any. */
  priorRoute?: Route | null;
  stage?: Stage | null;
  at?: string | null;
}

// Compile-time guard: FACT_FIELDS and the Facts interface name exactly the same fields.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const factFieldsMatchFacts: SameKeys<FactField, keyof Facts> = true;
void factFieldsMatchFacts;

/** Numbers for money (integer cents) and number fields, ISO strings for dates, codes otherwise. */
export type Scalar = string | number;

type ComparisonOp = "eq" | "neq" | "gt" | "gte" | "lt" | "lte";
type ListOp = "in" | "notIn";
type UnaryOp = "isTrue" | "isFalse" | "exists";

/** One test on one fact. Which ops and value types fit which field: FIELD_CATALOGUE. */
export type Condition =
  | { field: FactField; op: ComparisonOp; value: Scalar }
  | { field: FactField; op: ListOp; value: readonly Scalar[] }
  /** Inclusive low, exclusive high: [low, high). */
  | { field: FactField; op: "between"; value: readonly [Scalar, Scalar] }
  | { field: FactField; op: UnaryOp; value?: null };

export interface Outcome {
  route: Route;
  leadRole: LeadRole;
  /** Days of registration protection granted on approval; null = no protection. */
  protectionDays: number | null;
  attributionCategory: AttributionCategory;
}

export interface DefaultOutcome extends Outcome {
  rationale?: string;
}

export interface Rule {
  id: string;
  /** Unique within the rule set; lower is tried first. */
  priority: number;
  name: string;
  /** All must hold (AND). An empty list matches every deal. */
  conditions: readonly Condition[];
  outcome: Outcome;
  /** Shown to people (partners, AEs) next to the decision. */
  rationale: string;
}

export interface RuleSet {
  id: string;
  version: number;
  rules: readonly Rule[];
  defaultOutcome: DefaultOutcome;
}

/** One rule tried during a decision, in the order tried. */
export interface TraceEntry {
  ruleId: string;
  priority: number;
  matched: boolean;
  /** e.g. "acv 312,000.00 ≥ 250,000.00 ✓; vertical HEALTHCARE not in [GOVERNMENT] ✗" */
  reason: string;
}

export interface Decision {
  route: Route;
  /** null when no rule matched and the default outcome applied. */
  ruleId: string | null;
  ruleName: string | null;
  rulePriority: number | null;
  ruleSetVersion: number;
  protectionDays: number | null;
  leadRole: LeadRole;
  attributionCategory: AttributionCategory;
  /** Every rule tried, up to and including the winner (all of them when the default applied). */
  trace: TraceEntry[];
}

/** The winner without its explanation: what the compiled evaluator's hot path returns. */
export interface Verdict {
  readonly ruleId: string | null;
  readonly rule: Rule | null;
  readonly route: Route;
  readonly outcome: Outcome;
}
