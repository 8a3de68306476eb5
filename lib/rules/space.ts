// The fact space as the linter sees it: every rule is a "box" — per fact, the set of cells it
// accepts — and questions like "is rule B reachable?" or "what falls to the default?" become
// searches for a combination of cells that avoids a set of boxes. Cells that no valid value can
// occupy (cents between 5 and 6, an enum value outside its list) are dropped, so a box that is
// empty on some fact is a contradiction.
import { bitsetEquals, isEmpty, type Bitset } from "./bitset";
import { buildAxis, cellMasks, constrainedFields, ruleCells, type Axis } from "./cells";
import { cellSample, type CellSample } from "./samples";
import type { Rule } from "./types";

/** Per axis: sorted live cells the rule accepts, or null when the rule does not constrain it. */
export type Box = (Int32Array | null)[];

export interface Space {
  readonly rules: readonly Rule[];
  readonly axes: readonly Axis[];
  /** [axis][cell] → rules (by position) accepting the cell. */
  readonly masks: readonly (readonly Bitset[])[];
  /** [axis] → the cells some valid value can occupy, missing last. */
  readonly live: readonly Int32Array[];
  readonly samples: readonly (readonly CellSample[])[];
  readonly boxes: readonly Box[];
}

export function buildSpace(rules: readonly Rule[]): Space {
  const axes: Axis[] = [];
  const masks: Bitset[][] = [];
  const live: Int32Array[] = [];
  const samples: CellSample[][] = [];
  const boxes: Box[] = rules.map(() => []);
  for (const [field, conditions] of constrainedFields(rules)) {
    const axis = buildAxis(field, conditions);
    const acceptance = rules.map((rule) => ruleCells(axis, rule));
    const axisSamples = Array.from({ length: axis.cellCount }, (_, c) => cellSample(axis, c));
    const isLive = axisSamples.map((s) => s !== null);
    acceptance.forEach((ranges, r) => {
      if (ranges === null) return void boxes[r].push(null);
      const cells: number[] = [];
      for (let i = 0; i < ranges.length; i += 2)
        for (let c = ranges[i]; c < ranges[i + 1]; c++) if (isLive[c]) cells.push(c);
      boxes[r].push(Int32Array.from(cells));
    });
    axes.push(axis);
    masks.push(cellMasks(axis, acceptance));
    live.push(Int32Array.from(isLive.flatMap((ok, c) => (ok ? [c] : []))));
    samples.push(axisSamples);
  }
  return { rules, axes, masks, live, samples, boxes };
}

/** Cells of a box on an axis, its live cells when unconstrained. */
function boxCells(space: Space, box: Box, axis: number): Int32Array {
  return box[axis] ?? space.live[axis];
}

/** Index of an axis on which the box accepts no valid value (a contradiction), or -1. */
export function emptyAxis(box: Box): number {
  return box.findIndex((cells) => cells !== null && cells.length === 0);
}

function intersectCells(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return Int32Array.from(out);
}

function isSubset(small: Int32Array, big: Int32Array): boolean {
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    while (j < big.length && big[j] < small[i]) j++;
    if (j === big.length || big[j] !== small[i]) return false;
  }
  return true;
}

function cellsMeet(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}

/** Do some deals match both boxes? (intersectBoxes without building the result) */
export function boxesMeet(a: Box, b: Box): boolean {
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x !== null && y !== null && !cellsMeet(x, y)) return false;
  }
  return true;
}

/** Box of deals matching both, or null when no deal does. */
export function intersectBoxes(a: Box, b: Box): Box | null {
  const out: Box = [];
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    const cells = x === null ? y : y === null ? x : intersectCells(x, y);
    if (cells !== null && cells.length === 0) return null;
    out.push(cells);
  }
  return out;
}

/** Does `outer` accept every deal `inner` accepts? */
export function containsBox(space: Space, outer: Box, inner: Box): boolean {
  for (let k = 0; k < outer.length; k++) {
    const o = outer[k];
    if (o !== null && !isSubset(boxCells(space, inner, k), o)) return false;
  }
  return true;
}

/** Prefers a present value over "missing": examples read better with real values. */
export function preferredCell(cells: ArrayLike<number>, missingCell: number): number {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== missingCell) return cells[i];
  return cells[0];
}

/** One step of a search path: the axis and the cells chosen on it. */
export interface PathStep {
  readonly axis: number;
  readonly cells: Int32Array;
}

export interface SearchBudget {
  nodes: number;
  exhausted: boolean;
}

/**
 * Depth-first enumeration of regions inside `region` where none of the `candidates` rules
 * matches. On each axis the cells are grouped by which candidates survive them, and the group
 * that rules out most candidates is tried first, so a region is usually found in a few steps.
 * Stops (setting budget.exhausted) when the node budget runs out.
 */
export function* avoidingRegions(
  space: Space,
  region: Box,
  candidates: Bitset,
  budget: SearchBudget,
): Generator<PathStep[]> {
  const counts = space.axes.map(() => 0);
  for (let r = 0; r < space.rules.length; r++) {
    if (candidates[r >>> 5] & (1 << (r & 31))) space.boxes[r].forEach((cells, k) => cells !== null && counts[k]++);
  }
  const order = counts.flatMap((n, k) => (n > 0 ? [k] : [])).sort((a, b) => counts[b] - counts[a] || a - b);
  const path: PathStep[] = [];

  function* visit(depth: number, alive: Bitset): Generator<PathStep[]> {
    if (--budget.nodes < 0) {
      budget.exhausted = true;
      return;
    }
    if (isEmpty(alive)) return yield [...path];
    if (depth === order.length) return;
    const axis = order[depth];
    // Group the cells by which candidates survive them; groups are few, so a linear scan with a
    // word-by-word comparison beats building string keys.
    const groups: { alive: Bitset; cells: number[]; size: number }[] = [];
    const next = new Uint32Array(alive.length);
    for (const cell of boxCells(space, region, axis)) {
      const mask = space.masks[axis][cell];
      for (let w = 0; w < next.length; w++) next[w] = alive[w] & mask[w];
      const group = groups.find((g) => bitsetEquals(g.alive, next));
      if (group) group.cells.push(cell);
      else groups.push({ alive: next.slice(), cells: [cell], size: popcount(next) });
    }
    for (const group of groups.sort((a, b) => a.size - b.size)) {
      path.push({ axis, cells: Int32Array.from(group.cells) });
      yield* visit(depth + 1, group.alive);
      path.pop();
      if (budget.exhausted) return;
    }
  }
  yield* visit(0, candidates.slice());
}

function popcount(set: Bitset): number {
  let n = 0;
  for (let w = 0; w < set.length; w++) {
    let x = set[w];
    while (x !== 0) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}
