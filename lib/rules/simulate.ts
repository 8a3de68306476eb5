// Simulation before publishing (docs/domain.md#rules-of-engagement): run a draft rule set over historical deals and show
// what would move. Streaming: the caller feeds batches as it reads them (`add`) and asks for the
// result at the end, so a million deals never sit in memory at once. What is kept: the from → to
// matrix, the totals, the largest changes (a bounded sample, traces built only for it at the end)
// and the moves grouped by (winning rule before → winning rule after) with one example each.
// Decisions use the compiled evaluators' allocation-free winner index.
import { compileRuleSet, compiledFor, type CompiledRuleSet } from "./compile";
import { plainTrace, type PlainTraceEntry } from "./plain-trace";
import type { Decision, Facts, Route, RuleSet } from "./types";
import { ROUTES } from "./values";

export interface HistoricalDeal {
  id: string;
  facts: Facts;
  /** Route recorded on the deal today; null if it never had one. */
  currentRoute: Route | null;
  /** Integer cents, summed into the ACV that would change route. */
  acv: number;
}

export type FromRoute = Route | "NONE";
const FROM_ROUTES: readonly FromRoute[] = [...ROUTES, "NONE"];

export interface RouteChange {
  dealId: string;
  acv: number;
  from: Route | null;
  to: Route;
  /** Decision under the current rule set; null when the baseline is the recorded route. */
  fromDecision: Decision | null;
  toDecision: Decision;
  /** Both traces in plain language (plain-trace.ts); the simulation is for staff, so whole. */
  fromTrace: PlainTraceEntry[] | null;
  toTrace: PlainTraceEntry[];
}

interface MatrixCell {
  deals: number;
  acv: number;
}

/** A rule as the moves name it: its priority (unique within a set) and name. */
export interface RuleRef {
  priority: number;
  name: string;
}

/**
 * Deals that change route and whose winning rule went from `from` (in the rule set in force) to `to`
 * (in the draft); null is the default outcome. Only with the CURRENT_RULE_SET baseline.
 */
export interface RuleMove {
  from: RuleRef | null;
  to: RuleRef | null;
  fromRoute: Route;
  toRoute: Route;
  deals: number;
  acv: number;
  /** The largest deal of the group (ties by id). */
  example: { dealId: string; acv: number };
}

export interface SimulationResult {
  /** What "from" means: the current rule set's decision, or the route recorded on each deal. */
  baseline: "CURRENT_RULE_SET" | "RECORDED_ROUTE";
  totalDeals: number;
  totalAcv: number;
  changedDeals: number;
  changedAcv: number;
  /** from → to → deals and ACV, every cell present (the diagonal holds the unchanged deals). */
  matrix: Record<FromRoute, Record<Route, MatrixCell>>;
  /** The largest changes by ACV (ties by deal id), with the traces behind both routes. */
  sample: RouteChange[];
  /** Route changes grouped by winning rule before → after, most ACV first (empty on RECORDED_ROUTE). */
  moves: RuleMove[];
}

export interface SimulationInput {
  candidate: RuleSet;
  /**
   * When given, "from" is this rule set's decision, so the result isolates the effect of the rule
   * change from past overrides, sticky ownership and conflict resolutions recorded on the deals.
   */
  current?: RuleSet;
  /** Default 20. */
  sampleSize?: number;
}

export interface Simulation {
  /** Decides one batch and folds it into the aggregates; the batch is not kept. */
  add(batch: Iterable<HistoricalDeal>): void;
  /** Deals added so far. */
  readonly deals: number;
  /** The aggregates so far; traces are built here, for the sample only. */
  result(): SimulationResult;
}

function emptyMatrix(): Record<FromRoute, Record<Route, MatrixCell>> {
  const matrix = {} as Record<FromRoute, Record<Route, MatrixCell>>;
  for (const from of FROM_ROUTES) {
    matrix[from] = {} as Record<Route, MatrixCell>;
    for (const to of ROUTES) matrix[from][to] = { deals: 0, acv: 0 };
  }
  return matrix;
}

/** Larger ACV first, then the smaller id: the order of the sample and of each move's example. */
const before = (a: HistoricalDeal, b: HistoricalDeal) => a.acv > b.acv || (a.acv === b.acv && a.id < b.id);

/** The `size` first deals in `before` order, kept sorted; an insertion costs at most `size` moves. */
class TopDeals {
  readonly items: { deal: HistoricalDeal; from: Route | null; to: Route }[] = [];
  constructor(private readonly size: number) {}
  offer(deal: HistoricalDeal, from: Route | null, to: Route) {
    const items = this.items;
    if (this.size <= 0 || (items.length === this.size && !before(deal, items[items.length - 1].deal))) return;
    let i = items.length;
    while (i > 0 && before(deal, items[i - 1].deal)) i--;
    items.splice(i, 0, { deal, from, to });
    if (items.length > this.size) items.pop();
  }
}

const routeOf = (set: CompiledRuleSet, index: number): Route =>
  index < 0 ? set.ruleSet.defaultOutcome.route : set.rules[index].outcome.route;
const refOf = (set: CompiledRuleSet, index: number): RuleRef | null =>
  index < 0 ? null : { priority: set.rules[index].priority, name: set.rules[index].name };

export function createSimulation({ candidate, current, sampleSize = 20 }: SimulationInput): Simulation {
  const next = compileRuleSet(candidate); // a draft: compiled afresh, never from the cache
  const now = current ? compiledFor(current) : null;
  const matrix = emptyMatrix();
  const top = new TopDeals(sampleSize);
  // moves keyed by (winner before, winner after) positions, each shifted by one so -1 (default) fits
  const width = next.rules.length + 1;
  const moves = new Map<number, { from: number; to: number; deals: number; acv: number; example: HistoricalDeal }>();
  let deals = 0;
  let totalAcv = 0;
  let changedDeals = 0;
  let changedAcv = 0;

  return {
    get deals() {
      return deals;
    },
    add(batch) {
      for (const deal of batch) {
        const toIndex = next.winnerIndex(deal.facts);
        const to = routeOf(next, toIndex);
        const fromIndex = now ? now.winnerIndex(deal.facts) : -1;
        const from = now ? routeOf(now, fromIndex) : deal.currentRoute;
        const cell = matrix[from ?? "NONE"][to];
        cell.deals++;
        cell.acv += deal.acv;
        deals++;
        totalAcv += deal.acv;
        if (from === to) continue;
        changedDeals++;
        changedAcv += deal.acv;
        top.offer(deal, from, to);
        if (!now) continue;
        const key = (fromIndex + 1) * width + toIndex + 1;
        const move = moves.get(key);
        if (!move) moves.set(key, { from: fromIndex, to: toIndex, deals: 1, acv: deal.acv, example: deal });
        else {
          move.deals++;
          move.acv += deal.acv;
          if (before(deal, move.example)) move.example = deal;
        }
      }
    },
    result() {
      return {
        baseline: now ? "CURRENT_RULE_SET" : "RECORDED_ROUTE",
        totalDeals: deals,
        totalAcv,
        changedDeals,
        changedAcv,
        matrix: structuredClone(matrix),
        sample: top.items.map(({ deal, from, to }) => {
          const fromDecision = now ? now.explain(deal.facts) : null;
          const toDecision = next.explain(deal.facts);
          return {
            dealId: deal.id,
            acv: deal.acv,
            from,
            to,
            fromDecision,
            toDecision,
            fromTrace: fromDecision && current ? plainTrace(current, deal.facts, fromDecision.trace) : null,
            toTrace: plainTrace(candidate, deal.facts, toDecision.trace),
          };
        }),
        moves: now
          ? [...moves.values()]
              .map((m) => ({
                from: refOf(now, m.from),
                to: refOf(next, m.to),
                fromRoute: routeOf(now, m.from),
                toRoute: routeOf(next, m.to),
                deals: m.deals,
                acv: m.acv,
                example: { dealId: m.example.id, acv: m.example.acv },
              }))
              .sort((a, b) => b.acv - a.acv || b.deals - a.deals || (a.example.dealId < b.example.dealId ? -1 : 1))
          : [],
      };
    },
  };
}
