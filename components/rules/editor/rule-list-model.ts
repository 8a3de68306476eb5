// The rule list's pure logic for drafts of up to 1,000 rules: which rules a search and the field
// and route filters show, where "jump to priority" lands, and how a rule moves one place. A move
// swaps the priorities of two neighbours, so one keystroke changes two rules, not a thousand.
import type { FactField, Route } from "@/lib/rules";
import type { EditorRule } from "./draft-model";

export type RuleFilter = { text: string; field: FactField | ""; route: Route | "" };

export const NO_FILTER: RuleFilter = { text: "", field: "", route: "" };

export function isFiltered(f: RuleFilter): boolean {
  return f.text.trim() !== "" || f.field !== "" || f.route !== "";
}

/** Case- and accent-insensitive form of a name, for search. */
function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
}

/**
 * Positions (in list order) of the rules the filter shows: every word of the search in the rule's
 * name, a condition on `field`, and the outcome `route`.
 */
export function filterRules(rules: readonly EditorRule[], f: RuleFilter): number[] {
  const words = fold(f.text).split(" ").filter(Boolean);
  const out: number[] = [];
  rules.forEach((r, i) => {
    if (f.route && r.outcome.route !== f.route) return;
    if (f.field && !r.conditions.some((c) => c.field === f.field)) return;
    if (words.length > 0) {
      const name = fold(r.name);
      if (!words.every((w) => name.includes(w))) return;
    }
    out.push(i);
  });
  return out;
}

/**
 * Where "jump to priority" lands: the rule with exactly that priority, or else the first one tried
 * after it (the list is in priority order); null past the end.
 */
export function findPriority(rules: readonly EditorRule[], priority: number): { index: number; exact: boolean } | null {
  const exact = rules.findIndex((r) => r.priority === priority);
  if (exact >= 0) return { index: exact, exact: true };
  const next = rules.findIndex((r) => r.priority > priority);
  return next >= 0 ? { index: next, exact: false } : null;
}

/**
 * The rule at `index` moved one place up (-1) or down (+1): it trades places and priorities with
 * its neighbour, every other rule keeps its priority. Out of range: the same array.
 */
export function moveRule(rules: EditorRule[], index: number, delta: -1 | 1): EditorRule[] {
  const to = index + delta;
  if (index < 0 || index >= rules.length || to < 0 || to >= rules.length) return rules;
  const a = rules[index];
  const b = rules[to];
  const next = [...rules];
  next[to] = { ...a, priority: b.priority };
  next[index] = { ...b, priority: a.priority };
  return next;
}

/** What a screen reader hears after a move: where the rule is now, and next to which rule. */
export function moveAnnouncement(rules: readonly EditorRule[], key: string): string {
  const i = rules.findIndex((r) => r.key === key);
  if (i < 0) return "";
  const label = (r: EditorRule) => `“${r.name.trim() || "Untitled rule"}”`;
  const rule = rules[i];
  const where =
    i > 0 ? `, below ${label(rules[i - 1])}` : rules.length > 1 ? `, first in the list, above ${label(rules[1])}` : "";
  return `${label(rule)} moved to priority ${rule.priority}, position ${i + 1} of ${rules.length}${where}.`;
}
