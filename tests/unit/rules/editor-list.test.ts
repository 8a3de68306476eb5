// The rule editor's list model (components/rules/editor/rule-list-model.ts): search, field and route
// filters, jump to priority and one-place moves, on drafts up to the 1,000 rules a draft may hold.
import { describe, expect, it } from "vitest";
import { toEditorRules, type EditorRule } from "@/components/rules/editor/draft-model";
import {
  filterRules,
  findPriority,
  isFiltered,
  moveAnnouncement,
  moveRule,
  NO_FILTER,
} from "@/components/rules/editor/rule-list-model";
import { DEFAULT_RULE_SET, ROUTES, type Condition, type Rule } from "@/lib/rules";

const REGIONS = ["EMEA-WEST", "NA-EAST", "APAC"];

/** n rules at priorities 10, 20, …: "Scale rule 1 — EMEA-WEST band", conditions alternating fields. */
function bigDraft(n: number): EditorRule[] {
  const rules: Rule[] = Array.from({ length: n }, (_, i) => {
    const conditions: Condition[] = [{ field: "acv", op: "gte", value: (i + 1) * 100_000 }];
    if (i % 3 === 0) conditions.push({ field: "vertical", op: "in", value: ["HEALTHCARE"] });
    return {
      id: `r${i + 1}`,
      priority: (i + 1) * 10,
      name: `Scale rule ${i + 1} — ${REGIONS[i % 3]} band`,
      rationale: "",
      conditions,
      outcome: {
        route: ROUTES[i % ROUTES.length],
        leadRole: "PARTNER",
        protectionDays: 90,
        attributionCategory: "PARTNER_SOURCED",
      },
    };
  });
  return toEditorRules(rules);
}

describe("filterRules", () => {
  const rules = bigDraft(1_000);

  it("shows every rule without a filter, in list order", () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(filterRules(rules, NO_FILTER)).toEqual(rules.map((_, i) => i));
  });

  it.each([
    ["rule 735", [734]],
    ["RULE 735 ", [734]],
    ["  emea-west   rule 73 ", [72, 372, 672, 729, 732, 735, 738, 972]],
    ["émea-west rule 100", [99, 999]],
    ["nothing like this", []],
  ])("search %j matches every word of the name, whatever the case and accents", (text, expected) => {
    const hits = filterRules(rules, { ...NO_FILTER, text });
    expect(hits).toEqual(expected);
    for (const i of hits) expect(rules[i].name.toLowerCase()).toContain("rule");
  });

  it("filters by a condition's field and by the outcome's route, together with the search", () => {
    const vertical = filterRules(rules, { ...NO_FILTER, field: "vertical" });
    expect(vertical).toHaveLength(334);
    expect(vertical.every((i) => i % 3 === 0)).toBe(true);
    expect(filterRules(rules, { ...NO_FILTER, field: "region" })).toEqual([]);

    const direct = filterRules(rules, { ...NO_FILTER, route: "DIRECT" });
    expect(direct).toHaveLength(200);
    expect(direct.every((i) => rules[i].outcome.route === "DIRECT")).toBe(true);

    const both = filterRules(rules, { text: "EMEA", field: "vertical", route: "DIRECT" });
    expect(both.every((i) => i % 3 === 0 && rules[i].outcome.route === "DIRECT")).toBe(true);
    expect(both.length).toBeGreaterThan(0);
    expect(isFiltered({ ...NO_FILTER, route: "DIRECT" })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, text: "   " })).toBe(false);
  });
});

describe("findPriority", () => {
  const rules = bigDraft(1_000);
  it.each([
    [7350, { index: 734, exact: true }],
    [10, { index: 0, exact: true }],
    [7355, { index: 735, exact: false }],
    [0, { index: 0, exact: false }],
    [10_000, { index: 999, exact: true }],
    [10_001, null],
  ])("priority %i lands on %j", (priority, expected) => {
    expect(findPriority(rules, priority)).toEqual(expected);
  });
  it("finds nothing in an empty draft", () => {
    expect(findPriority([], 10)).toBeNull();
  });
});

describe("moveRule", () => {
  const rules = toEditorRules(DEFAULT_RULE_SET.rules);

  it("swaps a rule with its neighbour and their priorities; every other rule is untouched", () => {
    const moved = moveRule(rules, 3, 1);
    expect(moved.map((r) => r.key)).toEqual([
      ...rules.slice(0, 3).map((r) => r.key),
      rules[4].key,
      rules[3].key,
      ...rules.slice(5).map((r) => r.key),
    ]);
    expect(moved.map((r) => r.priority)).toEqual(rules.map((r) => r.priority));
    expect(moved[4]).toEqual({ ...rules[3], priority: rules[4].priority });
    for (const i of [0, 1, 2, 5, 6, 7, 8]) expect(moved[i]).toBe(rules[i]);
    // and back again is where it started
    expect(moveRule(moved, 4, -1)).toEqual(rules);
  });

  it("does nothing past either end (the same array, so nothing re-renders)", () => {
    expect(moveRule(rules, 0, -1)).toBe(rules);
    expect(moveRule(rules, rules.length - 1, 1)).toBe(rules);
    expect(moveRule(rules, 99, 1)).toBe(rules);
  });

  it("keeps priorities strictly increasing through many moves on a 1,000-rule draft", () => {
    let big = bigDraft(1_000);
    const key = big[734].key;
    for (let k = 0; k < 40; k++)
      big = moveRule(
        big,
        big.findIndex((r) => r.key === key),
        -1,
      );
    const at = big.findIndex((r) => r.key === key);
    expect(at).toBe(694);
    expect(big[at].priority).toBe(6950);
    for (let i = 1; i < big.length; i++) expect(big[i].priority).toBeGreaterThan(big[i - 1].priority);
  });

  it("announces where the rule went", () => {
    const moved = moveRule(rules, 3, 1);
    expect(moveAnnouncement(moved, rules[3].key)).toBe(
      `“${rules[3].name}” moved to priority ${rules[4].priority}, position 5 of 9, below “${rules[4].name}”.`,
    );
    const top = moveRule(rules, 1, -1);
    expect(moveAnnouncement(top, rules[1].key)).toBe(
      `“${rules[1].name}” moved to priority ${rules[0].priority}, position 1 of 9, first in the list, above “${rules[0].name}”.`,
    );
    expect(moveAnnouncement(rules, "missing")).toBe("");
  });
});
