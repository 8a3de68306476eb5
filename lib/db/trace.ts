// A decision's trace as its reader may see it, in plain language (lib/rules/plain-trace.ts) and,
// for a reader without "route:see-partner-clauses" (a partner), redacted by the one redaction of
// traces (lib/rules/redact.ts): no technical text, no facts the vendor keeps, no other partner.
// Every surface that shows a trace goes through here: stored decisions where they are read
// (lib/db/registrations.ts, opportunities.ts, conflict-detail.ts), fresh evaluations where they are
// made (lib/db/route-decisions.ts, the route-decisions API). The simulation, admin only
// (`ruleset:edit`), renders its traces with the same renderer on the page.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import type { Facts, RuleSet, TraceEntry } from "@/lib/rules";
import { plainTrace, type PlainTraceEntry } from "@/lib/rules/plain-trace";
import { redactTraceForPartner } from "@/lib/rules/redact";
import { db } from "./client";
import { engineOfDecision } from "./rule-sets";

export type { PlainTraceEntry } from "@/lib/rules/plain-trace";

/** Names of the partners the tried rules' partner conditions mention, so staff read names, not ids. */
async function partnerNames(ruleSet: RuleSet, trace: readonly TraceEntry[]): Promise<Record<string, string>> {
  const tried = new Set(trace.map((t) => t.ruleId));
  const ids = new Set<string>();
  for (const rule of ruleSet.rules) {
    if (!tried.has(rule.id)) continue;
    for (const c of rule.conditions) {
      if (c.field !== "partnerId") continue;
      const values = c.op === "in" || c.op === "notIn" ? c.value : c.op === "eq" || c.op === "neq" ? [c.value] : [];
      for (const v of values) ids.add(String(v));
    }
  }
  if (ids.size === 0) return {};
  const rows = await db.partner.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** A decision's trace for this reader, rendered from the rule set and facts it was decided on. */
export async function traceFor(
  ctx: Ctx,
  ruleSet: RuleSet,
  facts: Facts,
  trace: readonly TraceEntry[],
): Promise<PlainTraceEntry[]> {
  if (!can(ctx, "route:see-partner-clauses")) return redactTraceForPartner(plainTrace(ruleSet, facts, trace));
  return plainTrace(ruleSet, facts, trace, { partnerNames: await partnerNames(ruleSet, trace) });
}

const NO_RULE_SET: RuleSet = {
  id: "",
  version: 0,
  rules: [],
  defaultOutcome: { route: "DIRECT", leadRole: "AE", protectionDays: null, attributionCategory: "DIRECT" },
};

type StoredDecision = { ruleSetId: string; facts: unknown; trace: unknown };
/** A stored decision as read: the trace rendered; the facts for staff only. */
export type StoredDecisionView<D extends StoredDecision> = Omit<D, "facts" | "trace"> & {
  facts?: unknown;
  trace: PlainTraceEntry[];
};

/**
 * A stored RouteDecision as this reader may see it: its trace in plain language, and without its
 * facts, which hold what the vendor keeps to itself (the trace says what a reader may know of them).
 */
export async function storedDecisionFor<D extends StoredDecision>(
  ctx: Ctx,
  decision: D | null,
): Promise<StoredDecisionView<D> | null> {
  if (!decision) return null;
  const { facts, trace, ...rest } = decision;
  // staff read the facts whole ("Facts the rules saw"); a partner only what its trace says of them
  const shown = can(ctx, "route:see-partner-clauses") ? { facts } : {};
  if (!Array.isArray(trace)) return { ...rest, ...shown, trace: [] };
  const ruleSet = (await engineOfDecision(decision.ruleSetId)) ?? NO_RULE_SET;
  const known = facts && typeof facts === "object" && !Array.isArray(facts) ? (facts as Facts) : {};
  return { ...rest, ...shown, trace: await traceFor(ctx, ruleSet, known, trace as TraceEntry[]) };
}
