// Lint before publish (docs/domain.md#lint), ranked by consequence. Errors block publishing: a rule whose own
// conditions contradict each other. Warnings are what changes outcomes nobody meant to change: a rule that can never
// fire (higher rules take every deal it matches) and a gap that now falls to the default where the rule set in force
// routes by a rule (lint-gaps.ts). Information: overlaps that priority resolves (expected in a first-match list) and
// gaps that were there before. Every finding names its rules ("Rule 70 · Under $250K ACV") and, where one exists,
// carries one concrete example deal (lint-example.ts).
import { emptyBitset, setBit } from "./bitset";
import { conditionCells, intersectRanges } from "./cells";
import { rulesInPriorityOrder } from "./decision";
import { relationText } from "./format";
import { boxSteps, exampleOf, matches } from "./lint-example";
import { findGaps } from "./lint-gaps";
import { outcomeDifference, ruleTitle } from "./lint-text";
import { avoidingRegions, boxesMeet, buildSpace, containsBox, emptyAxis, intersectBoxes, type Space } from "./space";
import type { Facts, Rule, RuleSet } from "./types";

type LintSeverity = "error" | "warning" | "info";
type LintKind = "CONTRADICTION" | "SHADOWED" | "OVERLAP" | "GAP";

export interface LintFinding {
  kind: LintKind;
  severity: LintSeverity;
  /**
   * The rule the finding is about first (the one a rule card badges), then the rules involved. A new gap names the
   * draft's rule at the priority of the rule in force that routed its deals; other gaps name none.
   */
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
  /** The rule set in force: gaps it did not have are warnings, gaps it shares are information. */
  inForce?: RuleSet;
}

const SEVERITY_ORDER: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

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
  return `${ruleTitle(rule)} can never apply: ${why}.`;
}

export interface LintContext {
  readonly ruleSet: RuleSet;
  readonly inForce: RuleSet | undefined;
  readonly rules: readonly Rule[];
  readonly space: Space;
  readonly options: Required<Omit<LintOptions, "inForce">>;
  readonly findings: LintFinding[];
  /** Positions of rules that can never apply. */
  readonly dead: Set<number>;
  complete: boolean;
}

function findContradictions(ctx: LintContext): void {
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
function reachable(ctx: LintContext, b: number, above: Uint32Array): boolean | null {
  const budget = { nodes: ctx.options.searchBudget, exhausted: false };
  const found = !avoidingRegions(ctx.space, ctx.space.boxes[b], above, budget).next().done;
  return found ? true : budget.exhausted ? null : false;
}

function findShadowsAndOverlaps(ctx: LintContext): void {
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
          ? `${ruleTitle(rules[coveredBy])} matches`
          : `together, ${covering.slice(0, 5).map(ruleTitle).join(", ")}${covering.length > 5 ? ` and ${covering.length - 5} more` : ""} match`;
      ctx.findings.push({
        kind: "SHADOWED",
        severity: "warning",
        ruleIds: [rules[b].id, ...covering.map((r) => r.id)],
        message: `${ruleTitle(rules[b])} can never apply: ${by} every deal it matches first.`,
        example: exampleOf(space, boxSteps(space.boxes[b]), (facts) => matches(rules[b], facts)),
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
      severity: "info",
      ruleIds: [rules[b].id, rules[a].id],
      message:
        `${ruleTitle(rules[a])} and ${ruleTitle(rules[b])} overlap; priority resolves it: a deal matching both ` +
        `follows ${ruleTitle(rules[a])} (${difference}).`,
      example: exampleOf(space, boxSteps(intersectBoxes(space.boxes[a], space.boxes[b])!), (facts) =>
        [rules[a], rules[b]].every((rule) => matches(rule, facts)),
      ),
    });
  }
  if (overlapCount > listed.length) {
    ctx.complete = false;
    ctx.findings.push({
      kind: "OVERLAP",
      severity: "info",
      ruleIds: [],
      message: `${overlapCount - listed.length} more overlaps resolved by priority are not listed.`,
      example: null,
    });
  }
}

export function lintRuleSet(ruleSet: RuleSet, options: LintOptions = {}): LintReport {
  const rules = rulesInPriorityOrder(ruleSet);
  const { inForce, ...limits } = options;
  const ctx: LintContext = {
    ruleSet,
    inForce,
    rules,
    space: buildSpace(rules),
    options: { maxOverlaps: 100, maxGaps: 5, searchBudget: 2_000, ...limits },
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
