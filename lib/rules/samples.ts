// Turning cells back into people's terms for the linter: a concrete value inside a cell (for
// example fact sets) and a short description of a set of cells (for messages).
import type { Axis } from "./cells";
import type { FactValue } from "./facts";
import { FIELD_CATALOGUE } from "./fields";
import { MISSING_TEXT, formatFactValue } from "./format";

/** A value that lands in the cell (`undefined` = the missing cell), or null if none can. */
export type CellSample = { value: FactValue } | null;

const DAY_MS = 86_400_000;
const MAX_DATE_MS = 8.64e15;
const REFERENCE_INSTANT = Date.UTC(2026, 0, 1); // an example date when no rule bounds the axis

/** A plausible value strictly between lo and hi (either may be infinite) in the field's domain. */
function between(axis: Axis, lo: number, hi: number): number | null {
  const type = FIELD_CATALOGUE[axis.field].type;
  if (type === "number") {
    if (lo === -Infinity && hi === Infinity) return 0;
    if (lo === -Infinity) return hi - 1;
    if (hi === Infinity) return lo + 1;
    return (lo + hi) / 2;
  }
  // money (integer cents ≥ 0) and dates (integer epoch ms) are discrete domains
  const min = type === "money" ? 0 : -MAX_DATE_MS;
  const max = type === "money" ? Number.MAX_SAFE_INTEGER : MAX_DATE_MS;
  const a = Math.max(min, lo === -Infinity ? min : Math.floor(lo) + 1);
  const b = Math.min(max, hi === Infinity ? max : Math.ceil(hi) - 1);
  if (a > b) return null;
  let pick: number;
  if (lo === -Infinity && hi === Infinity) pick = type === "money" ? 10_000_000 : REFERENCE_INSTANT;
  else if (lo === -Infinity) pick = type === "money" ? Math.floor(b / 2) : b - DAY_MS;
  else if (hi === Infinity) pick = type === "money" ? Math.max(2 * lo, a) : a + DAY_MS;
  else pick = Math.floor((a + b) / 2);
  pick = Math.min(b, Math.max(a, pick));
  // Round as coarsely as stays inside: examples people can read ($200,000 rather than $199,999.99).
  if (type === "money") return roundMoney(pick, a, b);
  const nice = Math.floor(pick / DAY_MS) * DAY_MS;
  return nice >= a && nice <= b ? nice : pick;
}

/** The roundest amount in [a, b] near `pick`: whole millions, then hundreds of thousands, … down to whole cents. */
function roundMoney(pick: number, a: number, b: number): number {
  for (let k = Math.max(2, Math.floor(Math.log10(Math.max(1, b - a)))); k >= 2; k--) {
    for (const unit of [10 ** k, 10 ** k / 2]) {
      const nice = Math.round(pick / unit) * unit;
      if (nice >= a && nice <= b) return nice;
    }
  }
  const whole = Math.round(pick / 100) * 100;
  return whole >= a && whole <= b ? whole : pick;
}

function inDomain(axis: Axis, n: number): boolean {
  const type = FIELD_CATALOGUE[axis.field].type;
  if (type === "money") return Number.isSafeInteger(n) && n >= 0;
  if (type === "date") return Number.isInteger(n) && Math.abs(n) <= MAX_DATE_MS;
  return Number.isFinite(n);
}

function otherValue(axis: Axis & { kind: "discrete" }): string | null {
  const spec = FIELD_CATALOGUE[axis.field];
  const taken = new Set(axis.values);
  if (spec.type === "boolean") return null;
  if (spec.values) return spec.values.find((v) => !taken.has(v)) ?? null;
  const fits = (v: string) =>
    !taken.has(v) && v.length <= (spec.maxLength ?? Infinity) && (spec.pattern?.test(v) ?? true);
  const example = spec.examples?.find(fits);
  if (example) return example;
  // Synthesise short upper-case codes (AA, AB, …) until one fits the field's pattern.
  for (let n = 0; n < 26 + 26 ** 2 + 26 ** 3; n++) {
    let code = "";
    for (let k = n; ; k = Math.floor(k / 26) - 1) {
      code = String.fromCharCode(65 + (k % 26)) + code;
      if (k < 26) break;
    }
    if (fits(code)) return code;
  }
  return null;
}

export function cellSample(axis: Axis, cell: number): CellSample {
  if (cell === axis.missingCell) return { value: undefined };
  if (axis.kind === "numeric") {
    const b = axis.bounds;
    if (cell & 1) return inDomain(axis, b[cell >> 1]) ? { value: b[cell >> 1] } : null;
    const j = cell >> 1;
    const v = between(axis, j > 0 ? b[j - 1] : -Infinity, j < b.length ? b[j] : Infinity);
    return v === null ? null : { value: v };
  }
  if (cell === axis.otherCell) {
    const v = otherValue(axis);
    return v === null ? null : { value: v };
  }
  const value = axis.values[cell];
  const spec = FIELD_CATALOGUE[axis.field];
  return spec.values && !spec.values.includes(value as string) ? null : { value };
}

/** "[250,000.00, 1,000,000.00)", "≥ 1,000,000.00", "HEALTHCARE, GOVERNMENT", "(none)", … */
export function describeCells(axis: Axis, cells: readonly number[]): string {
  const parts: string[] = [];
  const fmt = (n: number) => formatFactValue(axis.field, n);
  if (axis.kind === "numeric") {
    const b = axis.bounds;
    const sorted = [...cells].filter((c) => c !== axis.missingCell).sort((x, y) => x - y);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      const first = sorted[i];
      const last = sorted[j];
      if (first === last && first & 1) parts.push(`= ${fmt(b[first >> 1])}`);
      else {
        const low = first & 1 ? `≥ ${fmt(b[first >> 1])}` : first > 0 ? `> ${fmt(b[(first >> 1) - 1])}` : "";
        const high = last & 1 ? `≤ ${fmt(b[last >> 1])}` : last >> 1 < b.length ? `< ${fmt(b[last >> 1])}` : "";
        parts.push(low && high ? `${low} and ${high}` : low || high || "any value");
      }
      i = j + 1;
    }
  } else if (cells.includes(axis.otherCell)) {
    // Includes values no rule names: say what is excluded instead ("not in [ADDON, SERVICES]").
    const excluded = axis.values.filter((_, c) => !cells.includes(c)).map(String);
    if (excluded.length === 0) parts.push("any value");
    else parts.push(excluded.length === 1 ? `not ${excluded[0]}` : `not in [${excluded.join(", ")}]`);
  } else {
    for (const c of cells) if (c !== axis.missingCell) parts.push(String(axis.values[c]));
  }
  if (cells.includes(axis.missingCell)) parts.push(MISSING_TEXT);
  return parts.join(" or ");
}
