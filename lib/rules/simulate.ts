// Simulation before publishing (docs/domain.md#rules-of-engagement): run a draft rule set over historical deals and show
// what would move. Decisions use the compiled evaluators; traces are built only for the sample.
import { compileRuleSet, compiledFor } from "./compile";
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
}

export interface SimulationInput {
  candidate: RuleSet;
  deals: readonly HistoricalDeal[];
  /**
   * When given, "from" is this rule set's decision, so the result isolates the effect of the rule
   * change from past overrides, sticky ownership and conflict resolutions recorded on the deals.
   */
  current?: RuleSet;
  /** Default 20. */
  sampleSize?: number;
}

function emptyMatrix(): Record<FromRoute, Record<Route, MatrixCell>> {
  const matrix = {} as Record<FromRoute, Record<Route, MatrixCell>>;
  for (const from of FROM_ROUTES) {
    matrix[from] = {} as Record<Route, MatrixCell>;
    for (const to of ROUTES) matrix[from][to] = { deals: 0, acv: 0 };
  }
  return matrix;
}

export function simulate({ candidate, deals, current, sampleSize = 20 }: SimulationInput): SimulationResult {
  const next = compileRuleSet(candidate); // a draft: compiled afresh, never from the cache
  const now = current ? compiledFor(current) : null;
  const matrix = emptyMatrix();
  const changed: { deal: HistoricalDeal; from: Route | null; to: Route }[] = [];
  let totalAcv = 0;
  let changedAcv = 0;
  for (const deal of deals) {
    const to = next.decide(deal.facts).route;
    const from = now ? now.decide(deal.facts).route : deal.currentRoute;
    const cell = matrix[from ?? "NONE"][to];
    cell.deals++;
    cell.acv += deal.acv;
    totalAcv += deal.acv;
    if (from !== to) {
      changed.push({ deal, from, to });
      changedAcv += deal.acv;
    }
  }
  const sample = [...changed]
    .sort((a, b) => b.deal.acv - a.deal.acv || (a.deal.id < b.deal.id ? -1 : a.deal.id > b.deal.id ? 1 : 0))
    .slice(0, sampleSize)
    .map(({ deal, from, to }) => {
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
    });
  return {
    baseline: now ? "CURRENT_RULE_SET" : "RECORDED_ROUTE",
    totalDeals: deals.length,
    totalAcv,
    changedDeals: changed.length,
    changedAcv,
    matrix,
    sample,
  };
}
