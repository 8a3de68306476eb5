// A rule trace as its reader may see it. A trace prints every rule tried, and a condition on
// particular partners prints their ids ("partnerId p_1 not in [p_9, p_12] ✗"); a reader without
// "route:see-partner-clauses" (a partner) gets such clauses neutralised (lib/rules/redact.ts).
// Every surface that shows a trace goes through this one function: stored decisions are fitted
// where they are read (lib/db/registrations.ts, lib/db/opportunities.ts), fresh evaluations where
// they are made (lib/actions/route-preview.ts, lib/actions/rule-sets.ts, the route-decisions API).
// The simulation API, admin only (`ruleset:edit`), shows its traces whole.
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import type { TraceEntry } from "@/lib/rules";
import { redactTraceForPartner } from "@/lib/rules/redact";

export function traceFor<T extends Pick<TraceEntry, "reason">>(ctx: Ctx, trace: readonly T[]): T[] {
  return can(ctx, "route:see-partner-clauses") ? [...trace] : redactTraceForPartner(trace);
}

/** A stored trace (RouteDecision.trace, JSON) for this reader; anything but a list reads as none. */
export function storedTraceFor(ctx: Ctx, trace: unknown): TraceEntry[] {
  return traceFor(ctx, Array.isArray(trace) ? (trace as TraceEntry[]) : []);
}
