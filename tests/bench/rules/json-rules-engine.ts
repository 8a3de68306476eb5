// json-rules-engine (v7) configured for FIRST-hit semantics, as fairly as its API allows:
//
// - one engine Rule per rule, `priority` = rank from the bottom (higher runs sooner in
//   json-rules-engine, lower runs sooner in ours), so priorities are unique and every priority
//   set holds exactly one rule: rules are tried strictly one after another, in our order;
// - conditions translated one-to-one under `all`, each with a descending condition priority so the
//   engine tries them in their written order and stops at the first that fails (with equal
//   priorities it evaluates every condition of a rule in parallel, which is slower here);
// - `engine.stop()` in the first `success` event, so no later rule is evaluated, and the winning
//   rule id read from that event;
// - `allowUndefinedFacts: true`, the deal passed as runtime facts (absent facts → undefined).
//
// Missing facts (lib/rules/conditions.ts, facts.ts: absent, null or of the wrong type) behave as in
// our evaluators: equal/in/notEqual/notIn already do, since operands are normalised like our facts
// (numbers for money, strings for codes) and `===` never matches a missing or mistyped value; the
// numeric comparisons are re-registered with our validator (finite numbers only: the built-in one
// accepts numeric strings and Infinity); `exists` is a custom operator; and date fields go through
// a custom `date:` operator decorator that parses the ISO string like our fact reader does
// (parseInstant, unparseable → missing) and compares epoch milliseconds, as we do.
import { Engine, Operator, OperatorDecorator, type RuleProperties } from "json-rules-engine";
import { normalizeOperand } from "@/lib/rules/conditions";
import { rulesInPriorityOrder } from "@/lib/rules/decision";
import { parseInstant } from "@/lib/rules/instant";
import { FIELD_CATALOGUE, type Condition, type Facts, type FieldType, type RuleSet } from "@/lib/rules/types";

const isFiniteNumber = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);

function epochMs(v: unknown): number | undefined {
  if (typeof v !== "string") return undefined;
  const ms = parseInstant(v);
  return ms === ms ? ms : undefined;
}

/** Our fact readers' notion of "present", per field type (facts.ts). */
function present(v: unknown, type: FieldType): boolean {
  switch (type) {
    case "money":
    case "number":
      return isFiniteNumber(v);
    case "date":
      return epochMs(v) !== undefined;
    case "boolean":
      return typeof v === "boolean";
    default:
      return typeof v === "string";
  }
}

const OPERATORS = [
  new Operator<unknown, number>("greaterThan", (a, b) => (a as number) > b, isFiniteNumber),
  new Operator<unknown, number>("greaterThanInclusive", (a, b) => (a as number) >= b, isFiniteNumber),
  new Operator<unknown, number>("lessThan", (a, b) => (a as number) < b, isFiniteNumber),
  new Operator<unknown, number>("lessThanInclusive", (a, b) => (a as number) <= b, isFiniteNumber),
  new Operator<unknown, FieldType>("exists", (a, type) => present(a, type)),
];
const DATE = new OperatorDecorator<unknown, unknown, number | undefined, unknown>("date", (fact, operand, next) =>
  next(epochMs(fact), operand),
);

type Leaf = { operator: string; value: unknown };

function leaves(c: Condition): Leaf[] {
  const operand = normalizeOperand(c);
  switch (c.op) {
    case "eq":
      return [{ operator: "equal", value: operand }];
    case "neq":
      return [{ operator: "notEqual", value: operand }];
    case "in":
      return [{ operator: "in", value: operand }];
    case "notIn":
      return [{ operator: "notIn", value: operand }];
    case "gt":
      return [{ operator: "greaterThan", value: operand }];
    case "gte":
      return [{ operator: "greaterThanInclusive", value: operand }];
    case "lt":
      return [{ operator: "lessThan", value: operand }];
    case "lte":
      return [{ operator: "lessThanInclusive", value: operand }];
    case "between": {
      const [low, high] = operand as readonly number[];
      return [
        { operator: "greaterThanInclusive", value: low },
        { operator: "lessThan", value: high },
      ];
    }
    case "isTrue":
      return [{ operator: "equal", value: true }];
    case "isFalse":
      return [{ operator: "equal", value: false }];
    case "exists":
      return [{ operator: "exists", value: FIELD_CATALOGUE[c.field].type }];
  }
}

type EngineCondition = Leaf & { fact: string; priority: number };

function conditions(rule: RuleSet["rules"][number]): EngineCondition[] {
  const flat = rule.conditions.flatMap((c) => {
    const date = FIELD_CATALOGUE[c.field].type === "date" && c.op !== "exists";
    return leaves(c).map((leaf) => ({
      fact: c.field,
      operator: date ? `date:${leaf.operator}` : leaf.operator,
      value: leaf.value,
    }));
  });
  // Descending condition priorities: evaluated in written order, stopping at the first failure.
  return flat.map((c, j) => ({ ...c, priority: flat.length - j }));
}

/**
 * An evaluator over one engine. Runs must not overlap (the engine's stop/status is per engine,
 * not per run); the harness awaits each deal before the next.
 */
export function jsonRulesEngineEvaluator(ruleSet: RuleSet): (facts: Facts) => Promise<string | null> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of OPERATORS) engine.addOperator(op as Operator);
  engine.addOperatorDecorator(DATE as OperatorDecorator);
  const ordered = rulesInPriorityOrder(ruleSet);
  ordered.forEach((rule, i) => {
    const properties: RuleProperties = {
      name: rule.id,
      priority: ordered.length - i, // ≥ 1, unique, higher first
      conditions: { all: conditions(rule) },
      event: { type: "winner", params: { ruleId: rule.id } },
    };
    engine.addRule(properties);
  });

  let winner: string | null = null;
  engine.on("success", (event) => {
    if (winner !== null) return;
    winner = event.params!.ruleId as string;
    engine.stop();
  });
  return async (facts) => {
    winner = null;
    await engine.run(facts as Record<string, unknown>);
    return winner;
  };
}
