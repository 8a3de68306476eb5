// Traces shown to a partner must not reveal other partners: a condition on partnerId would print
// their ids ("partnerId p_123 not in [p_9, p_12] ✗"). For partner viewers such a clause is
// replaced by a neutral one that keeps its outcome mark.
import type { TraceEntry } from "./types";

const CLAUSE = /(^|; )partnerId [^;]*?( [✓✗])(?=;|$)/g;

export function redactPartnerClauses(reason: string): string {
  return reason.replace(CLAUSE, (_m, lead: string, mark: string) => `${lead}partner condition${mark}`);
}

export function redactTraceForPartner<T extends Pick<TraceEntry, "reason">>(trace: readonly T[]): T[] {
  return trace.map((t) => ({ ...t, reason: redactPartnerClauses(t.reason) }));
}
