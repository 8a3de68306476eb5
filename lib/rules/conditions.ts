// The meaning of each operator — the single definition both evaluators are tested against.
//
// Missing facts (absent, null or of the wrong type; see facts.ts):
// - `neq` and `notIn` HOLD on a missing fact: "vertical is not GOVERNMENT" is true of a deal with
//   no vertical. This keeps neq/notIn the exact complements of eq/in, which the linter relies on,
//   and matches how a person reads "not".
// - every other operator FAILS on a missing fact, including `isFalse` (unknown is not false) and
//   range tests; `exists` is the explicit presence test.
import { operandValue, type FactValue } from "./facts";
import type { Condition } from "./types";

/** A condition's operand normalised like facts are (dates as epoch ms). */
export type Operand = number | string | readonly (number | string)[] | undefined;

export function normalizeOperand(c: Condition): Operand {
  switch (c.op) {
    case "in":
    case "notIn":
    case "between":
      return c.value.map((v) => operandValue(c.field, v));
    case "isTrue":
    case "isFalse":
    case "exists":
      return undefined;
    default:
      return operandValue(c.field, c.value);
  }
}

export function testCondition(op: Condition["op"], v: FactValue, operand: Operand): boolean {
  switch (op) {
    case "exists":
      return v !== undefined;
    case "isTrue":
      return v === true;
    case "isFalse":
      return v === false;
    case "eq":
      return v !== undefined && v === operand;
    case "neq":
      return v === undefined || v !== operand;
    case "in":
      return v !== undefined && (operand as readonly (number | string)[]).includes(v as number | string);
    case "notIn":
      return v === undefined || !(operand as readonly (number | string)[]).includes(v as number | string);
    case "gt":
      return typeof v === "number" && v > (operand as number);
    case "gte":
      return typeof v === "number" && v >= (operand as number);
    case "lt":
      return typeof v === "number" && v < (operand as number);
    case "lte":
      return typeof v === "number" && v <= (operand as number);
    case "between": {
      const [low, high] = operand as readonly number[];
      return typeof v === "number" && v >= low && v < high;
    }
  }
}

/** Convenience for one-off checks; evaluators normalise operands once instead. */
export function conditionHolds(c: Condition, v: FactValue): boolean {
  return testCondition(c.op, v, normalizeOperand(c));
}
