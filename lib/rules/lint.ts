// Lint before publish (docs/domain.md#rules-of-engagement). Contradictory and unreachable rules are errors and block
// publishing; overlapping rules with different outcomes are warnings (FIRST hit policy resolves
// them, but a reviewer should see that it does); deals that fall to the default are information.
// Every finding that can have one carries a concrete example fact set.
import { emptyBitset, setBit } from "./bitset";
import { conditionCells, intersectRanges } from "./cells";
import { rulesInPriorityOrder } from "./decision";
import { factFromValue } from "./facts";
import { relationText } from "./format";
import { describeCells } from "./samples";
import {
  avoidingRegions,
  boxesMeet,
  buildSpace,
  containsBox,
  emptyAxis,
  intersectBoxes,
  preferredCell,
  type Box,
  type PathStep,
  type Space,
} from "./space";
import type { Facts, Outcome, Rule, RuleSet } from "./types";

type LintSeverity = "error" | "warning" | "info";
type LintKind = "CONTRADICTION" | "SHADOWED" | "OVERLAP" | "GAP";

export interface LintFinding {
  kind: LintKind;
  severity: LintSeverity;
  /** The rule the finding is about first, then the rules involved. Empty for gaps. */
  ruleIds: string[];
  message: string;
  /** A deal that shows the problem; null for contradictions (no deal matches). */
  example: Facts | null;
}

export interface LintReport {
  findings: LintFinding[];
  errors: number;
  warnings: number;
  infos: number;
  /** No errors: the rule set may be published. */
  publishable: boolean;
  /** False when a search ran out of budget or a list was cut; findings listed are still true. */
  complete: boolean;
}

export interface LintOptions {
  /** Overlap warnings listed at most (a summary counts the rest). Default 100. */
  maxOverlaps?: number;
  /** Default-falling regions listed at most. Default 5. */
  maxGaps?: number;
  /** Search nodes per reachability question. Default 2,000. */
  searchBudget?: number;
}

const SEVERITY_ORDER: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

function label(rule: Rule): string {
  return `"${rule.name}" (priority ${rule.priority})`;
}

function exampleOf(space: Space, steps: readonly PathStep[]): Facts {
  const facts: Record<string, unknown> = {};
  for (const { axis, cells } of steps) {
    const ax = space.axes[axis];
    const sample = space.samples[axis][preferredCell(cells, ax.missingCell)];
    if (sample && sample.value !== undefined) facts[ax.field] = factFromValue(ax.field, sample.value);
  }
  return facts as Facts;
}

function boxSteps(box: Box): PathStep[] {
  return box.flatMap((cells, axis) => (cells === null ? [] : [{ axis, cells }]));
}

function contradictionMessage(space: Space, rule: Rule, axis: number): string {
  const ax = space.axes[axis];
  const conds = rule.conditions.filter((c) => c.field === ax.field);
  const live = (ranges: number[]) => {
    const cells: number[] = [];
    for (let i = 0; i < ranges.length; i += 2)
      for (let c = ranges[i]; c < ranges[i + 1]; c++) if (space.samples[axis][c]) cells.push(c);
    return cells;
  };
  const text = (i: number) => `${ax.field} ${relationText(conds[i])}`;
  const cells = conds.map((c) => conditionCells(ax, c));
  const alone = cells.findIndex((r) => live(r).length === 0);
  let why = `the conditions on ${ax.field} cannot all hold`;
  if (alone >= 0) why = `${text(alone)} can never hold`;
  else {
    for (let j = 1; j < conds.length && alone < 0; j++) {
      const i = cells.slice(0, j).findIndex((r) => live(intersectRanges(r, cells[j])).length === 0);
      if (i >= 0) {
        why = `${text(i)} and ${text(j)} cannot both hold`;
        break;
      }
    }
  }
  return `Rule ${label(rule)} can never apply: ${why}.`;
}

function outcomeDifference(a: Outcome, b: Outcome): string | null {
  const parts: string[] = [];
  if (a.route !== b.route) parts.push(`route ${a.route} vs ${b.route}`);
  if (a.leadRole !== b.leadRole) parts.push(`lead ${a.leadRole} vs ${b.leadRole}`);
  if (a.protectionDays !== b.protectionDays)
    parts.push(`protection ${a.protectionDays ?? "none"} vs ${b.protectionDays ?? "none"} days`);
  if (a.attributionCategory !== b.attributionCategory)
    parts.push(`attribution ${a.attributionCategory} vs ${b.attributionCategory}`);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** Drops steps that are not needed for no candidate to match, so the region reads as broadly as it is. */
function widen(space: Space, steps: PathStep[], candidates: Uint32Array): PathStep[] {
  const survivors = (kept: PathStep[]) => {
    const alive = candidates.slice();
    for (const { axis, cells } of kept) {
      const union = new Uint32Array(alive.length);
      for (const c of cells) space.masks[axis][c].forEach((word, w) => (union[w] |= word));
      alive.forEach((word, w) => (alive[w] = word & union[w]));
    }
    return alive.some((word) => word !== 0);
  };
  let kept = steps;
  for (let i = kept.length - 1; i >= 0; i--) {
    const without = kept.filter((_, k) => k !== i);
    if (!survivors(without)) kept = without;
  }
  return kept;
}

interface Context {
  readonly ruleSet: RuleSet;
  readonly rules: readonly Rule[];
  readonly space: Space;
  readonly options: Required<LintOptions>;
  readonly findings: LintFinding[];
  /** Positions of rules that can never apply. */
  readonly dead: Set<number>;
  complete: boolean;
}

function findContradictions(ctx: Context): void {
  ctx.rules.forEach((rule, r) => {
    const axis = emptyAxis(ctx.space.boxes[r]);
    if (axis < 0) return;
    ctx.dead.add(r);
    ctx.findings.push({
      kind: "CONTRADICTION",
      severity: "error",
      ruleIds: [rule.id],
      message: contradictionMessage(ctx.space, rule, axis),
      example: null,
    });
  });
}

/** Is rule b reachable past the higher rules whose boxes meet its box? null = search gave up. */
function reachable(ctx: Context, b: number, above: Uint32Array): boolean | null {
  const budget = { nodes: ctx.options.searchBudget, exhausted: false };
  const found = !avoidingRegions(ctx.space, ctx.space.boxes[b], above, budget).next().done;
  return found ? true : budget.exhausted ? null : false;
}

function findShadowsAndOverlaps(ctx: Context): void {
  const { rules, space, dead } = ctx;
  const n = rules.length;
  // Overlaps are only counted here; findings (and their examples) are built for the listed ones.
  const listed: { a: number; b: number; difference: string }[] = [];
  let overlapCount = 0;
  for (let b = 0; b < n; b++) {
    if (dead.has(b)) continue;
    const above = emptyBitset(n);
    const pending: typeof listed = [];
    let coveredBy = -1;
    for (let a = 0; a < b; a++) {
      if (dead.has(a) || !boxesMeet(space.boxes[a], space.boxes[b])) continue;
      setBit(above, a);
      if (coveredBy < 0 && containsBox(space, space.boxes[a], space.boxes[b])) coveredBy = a;
      const difference = outcomeDifference(rules[a].outcome, rules[b].outcome);
      if (difference) pending.push({ a, b, difference });
    }
    const verdict = coveredBy >= 0 ? false : above.some((w) => w !== 0) ? reachable(ctx, b, above) : true;
    if (verdict === false) {
      dead.add(b);
      const covering = coveredBy >= 0 ? [rules[coveredBy]] : rules.filter((_, a) => above[a >>> 5] & (1 << (a & 31)));
      const by =
        coveredBy >= 0
          ? `rule ${label(rules[coveredBy])} matches`
          : `together, ${covering.slice(0, 5).map(label).join(", ")}${covering.length > 5 ? ` and ${covering.length - 5} more` : ""} match`;
      ctx.findings.push({
        kind: "SHADOWED",
        severity: "error",
        ruleIds: [rules[b].id, ...covering.map((r) => r.id)],
        message: `Rule ${label(rules[b])} can never apply: ${by} every deal it matches.`,
        example: exampleOf(space, boxSteps(space.boxes[b])),
      });
      continue;
    }
    if (verdict === null) ctx.complete = false;
    overlapCount += pending.length;
    listed.push(...pending.slice(0, Math.max(0, ctx.options.maxOverlaps - listed.length)));
  }
  for (const { a, b, difference } of listed) {
    ctx.findings.push({
      kind: "OVERLAP",
      severity: "warning",
      ruleIds: [rules[b].id, rules[a].id],
      message:
        `Rules ${label(rules[a])} and ${label(rules[b])} overlap with different outcomes ` +
        `(${difference}); a deal matching both gets the outcome of "${rules[a].name}".`,
      example: exampleOf(space, boxSteps(intersectBoxes(space.boxes[a], space.boxes[b])!)),
    });
  }
  if (overlapCount > listed.length) {
    ctx.complete = false;
    ctx.findings.push({
      kind: "OVERLAP",
      severity: "warning",
      ruleIds: [],
      message: `${overlapCount - listed.length} more overlapping rule pairs with different outcomes are not listed.`,
      example: null,
    });
  }
}

/** Regions of the fact space where no rule matches, each widened as far as it goes. */
function findGaps(ctx: Context): void {
  const { space } = ctx;
  const candidates = emptyBitset(ctx.rules.length);
  ctx.rules.forEach((_, r) => emptyAxis(space.boxes[r]) < 0 && setBit(candidates, r));
  const budget = { nodes: ctx.options.searchBudget * 10, exhausted: false };
  const regions: PathStep[][] = [];
  const inRegion = (region: PathStep[], path: PathStep[]) =>
    region.every(({ axis, cells }) => {
      const step = path.find((s) => s.axis === axis);
      return step !== undefined && cells.includes(preferredCell(step.cells, space.axes[axis].missingCell));
    });
  for (const path of avoidingRegions(
    space,
    space.axes.map(() => null),
    candidates,
    budget,
  )) {
    if (regions.some((region) => inRegion(region, path))) continue;
    if (regions.length === ctx.options.maxGaps) {
      ctx.complete = false;
      break;
    }
    const region = widen(space, path, candidates);
    regions.push(region);
    const where = region.map(
      ({ axis, cells }) => `${space.axes[axis].field} ${describeCells(space.axes[axis], Array.from(cells))}`,
    );
    ctx.findings.push({
      kind: "GAP",
      severity: "info",
      ruleIds: [],
      message:
        (where.length > 0
          ? `Deals with ${where.join("; ")} match no rule and fall`
          : "Every deal matches no rule and falls") + ` to the default outcome (${ctx.ruleSet.defaultOutcome.route}).`,
      example: exampleOf(space, region),
    });
  }
  if (budget.exhausted) ctx.complete = false;
}

export function lintRuleSet(ruleSet: RuleSet, options: LintOptions = {}): LintReport {
  const rules = rulesInPriorityOrder(ruleSet);
  const ctx: Context = {
    ruleSet,
    rules,
    space: buildSpace(rules),
    options: { maxOverlaps: 100, maxGaps: 5, searchBudget: 2_000, ...options },
    findings: [],
    dead: new Set(),
    complete: true,
  };
  findContradictions(ctx);
  findShadowsAndOverlaps(ctx);
  findGaps(ctx);

  const position = new Map(rules.map((rule, i) => [rule.id, i]));
  const findings = ctx.findings.sort(
    (x, y) =>
      SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] ||
      (position.get(x.ruleIds[0]) ?? rules.length) - (position.get(y.ruleIds[0]) ?? rules.length),
  );
  const count = (s: LintSeverity) => findings.filter((f) => f.severity === s).length;
  return {
    findings,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    publishable: count("error") === 0,
    complete: ctx.complete,
  };
}
