// A simulation of a rule set over historical deals (docs/domain.md#rules-of-engagement), end to end: the
// candidate and the rule set in force, the deals of the period read in batches (lib/db/historical-deals.ts)
// and folded into the streaming aggregator (lib/rules/simulate.ts) as they arrive, then the warnings
// about moves no changed rule chose (lib/rules/simulation-warnings.ts) and the names behind the few
// deals the result shows. Nothing holds every deal: memory stays flat whatever the period.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";
import { createSimulation, unintendedMoves, type MoveWarning, type SimulationResult } from "@/lib/rules";
import { db } from "./client";
import { countHistoricalDeals, historicalDeals } from "./historical-deals";
import { engineRuleSetFor, ruleSetInForceAt } from "./rule-sets";
import { opportunityScope } from "./scope";

export interface SimulationPeriod {
  from: Date;
  to: Date;
  baseline: SimulationResult["baseline"];
}

/** A deal the result shows, by name, with what its links need. */
export interface SimulatedDeal {
  name: string;
  accountId: string;
  accountName: string;
}

export interface SimulationReport extends SimulationResult {
  warnings: MoveWarning[];
  /** The deals of the sample and of the warnings' examples, by id. */
  deals: Record<string, SimulatedDeal>;
}

export interface PreparedSimulation {
  /** Deals the period holds, known before the first batch is read. */
  total: number;
  /**
   * Reads and decides every deal, calling `onProgress` after each batch; null when `signal` aborted
   * (checked between batches: the client went away or cancelled).
   */
  run(onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<SimulationReport | null>;
}

/** Everything that can refuse a simulation (permission, unknown rule set, nothing in force) fails here, before any stream starts. */
export async function prepareSimulation(ctx: Ctx, ruleSetId: string, p: SimulationPeriod): Promise<PreparedSimulation> {
  if (!can(ctx, "ruleset:edit")) throw forbidden();
  const { engine: candidate } = await engineRuleSetFor(ctx, ruleSetId);
  const current = p.baseline === "CURRENT_RULE_SET" ? (await ruleSetInForceAt(new Date()))?.engine : undefined;
  if (p.baseline === "CURRENT_RULE_SET" && !current)
    throw new AppError("UNPROCESSABLE", "No rule set is in force to compare with");
  const total = await countHistoricalDeals(ctx, p.from, p.to);
  return {
    total,
    async run(onProgress, signal) {
      const simulation = createSimulation({ candidate, current });
      for await (const batch of historicalDeals(ctx, p.from, p.to)) {
        if (signal?.aborted) return null;
        simulation.add(batch);
        onProgress(simulation.deals, Math.max(total, simulation.deals));
        await nextTurn();
      }
      const result = simulation.result();
      const warnings = current ? unintendedMoves(current, candidate, result.moves) : [];
      const ids = [...result.sample.map((c) => c.dealId), ...warnings.map((w) => w.example.dealId)];
      return { ...result, warnings, deals: await simulatedDeals(ctx, ids) };
    },
  };
}

/**
 * A turn of the event loop. On SQLite the driver is synchronous, so a run of batches never leaves the
 * microtask queue: without this, the progress lines would reach the client all at once at the end and
 * the server would answer no other request for the whole run (measured: one 10 s chunk at 1M deals).
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function simulatedDeals(ctx: Ctx, ids: string[]): Promise<Record<string, SimulatedDeal>> {
  if (ids.length === 0) return {};
  const rows = await db.opportunity.findMany({
    where: { AND: [opportunityScope(ctx), { id: { in: [...new Set(ids)] } }] },
    select: { id: true, name: true, account: { select: { id: true, name: true } } },
  });
  return Object.fromEntries(
    rows.map((r) => [r.id, { name: r.name, accountId: r.account.id, accountName: r.account.name }]),
  );
}
