// Side-by-side comparison of two rule set versions, matched by priority (unique within a set).
import type { Condition, DefaultOutcome, Rule, RuleSet } from "./types";

export type RuleChange =
  | { kind: "added"; priority: number; after: Rule }
  | { kind: "removed"; priority: number; before: Rule }
  | {
      kind: "changed";
      priority: number;
      before: Rule;
      after: Rule;
      fields: ("name" | "conditions" | "outcome" | "rationale")[];
    }
  | { kind: "unchanged"; priority: number; before: Rule; after: Rule };

export interface RuleSetDiff {
  changes: RuleChange[];
  defaultOutcomeChanged: boolean;
  before: { version: number; defaultOutcome: DefaultOutcome };
  after: { version: number; defaultOutcome: DefaultOutcome };
  counts: { added: number; removed: number; changed: number; unchanged: number };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const conditionsKey = (cs: readonly Condition[]) => JSON.stringify(cs.map((c) => [c.field, c.op, c.value ?? null]));

export function diffRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const old = new Map(before.rules.map((r) => [r.priority, r]));
  const next = new Map(after.rules.map((r) => [r.priority, r]));
  const priorities = [...new Set([...old.keys(), ...next.keys()])].sort((a, b) => a - b);
  const changes: RuleChange[] = priorities.map((priority) => {
    const b = old.get(priority);
    const a = next.get(priority);
    if (!b) return { kind: "added", priority, after: a! };
    if (!a) return { kind: "removed", priority, before: b };
    const fields: ("name" | "conditions" | "outcome" | "rationale")[] = [];
    if (a.name !== b.name) fields.push("name");
    if (conditionsKey(a.conditions) !== conditionsKey(b.conditions)) fields.push("conditions");
    if (!same(a.outcome, b.outcome)) fields.push("outcome");
    if (a.rationale !== b.rationale) fields.push("rationale");
    return fields.length
      ? { kind: "changed", priority, before: b, after: a, fields }
      : { kind: "unchanged", priority, before: b, after: a };
  });
  const count = (k: RuleChange["kind"]) => changes.filter((c) => c.kind === k).length;
  return {
    changes,
    defaultOutcomeChanged: !same(before.defaultOutcome, after.defaultOutcome),
    before: { version: before.version, defaultOutcome: before.defaultOutcome },
    after: { version: after.version, defaultOutcome: after.defaultOutcome },
    counts: {
      added: count("added"),
      removed: count("removed"),
      changed: count("changed"),
      unchanged: count("unchanged"),
    },
  };
}
