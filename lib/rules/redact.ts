// What a partner may read of a decision's trace (docs/domain.md#reading-a-decision). The one
// redaction of traces: lib/db/trace.ts applies it to every reader without
// "route:see-partner-clauses", on every surface and in the API.
//
// - Never the engine's technical text: it names fields and raw values.
// - Never facts the vendor keeps to itself (INTERNAL_FIELDS). A rule that applied because of one
//   is shown by its name and rationale alone ("Named strategic accounts — reserved for the direct
//   team"); one that did not apply because of one is left out; other checked conditions on them
//   are dropped.
// - Never another partner: a condition on partnerId says only whether it held, not whom it names.
import type { PlainClause, PlainTraceEntry } from "./plain-trace";
import type { FactField } from "./values";

/**
 * Facts about the account or the deal's history that the vendor keeps: whether the account is
 * reserved for the direct team, the vendor's segment tier for it, whether the vendor has a direct
 * team in the region, the route the deal had before, and whether another claim came first (which
 * would tell the partner that a competitor registered).
 */
export const INTERNAL_FIELDS: ReadonlySet<FactField> = new Set<FactField>([
  "namedAccount",
  "accountTier",
  "regionDirectPresence",
  "priorRoute",
  "registeredFirst",
]);

const PARTNER_CLAUSE_MET = "Partner — the rule's partner condition is met";
export const PARTNER_CLAUSE_NOT_MET = "Partner — the rule's partner condition is not met";

function partnerClause(c: PlainClause): PlainClause {
  return { field: c.field, passed: c.passed, text: c.passed ? PARTNER_CLAUSE_MET : PARTNER_CLAUSE_NOT_MET };
}

function redactEntry(entry: PlainTraceEntry): PlainTraceEntry {
  const { technical: _technical, unexplained, ...rest } = entry;
  void _technical;
  const deciding = entry.clauses.at(-1);
  const kept = entry.clauses.filter((c) => !INTERNAL_FIELDS.has(c.field));
  // a failed rule is decided by its last (failing) clause; a rule the renderer could not explain
  // keeps nothing but its name and rationale either
  const withheld =
    unexplained === true ||
    (entry.clauses.length > 0 && kept.length === 0) ||
    (!entry.matched && deciding !== undefined && INTERNAL_FIELDS.has(deciding.field));
  if (withheld) return { ...rest, clauses: [], reason: "", withheld: true };
  const clauses = kept.map((c) => (c.field === "partnerId" ? partnerClause(c) : c));
  return { ...rest, clauses, reason: clauses.map((c) => c.text).join("; ") };
}

/**
 * A plain trace as a partner may read it. A rule that did not apply because of a fact the vendor
 * keeps does not concern the partner and is left out (listing it would say which way the fact went).
 */
export function redactTraceForPartner(trace: readonly PlainTraceEntry[]): PlainTraceEntry[] {
  return trace.map(redactEntry).filter((t) => t.matched || !t.withheld);
}
