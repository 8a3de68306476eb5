// Deals that fall to the default (docs/domain.md#lint). Compared with the rule set in force: a region the rules in
// force route by a rule but the draft sends to the default is a new gap — a warning, because the change moves deals
// nobody meant to move; a region already falling to the default is information.
import { emptyBitset, isEmpty, setBit, type Bitset } from "./bitset";
import { boxSteps, exampleOf, firstMatch } from "./lint-example";
import { cellsInWords, routeWords, ruleTitle } from "./lint-text";
import type { LintContext } from "./lint";
import { rulesInPriorityOrder } from "./decision";
import {
  avoidingRegions,
  buildSpace,
  emptyAxis,
  intersectBoxes,
  preferredCell,
  type Box,
  type PathStep,
  type Space,
} from "./space";
import type { Facts } from "./types";

function liveRules(space: Space, from: number, to: number): Bitset {
  const set = emptyBitset(space.rules.length);
  for (let r = from; r < to; r++) if (emptyAxis(space.boxes[r]) < 0) setBit(set, r);
  return set;
}

function pathBox(space: Space, path: readonly PathStep[]): Box {
  const box: Box = space.axes.map(() => null);
  for (const { axis, cells } of path) box[axis] = cells;
  return box;
}

/** The candidates that match some deal of the region the steps describe. */
function survivors(space: Space, candidates: Bitset, steps: readonly PathStep[]): Bitset {
  const alive = candidates.slice();
  for (const { axis, cells } of steps) {
    const union = new Uint32Array(alive.length);
    for (const c of cells) space.masks[axis][c].forEach((word, w) => (union[w] |= word));
    alive.forEach((word, w) => (alive[w] = word & union[w]));
  }
  return alive;
}

/** Drops steps that are not needed for no candidate to match, so the region reads as broadly as it is. */
function widen(space: Space, steps: PathStep[], candidates: Bitset): PathStep[] {
  let kept = steps;
  for (let i = kept.length - 1; i >= 0; i--) {
    const without = kept.filter((_, k) => k !== i);
    if (isEmpty(survivors(space, candidates, without))) kept = without;
  }
  return kept;
}

/** Regions where none of `candidates` matches, widened, each a finding of `describe`. */
function reportRegions(
  ctx: LintContext,
  space: Space,
  candidates: Bitset,
  describe: (region: PathStep[]) => void,
): void {
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
    describe(region);
  }
  if (budget.exhausted) ctx.complete = false;
}

function where(space: Space, steps: readonly PathStep[]): string {
  return steps.map(({ axis, cells }) => cellsInWords(space.axes[axis], Array.from(cells))).join("; ");
}

/** Gaps of the draft alone, or those it shares with the rule set in force: information. */
function findExistingGaps(ctx: LintContext, space: Space, candidates: Bitset): void {
  const { ruleSet, inForce } = ctx;
  const inForceRules = inForce ? rulesInPriorityOrder(inForce) : [];
  const fallsThrough = (facts: Facts) => !firstMatch(ctx.rules, facts) && !firstMatch(inForceRules, facts);
  reportRegions(ctx, space, candidates, (region) => {
    const deals = region.length > 0 ? `Deals with ${where(space, region)} match` : "Every deal matches";
    const fall = region.length > 0 ? "fall" : "falls";
    const as = inForce
      ? `, as ${region.length > 0 ? "they" : "it"} already ${region.length > 0 ? "do" : "does"} under the rule set in force`
      : "";
    ctx.findings.push({
      kind: "GAP",
      severity: "info",
      ruleIds: [],
      message: `${deals} no rule and ${fall} to the default outcome (${routeWords(ruleSet.defaultOutcome.route)})${as}.`,
      example: exampleOf(space, region, fallsThrough),
    });
  });
}

/** Regions the draft sends to the default but the rule set in force routes by a rule: warnings. */
function findNewGaps(ctx: LintContext, space: Space, draftCount: number): void {
  const draftLive = liveRules(space, 0, draftCount);
  const inForceLive = liveRules(space, draftCount, space.rules.length);
  const inForceRules = space.rules.slice(draftCount);
  const seen = new Set<string>();
  const budget = { nodes: ctx.options.searchBudget * 10, exhausted: false };
  for (const path of avoidingRegions(
    space,
    space.axes.map(() => null),
    draftLive,
    budget,
  )) {
    const region = pathBox(space, path);
    const routed = survivors(space, inForceLive, path);
    for (let p = draftCount; p < space.rules.length; p++) {
      if (!(routed[p >>> 5] & (1 << (p & 31)))) continue;
      const before = space.rules[p];
      const piece = intersectBoxes(space.boxes[p], region)!;
      // the part of the region this rule in force decides, on the facts the rule itself tests
      const own = boxSteps(space.boxes[p]).map(({ axis }) => ({ axis, cells: piece[axis]! }));
      const key = `${before.id} ${where(space, own)}`;
      if (seen.has(key)) continue;
      if (seen.size === ctx.options.maxGaps) {
        ctx.complete = false;
        return;
      }
      seen.add(key);
      const example = exampleOf(
        space,
        boxSteps(piece),
        (facts) => !firstMatch(ctx.rules, facts) && firstMatch(inForceRules, facts) === before,
      );
      // a higher rule in force may take this example: name the rule that really routes it
      const winner = firstMatch(inForceRules, example) ?? before;
      const now = ctx.rules.find((r) => r.priority === winner.priority);
      const deals = own.length > 0 ? `Deals with ${where(space, own)}` : "Deals no rule of this draft matches";
      const change = now ? `in this draft ${ruleTitle(now)} no longer matches them` : "this draft removes that rule";
      ctx.findings.push({
        kind: "GAP",
        severity: "warning",
        ruleIds: now ? [now.id] : [],
        message:
          `${deals} now fall to the default outcome (${routeWords(ctx.ruleSet.defaultOutcome.route)}). ` +
          `The rule set in force routes them by ${ruleTitle(winner)} (${routeWords(winner.outcome.route)}); ${change}.`,
        example,
      });
    }
  }
  if (budget.exhausted) ctx.complete = false;
}

export function findGaps(ctx: LintContext): void {
  if (!ctx.inForce) return findExistingGaps(ctx, ctx.space, liveRules(ctx.space, 0, ctx.rules.length));
  const inForceRules = rulesInPriorityOrder(ctx.inForce);
  // one space over both sets, so their boundaries cut the same cells
  const space = buildSpace([...ctx.rules, ...inForceRules]);
  findNewGaps(ctx, space, ctx.rules.length);
  findExistingGaps(ctx, space, liveRules(space, 0, space.rules.length));
}
