// One concrete deal per lint finding (docs/domain.md#lint): a region of the fact space turned into facts a person can
// picture — "a $200,000 Platform deal in the United States, Technology" — rather than the first value of each cell.
// Every value is checked against what the finding claims (`holds`), so the example never contradicts its message.
import { cellOf } from "./cells";
import { conditionHolds } from "./conditions";
import { factFromValue, readFact, type FactValue } from "./facts";
import type { Box, PathStep, Space } from "./space";
import type { Facts, Rule } from "./types";
import type { FactField } from "./values";

/**
 * An ordinary deal: a mid-market technology account in North America with direct presence, the core Platform
 * product, a gold reseller with a submitted registration. Used wherever the region leaves a fact open.
 */
const TYPICAL: Facts = {
  currency: "USD",
  country: "US",
  region: "NA",
  regionDirectPresence: true,
  vertical: "TECHNOLOGY",
  productLine: "Platform",
  productKind: "CORE",
  accountTier: "MIDMARKET",
  namedAccount: false,
  partnerType: "RESELLER",
  partnerTier: "GOLD",
  registrationStatus: "SUBMITTED",
};
const TYPICAL_FIELDS = Object.keys(TYPICAL) as FactField[];
/** Facts a new deal has no value for: "missing" reads better than an invented history. */
const BETTER_MISSING: ReadonlySet<FactField> = new Set(["priorRoute", "stage", "registeredFirst"]);

export const matches = (rule: Rule, facts: Facts) =>
  rule.conditions.every((c) => conditionHolds(c, readFact(facts, c.field)));

/** The first rule (of rules in priority order) that matches, without building a trace: examples are checked often. */
export function firstMatch(rules: readonly Rule[], facts: Facts): Rule | undefined {
  return rules.find((rule) => matches(rule, facts));
}

/** The value an example takes on one axis, among the cells the region allows. */
function exampleValue(space: Space, axisIndex: number, cells: ArrayLike<number>): FactValue {
  const axis = space.axes[axisIndex];
  const samples = space.samples[axisIndex];
  const allowed = Array.from(cells).filter((c) => samples[c] !== null);
  const typical = readFact(TYPICAL, axis.field);
  if (typical !== undefined && allowed.includes(cellOf(axis, typical))) return typical;
  if (BETTER_MISSING.has(axis.field) && allowed.includes(axis.missingCell)) return undefined;
  const present = allowed.filter((c) => c !== axis.missingCell);
  if (present.length === 0) return undefined;
  // numeric: an open interval (even cell) over a boundary point, so $200,000 rather than exactly $150,000
  const cell = axis.kind === "numeric" ? (present.find((c) => (c & 1) === 0) ?? present[0]) : present[0];
  return samples[cell]!.value;
}

export function boxSteps(box: Box): PathStep[] {
  return box.flatMap((cells, axis) => (cells === null ? [] : [{ axis, cells }]));
}

/**
 * Facts inside the region: one value per constrained axis, then typical values for the facts the region leaves open,
 * each kept only if `holds` still does (a typical value could make a higher rule match).
 */
export function exampleOf(
  space: Space,
  steps: readonly PathStep[],
  holds: (facts: Facts) => boolean = () => true,
): Facts {
  const facts: Record<string, unknown> = {};
  const decided = new Set<FactField>();
  for (const { axis, cells } of steps) {
    const field = space.axes[axis].field;
    decided.add(field);
    const value = exampleValue(space, axis, cells);
    if (value !== undefined) facts[field] = factFromValue(field, value);
  }
  if (!holds(facts as Facts)) return facts as Facts;
  for (const field of TYPICAL_FIELDS) {
    if (decided.has(field)) continue;
    facts[field] = TYPICAL[field];
    if (!holds(facts as Facts)) delete facts[field];
  }
  return facts as Facts;
}
