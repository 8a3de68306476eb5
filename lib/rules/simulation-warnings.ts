// "Deals moved where no changed rule chose" (docs/domain.md#rules-of-engagement): after a simulation against the rule
// set in force, the moves a reviewer most likely did not intend. A rule that was changed (or removed)
// in the draft lost deals, and nothing in the draft picked them up on purpose: they now fall to the
// default outcome, or to a rule the draft left as it was. The classic case is narrowing a band
// ("under $250K" → "under $150K") and opening a gap that the default fills.
import { diffRuleSets, type RuleChange } from "./diff";
import type { RuleMove, RuleRef } from "./simulate";
import type { Route, RuleSet } from "./types";

export interface MoveWarning extends Omit<RuleMove, "from"> {
  /** The changed rule that lost the deals, named as in the draft (as it was, when the draft removed it). */
  rule: RuleRef;
  change: "changed" | "removed";
  // `to`: an unchanged rule of the draft, or null for the default outcome
}

/** The moves of `moves` (a CURRENT_RULE_SET simulation of `candidate` against `current`) worth a warning. */
export function unintendedMoves(current: RuleSet, candidate: RuleSet, moves: readonly RuleMove[]): MoveWarning[] {
  const byPriority = new Map<number, RuleChange>(diffRuleSets(current, candidate).changes.map((c) => [c.priority, c]));
  const warnings: MoveWarning[] = [];
  for (const move of moves) {
    if (!move.from) continue; // the default lost them: some rule of the draft chose to take them
    const lost = byPriority.get(move.from.priority);
    if (!lost || (lost.kind !== "changed" && lost.kind !== "removed")) continue;
    if (move.to && byPriority.get(move.to.priority)?.kind !== "unchanged") continue;
    warnings.push({
      rule: lost.kind === "changed" ? { priority: lost.priority, name: lost.after.name } : move.from,
      change: lost.kind,
      to: move.to,
      fromRoute: move.fromRoute,
      toRoute: move.toRoute,
      deals: move.deals,
      acv: move.acv,
      example: move.example,
    });
  }
  return warnings.sort((a, b) => b.acv - a.acv || b.deals - a.deals || a.rule.priority - b.rule.priority);
}

export interface WarningWords {
  /** Cents as people read them in this place, e.g. "$2.1M" or "$200,000". */
  money: (cents: number, style: "compact" | "exact") => string;
  /** A route in words, e.g. "Direct". */
  route: (route: Route) => string;
  count: (n: number) => string;
}

/** e.g. "Rule 70 · Under $150K ACV" */
const ruleWords = (rule: RuleRef) => `Rule ${rule.priority} · ${rule.name}`;

/**
 * The warning in words: "12 deals ($2.1M) that Rule 70 · Under $150K ACV used to route now fall to the
 * Direct default — e.g. Acme Corp · Platform, $200,000". `example` names the example deal (its account
 * and deal name), when it could be read.
 */
export function moveWarningText(w: MoveWarning, example: string | null, words: WarningWords): string {
  const deals = `${words.count(w.deals)} ${w.deals === 1 ? "deal" : "deals"}`;
  const verb = w.deals === 1 ? "falls" : "fall";
  const lost = w.change === "removed" ? `the removed ${ruleWords(w.rule)}` : ruleWords(w.rule);
  const used = `${lost} used to route (${words.route(w.fromRoute)})`;
  const now = w.to
    ? `${ruleWords(w.to)}, which the draft did not change (${words.route(w.toRoute)})`
    : `the ${words.route(w.toRoute)} default`;
  const e = `${example ? `${example}, ` : ""}${words.money(w.example.acv, "exact")}`;
  return `${deals} (${words.money(w.acv, "compact")}) that ${used} now ${verb} to ${now} — e.g. ${e}`;
}
