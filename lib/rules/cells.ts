// Partition of each fact's values into "cells": the coarsest pieces on which every rule of a rule
// set behaves the same. Numeric facts are cut at every boundary any rule mentions (each boundary is
// its own point cell, so inclusive and exclusive ends are exact); coded facts get one cell per value
// any rule mentions plus one for "any other value". Every axis ends with a cell for "missing".
//
// The compiled evaluator turns these into per-cell bitsets of rules; the linter searches the
// product of cells for examples. Both read one partition, so they cannot disagree about boundaries.
import { fullBitset, setBit, clearBit, type Bitset } from "./bitset";
import { FACT_READERS, operandValue, type FactReader, type FactValue } from "./facts";
import { FIELD_CATALOGUE, isNumericField } from "./fields";
import type { Condition, Rule } from "./types";
import type { FactField } from "./values";

/** Sorted, disjoint, half-open cell ranges, flattened: [start0, end0, start1, end1, …]. */
export type CellRanges = number[];

interface AxisBase {
  readonly field: FactField;
  readonly read: FactReader;
  readonly cellCount: number;
  /** Always the last cell. */
  readonly missingCell: number;
}
interface NumericAxis extends AxisBase {
  readonly kind: "numeric";
  /** Every operand any rule compares this fact with, ascending. Cell 2j+1 is exactly bounds[j]. */
  readonly bounds: Float64Array;
}
interface DiscreteAxis extends AxisBase {
  readonly kind: "discrete";
  /** Values some rule names; cell i is values[i], cell values.length is "any other value". */
  readonly values: readonly (string | boolean)[];
  readonly cellOfValue: ReadonlyMap<string | boolean, number>;
  readonly otherCell: number;
}
export type Axis = NumericAxis | DiscreteAxis;

export function buildAxis(field: FactField, conditions: readonly Condition[]): Axis {
  const read = FACT_READERS[field];
  const spec = FIELD_CATALOGUE[field];
  if (isNumericField(field)) {
    const operands = new Set<number>();
    for (const c of conditions) {
      if (c.op === "isTrue" || c.op === "isFalse" || c.op === "exists") continue;
      const raw = Array.isArray(c.value) ? c.value : [c.value];
      for (const v of raw) operands.add(operandValue(field, v) as number);
    }
    const bounds = Float64Array.from([...operands].sort((a, b) => a - b));
    const cellCount = 2 * bounds.length + 2;
    return { kind: "numeric", field, read, bounds, cellCount, missingCell: cellCount - 1 };
  }
  let values: (string | boolean)[];
  if (spec.type === "boolean") {
    values = [true, false];
  } else {
    const named = new Set<string>();
    for (const c of conditions) {
      if (c.op === "eq" || c.op === "neq") named.add(String(c.value));
      if (c.op === "in" || c.op === "notIn") for (const v of c.value) named.add(String(v));
    }
    // Catalogue order for enums, sorted otherwise: cell numbering (and so lint output) is stable.
    values = spec.values ? spec.values.filter((v) => named.has(v)) : [...named].sort();
    for (const v of [...named].sort()) if (!values.includes(v)) values.push(v);
  }
  const cellOfValue = new Map(values.map((v, i) => [v, i] as const));
  const cellCount = values.length + 2;
  return {
    kind: "discrete",
    field,
    read,
    values,
    cellOfValue,
    otherCell: values.length,
    cellCount,
    missingCell: cellCount - 1,
  };
}

/** Upper bound: how many bounds are ≤ x. */
function countAtOrBelow(bounds: Float64Array, x: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function cellOf(axis: Axis, v: FactValue): number {
  if (v === undefined) return axis.missingCell;
  if (axis.kind === "numeric") {
    if (typeof v !== "number") return axis.missingCell;
    const j = countAtOrBelow(axis.bounds, v);
    return j > 0 && axis.bounds[j - 1] === v ? 2 * j - 1 : 2 * j;
  }
  const cell = axis.cellOfValue.get(v as string | boolean); // discrete readers never yield numbers
  return cell === undefined ? axis.otherCell : cell;
}

function pointCell(axis: Axis, operand: string | number): number {
  const v = axis.kind === "numeric" ? operandValue(axis.field, operand) : String(operand);
  const cell = cellOf(axis, v);
  if (axis.kind === "numeric" ? (cell & 1) === 0 : cell >= axis.otherCell) {
    throw new Error(`Operand ${String(operand)} of ${axis.field} is not on its axis`);
  }
  return cell;
}

function complement(ranges: CellRanges, cellCount: number): CellRanges {
  const out: CellRanges = [];
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i] > at) out.push(at, ranges[i]);
    at = ranges[i + 1];
  }
  if (at < cellCount) out.push(at, cellCount);
  return out;
}

function singles(cells: number[]): CellRanges {
  const sorted = [...new Set(cells)].sort((a, b) => a - b);
  const out: CellRanges = [];
  for (const c of sorted) {
    if (out.length > 0 && out[out.length - 1] === c) out[out.length - 1] = c + 1;
    else out.push(c, c + 1);
  }
  return out;
}

export function intersectRanges(a: CellRanges, b: CellRanges): CellRanges {
  const out: CellRanges = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i], b[j]);
    const end = Math.min(a[i + 1], b[j + 1]);
    if (start < end) out.push(start, end);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

/** The cells on which one condition holds (see conditions.ts for the missing-fact semantics). */
export function conditionCells(axis: Axis, c: Condition): CellRanges {
  if (!FIELD_CATALOGUE[c.field].ops.includes(c.op)) {
    throw new Error(`Operator ${c.op} does not apply to ${c.field}`);
  }
  const present = axis.missingCell; // cells [0, missingCell) hold a present value
  switch (c.op) {
    case "exists":
      return [0, present];
    case "isTrue":
    case "isFalse":
      return singles([(axis as DiscreteAxis).cellOfValue.get(c.op === "isTrue")!]);
    case "eq":
      return singles([pointCell(axis, c.value)]);
    case "neq":
      return complement(singles([pointCell(axis, c.value)]), axis.cellCount);
    case "in":
      return singles(c.value.map((v) => pointCell(axis, v)));
    case "notIn":
      return complement(singles(c.value.map((v) => pointCell(axis, v))), axis.cellCount);
    case "gt":
      return [pointCell(axis, c.value) + 1, present];
    case "gte":
      return [pointCell(axis, c.value), present];
    case "lt":
      return [0, pointCell(axis, c.value)];
    case "lte":
      return [0, pointCell(axis, c.value) + 1];
    case "between": {
      const low = pointCell(axis, c.value[0]);
      const high = pointCell(axis, c.value[1]);
      return low < high ? [low, high] : [];
    }
  }
}

/** Cells on which all of a rule's conditions on this axis hold; null when it has none. */
export function ruleCells(axis: Axis, rule: Rule): CellRanges | null {
  let ranges: CellRanges | null = null;
  for (const c of rule.conditions) {
    if (c.field !== axis.field) continue;
    const cells = conditionCells(axis, c);
    ranges = ranges === null ? cells : intersectRanges(ranges, cells);
  }
  return ranges;
}

/**
 * For every cell, the bitset of rules (by position) that accept it. Built by a sweep over cells
 * with start/end events per rule range, so the cost is cells × words + ranges rather than
 * cells × rules; consecutive cells without events share one bitset.
 */
export function cellMasks(axis: Axis, acceptance: readonly (CellRanges | null)[]): Bitset[] {
  const ruleCount = acceptance.length;
  const starts: number[][] = Array.from({ length: axis.cellCount + 1 }, () => []);
  const ends: number[][] = Array.from({ length: axis.cellCount + 1 }, () => []);
  const current = fullBitset(ruleCount);
  acceptance.forEach((ranges, rule) => {
    if (ranges === null) return; // unconstrained on this axis: accepts every cell
    clearBit(current, rule);
    for (let i = 0; i < ranges.length; i += 2) {
      starts[ranges[i]].push(rule);
      ends[ranges[i + 1]].push(rule);
    }
  });
  const masks: Bitset[] = new Array(axis.cellCount);
  for (let cell = 0; cell < axis.cellCount; cell++) {
    const changed = ends[cell].length > 0 || starts[cell].length > 0;
    for (const rule of ends[cell]) clearBit(current, rule);
    for (const rule of starts[cell]) setBit(current, rule);
    masks[cell] = changed || cell === 0 ? current.slice() : masks[cell - 1];
  }
  return masks;
}

/** Fields constrained by at least one rule, in catalogue order, with their conditions. */
export function constrainedFields(rules: readonly Rule[]): Map<FactField, Condition[]> {
  const byField = new Map<FactField, Condition[]>();
  for (const rule of rules) {
    for (const c of rule.conditions) {
      const list = byField.get(c.field);
      if (list) list.push(c);
      else byField.set(c.field, [c]);
    }
  }
  return byField;
}
