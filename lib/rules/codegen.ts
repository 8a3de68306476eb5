// Emits the bitset index as one specialised JavaScript function (docs/domain.md#rules-of-engagement allows "precomputed
// bitsets or generated code"; this is both). Reading each fact with a static property access and
// choosing its cell with inline comparisons instead of generic closures and Map lookups is what
// brings the compiled evaluator within 2× of a hand-written function on the default rule set.
//
// Safety: nothing from a rule set reaches the source except as a JSON string literal or a finite
// number literal; field names come from the closed FACT_FIELDS list and are checked again here.
// Masks, boundaries and maps are passed in as arguments, never printed.
import type { Bitset } from "./bitset";
import type { Axis } from "./cells";
import { FIELD_CATALOGUE } from "./fields";
import { parseInstant } from "./instant";
import { FACT_FIELDS } from "./values";

export interface IndexedDimension {
  readonly axis: Axis;
  /** Rule bitset per cell of the axis. */
  readonly masks: readonly Bitset[];
}

export type WinnerIndex = (facts: object) => number;

/** Beyond this many cells a linear chain of comparisons loses to a binary search or a Map. */
const INLINE_LIMIT = 8;

class Emitter {
  readonly params: string[] = ["parseInstant"];
  readonly args: unknown[] = [parseInstant];
  constructor(readonly singleWord: boolean) {}

  /** Registers a runtime value and returns the parameter name it is reachable under. */
  bind(name: string, value: unknown): string {
    this.params.push(name);
    this.args.push(value);
    return name;
  }
}

function literal(value: string | number | boolean): string {
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`Cannot emit ${value}`);
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Expression for the mask of one cell: an int literal for ≤ 32 rules, else an array element. */
function cellMask(e: Emitter, table: string, masks: readonly Bitset[], cell: number): string {
  return e.singleWord ? String(masks[cell][0] | 0) : `${table}[${cell}]`;
}

/** Statements that assign the deal's mask on one dimension to `c${d}`. */
function emitDimension(e: Emitter, d: number, dim: IndexedDimension): string {
  const { axis, masks } = dim;
  if (!FACT_FIELDS.includes(axis.field) || !/^[A-Za-z]+$/.test(axis.field)) throw new Error(`Bad field ${axis.field}`);
  const table = e.bind(
    `T${d}`,
    e.singleWord ? Int32Array.from(masks, (m) => m[0]) : masks.map((m) => new Int32Array(m.buffer)),
  );
  const mask = (cell: number) => cellMask(e, table, masks, cell);
  const missing = mask(axis.missingCell);
  const type = FIELD_CATALOGUE[axis.field].type;
  const read = `v = f.${axis.field};`;

  if (axis.kind === "numeric") {
    // Same notion of "present" as facts.ts: a finite number (v - v is NaN for NaN and ±Infinity).
    const present =
      type === "date"
        ? `if (typeof v === "string") v = parseInstant(v); else v = NaN; if (v === v) {`
        : `if (typeof v === "number" && v - v === 0) {`;
    const bounds = Array.from(axis.bounds);
    let pick: string;
    if (bounds.length <= INLINE_LIMIT) {
      let chain = mask(2 * bounds.length);
      for (let j = bounds.length - 1; j >= 0; j--) {
        chain = `v < ${literal(bounds[j])} ? ${mask(2 * j)} : v === ${literal(bounds[j])} ? ${mask(2 * j + 1)} : ${chain}`;
      }
      pick = `c${d} = ${chain};`;
    } else {
      const b = e.bind(`B${d}`, axis.bounds);
      pick =
        `lo = 0; hi = ${bounds.length}; while (lo < hi) { mid = (lo + hi) >>> 1; if (${b}[mid] <= v) lo = mid + 1; else hi = mid; }` +
        ` c${d} = ${table}[lo > 0 && ${b}[lo - 1] === v ? 2 * lo - 1 : 2 * lo];`;
    }
    return `${read} ${present} ${pick} } else c${d} = ${missing};`;
  }

  if (type === "boolean") {
    return `${read} c${d} = v === true ? ${mask(0)} : v === false ? ${mask(1)} : ${missing};`;
  }
  const other = mask(axis.otherCell);
  if (axis.values.length <= INLINE_LIMIT) {
    let chain = other;
    for (let i = axis.values.length - 1; i >= 0; i--)
      chain = `v === ${literal(axis.values[i])} ? ${mask(i)} : ${chain}`;
    return `${read} c${d} = typeof v === "string" ? (${chain}) : ${missing};`;
  }
  const map = e.bind(
    `V${d}`,
    new Map(axis.values.map((v, i) => [v, e.singleWord ? masks[i][0] | 0 : new Int32Array(masks[i].buffer)])),
  );
  return `${read} if (typeof v === "string") { t = ${map}.get(v); c${d} = t === undefined ? ${other} : t; } else c${d} = ${missing};`;
}

/**
 * Builds `winnerIndex(facts)`: the position of the first rule whose bits survive the AND of every
 * dimension's mask, or -1. Dimensions are emitted in the given order (most selective first), so a
 * word that turns zero stops being ANDed early. Throws where code generation is forbidden (e.g. a
 * Content-Security-Policy without 'unsafe-eval'); the caller then uses the closure evaluator.
 */
export function generateWinnerIndex(dims: readonly IndexedDimension[], ruleCount: number): WinnerIndex {
  const words = (ruleCount + 31) >>> 5;
  const e = new Emitter(words === 1);
  const decls = `let v, t, lo, hi, mid${dims.map((_, d) => `, c${d}`).join("")};`;
  let body: string;
  if (e.singleWord) {
    const all = (ruleCount === 32 ? -1 : (1 << ruleCount) - 1) | 0;
    body = `let acc = ${all};\n`;
    dims.forEach((dim, d) => {
      body += `${emitDimension(e, d, dim)}\nacc &= c${d}; if (acc === 0) return -1;\n`;
    });
    body += "return 31 - Math.clz32(acc & -acc);";
  } else {
    body = dims.map((dim, d) => emitDimension(e, d, dim)).join("\n");
    const ands = dims
      .slice(1)
      .map((_, k) => `a &= c${k + 1}[w]; if (a === 0) continue;`)
      .join(" ");
    body += `\nfor (let w = 0; w < ${words}; w++) { let a = c0[w]; if (a === 0) continue; ${ands} return (w << 5) + (31 - Math.clz32(a & -a)); }\nreturn -1;`;
  }
  const source = `"use strict"; return function winnerIndex(f) {\n${decls}\n${body}\n};`;
  const factory = new Function(...e.params, source) as (...args: unknown[]) => WinnerIndex;
  return factory(...e.args);
}
