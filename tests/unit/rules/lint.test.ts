import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conditionHolds } from "@/lib/rules/conditions";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { readFact } from "@/lib/rules/facts";
import { interpret } from "@/lib/rules/interpret";
import { lintRuleSet, type LintFinding } from "@/lib/rules/lint";
import type { Condition, Facts, Rule, RuleSet } from "@/lib/rules/types";
import { OUTCOMES, makeRuleSet } from "@/tests/factories/facts";
import { factsArb, ruleSetArb } from "./arbitraries";

const matches = (rule: Rule, facts: Facts) => rule.conditions.every((c) => conditionHolds(c, readFact(facts, c.field)));
const ruleById = (set: RuleSet, id: string) => set.rules.find((r) => r.id === id)!;
const of = (findings: LintFinding[], kind: LintFinding["kind"]) => findings.filter((f) => f.kind === kind);

describe("contradictions", () => {
  it.each<[string, Condition[], RegExp]>([
    [
      "empty range",
      [
        { field: "acv", op: "gt", value: 500 },
        { field: "acv", op: "lt", value: 300 },
      ],
      /acv > 5\.00 and acv < 3\.00 cannot both hold/,
    ],
    [
      "eq vs neq of the same value",
      [
        { field: "vertical", op: "eq", value: "MEDIA" },
        { field: "vertical", op: "neq", value: "MEDIA" },
      ],
      /vertical = MEDIA and vertical ≠ MEDIA/,
    ],
    [
      "in ∩ notIn empty",
      [
        { field: "vertical", op: "in", value: ["MEDIA"] },
        { field: "vertical", op: "notIn", value: ["MEDIA", "RETAIL"] },
      ],
      /vertical in \[MEDIA\] and vertical not in \[MEDIA, RETAIL\]/,
    ],
    [
      "isTrue and isFalse",
      [
        { field: "namedAccount", op: "isTrue" },
        { field: "namedAccount", op: "isFalse" },
      ],
      /namedAccount = true and namedAccount = false/,
    ],
    [
      "no whole cent in between",
      [
        { field: "acv", op: "gt", value: 500 },
        { field: "acv", op: "lt", value: 501 },
      ],
      /cannot both hold/,
    ],
    [
      "disjoint date windows",
      [
        { field: "at", op: "between", value: ["2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"] },
        { field: "at", op: "gte", value: "2026-04-01T00:00:00Z" },
      ],
      /cannot both hold/,
    ],
    [
      "three-way only",
      [
        { field: "acv", op: "gte", value: 100 },
        { field: "acv", op: "lte", value: 300 },
        { field: "acv", op: "neq", value: 100 },
        { field: "acv", op: "between", value: [0, 101] },
      ],
      /acv ≠ 1\.00 and acv in \[0\.00, 1\.01\)|cannot all hold/,
    ],
  ])("%s is an error without an example", (_label, conditions, message) => {
    const set = makeRuleSet([
      { id: "bad", conditions },
      { id: "ok", conditions: [] },
    ]);
    const report = lintRuleSet(set);
    const [finding] = of(report.findings, "CONTRADICTION");
    expect(finding).toMatchObject({ severity: "error", ruleIds: ["bad"], example: null });
    expect(finding.message).toMatch(message);
    expect(report.publishable).toBe(false);
  });
});

describe("unreachable rules", () => {
  it("reports a rule shadowed by one higher rule, with an example it matches but loses", () => {
    const set = makeRuleSet([
      { id: "big", conditions: [{ field: "acv", op: "gte", value: 100_000_000 }] },
      {
        id: "media-big",
        conditions: [
          { field: "acv", op: "gte", value: 200_000_000 },
          { field: "vertical", op: "eq", value: "MEDIA" },
        ],
        outcome: OUTCOMES.direct,
      },
    ]);
    const [finding] = of(lintRuleSet(set).findings, "SHADOWED");
    // a warning since issue 15 (it was an error that blocked publishing): it changes no outcome by itself
    expect(finding).toMatchObject({ severity: "warning", ruleIds: ["media-big", "big"] });
    expect(finding.message).toMatch(
      /^Rule \d+ · Rule \d+ can never apply: Rule \d+ · Rule \d+ matches every deal it matches first\.$/,
    );
    expect(matches(ruleById(set, "media-big"), finding.example!)).toBe(true);
    expect(interpret(set, finding.example!).ruleId).toBe("big");
  });

  it("reports a rule covered only by several higher rules together", () => {
    const set = makeRuleSet([
      { id: "small", conditions: [{ field: "acv", op: "lt", value: 50_000_000 }] },
      { id: "large", conditions: [{ field: "acv", op: "gte", value: 50_000_000 }] },
      { id: "mid", conditions: [{ field: "acv", op: "gte", value: 10_000_000 }], outcome: OUTCOMES.coSell },
    ]);
    const [finding] = of(lintRuleSet(set).findings, "SHADOWED");
    expect(finding.ruleIds).toEqual(["mid", "small", "large"]);
    expect(finding.message).toMatch(/together, Rule \d+ · Rule \d+, Rule \d+ · Rule \d+ match every deal it matches/);
    expect(matches(ruleById(set, "mid"), finding.example!)).toBe(true);
    expect(interpret(set, finding.example!).ruleId).not.toBe("mid");
  });

  it("does not report a rule that still catches deals with a missing fact", () => {
    const set = makeRuleSet([
      { id: "small", conditions: [{ field: "acv", op: "lt", value: 50_000_000 }] },
      { id: "large", conditions: [{ field: "acv", op: "gte", value: 50_000_000 }] },
      { id: "not-five", conditions: [{ field: "acv", op: "neq", value: 5 }], outcome: OUTCOMES.coSell },
    ]);
    expect(of(lintRuleSet(set).findings, "SHADOWED")).toEqual([]);
    expect(interpret(set, {}).ruleId).toBe("not-five");
  });
});

describe("overlaps", () => {
  it("warns when rules with different outcomes overlap, with a deal that matches both", () => {
    const set = makeRuleSet([
      { id: "media", conditions: [{ field: "vertical", op: "in", value: ["MEDIA", "RETAIL"] }] },
      { id: "tiny", conditions: [{ field: "acv", op: "lt", value: 100 }], outcome: OUTCOMES.coSell },
      {
        id: "health",
        conditions: [{ field: "vertical", op: "eq", value: "HEALTHCARE" }],
        outcome: OUTCOMES.partnerLed,
      },
    ]);
    const report = lintRuleSet(set);
    const overlaps = of(report.findings, "OVERLAP");
    expect(overlaps.map((f) => f.ruleIds)).toEqual([
      ["tiny", "media"],
      ["health", "tiny"],
    ]);
    // information since issue 15 (it was a warning): priority resolves an overlap, as a first-match list intends
    expect(overlaps[0].severity).toBe("info");
    expect(overlaps[0].message).toMatch(/partner-led rather than co-sell, led by partner rather than AE and partner/);
    for (const finding of overlaps) {
      for (const id of finding.ruleIds) expect(matches(ruleById(set, id), finding.example!)).toBe(true);
    }
    expect(report.publishable).toBe(true);
  });

  it("caps the list and says how many more there are", () => {
    // acv < 1.00, < 2.00, … : each range contains the ones above it, so none is shadowed;
    // the 9 pairs of alternating outcomes overlap.
    const set = makeRuleSet(
      Array.from({ length: 6 }, (_, i) => ({
        conditions: [{ field: "acv", op: "lt", value: (i + 1) * 100 } as Condition],
        outcome: i % 2 ? OUTCOMES.direct : OUTCOMES.coSell,
      })),
    );
    const report = lintRuleSet(set, { maxOverlaps: 2 });
    const overlaps = of(report.findings, "OVERLAP");
    expect(overlaps).toHaveLength(3);
    expect(overlaps[2]).toMatchObject({
      ruleIds: [],
      message: expect.stringMatching(/^7 more overlaps resolved by priority/),
    });
    expect(report.complete).toBe(false);
  });
});

describe("gaps", () => {
  it("describes regions that fall to the default, with an example that does", () => {
    const set = makeRuleSet([
      { conditions: [{ field: "vertical", op: "eq", value: "MEDIA" }] },
      { conditions: [{ field: "namedAccount", op: "isTrue" }] },
    ]);
    const gaps = of(lintRuleSet(set).findings, "GAP");
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ severity: "info", ruleIds: [] });
    expect(gaps[0].message).toBe(
      "Deals with Vertical not MEDIA or (none); Named account false or (none) match no rule and fall to the default outcome (direct).",
    );
    expect(interpret(set, gaps[0].example!).ruleId).toBeNull();
  });

  it("finds none when a catch-all rule closes the set, and says 'every deal' when there are no rules", () => {
    expect(
      of(
        lintRuleSet(makeRuleSet([{ conditions: [{ field: "acv", op: "gte", value: 5 }] }, { conditions: [] }]))
          .findings,
        "GAP",
      ),
    ).toEqual([]);
    expect(of(lintRuleSet(makeRuleSet([])).findings, "GAP")[0].message).toBe(
      "Every deal matches no rule and falls to the default outcome (direct).",
    );
  });

  it("on the default rule set: deals without an ACV that no earlier rule catches", () => {
    for (const gap of of(lintRuleSet(DEFAULT_RULE_SET).findings, "GAP")) {
      expect(interpret(DEFAULT_RULE_SET, gap.example!).ruleId).toBeNull();
    }
  });
});

describe("report", () => {
  it("orders errors, then warnings, then information, and counts them", () => {
    const set = makeRuleSet([
      {
        id: "d",
        conditions: [
          { field: "acv", op: "gt", value: 500 },
          { field: "acv", op: "lt", value: 300 },
        ],
      },
      { id: "a", conditions: [{ field: "vertical", op: "eq", value: "MEDIA" }] },
      { id: "b", conditions: [{ field: "vertical", op: "in", value: ["MEDIA", "RETAIL"] }], outcome: OUTCOMES.direct },
      { id: "c", conditions: [{ field: "vertical", op: "eq", value: "MEDIA" }], outcome: OUTCOMES.coSell },
    ]);
    const report = lintRuleSet(set);
    expect(report.findings.map((f) => [f.severity, f.kind, f.ruleIds[0] ?? null])).toEqual([
      ["error", "CONTRADICTION", "d"],
      ["warning", "SHADOWED", "c"],
      ["info", "OVERLAP", "b"],
      ["info", "GAP", null],
    ]);
    expect([report.errors, report.warnings, report.infos, report.publishable, report.complete]).toEqual([
      1,
      1,
      2,
      false,
      true,
    ]);
  });
});

describe("lint findings hold on generated rule sets", () => {
  it("never calls a rule dead that wins a deal, and every example shows what it claims", () => {
    fc.assert(
      fc.property(ruleSetArb({ maxRules: 12 }), fc.array(factsArb, { maxLength: 30 }), (set, deals) => {
        const report = lintRuleSet(set);
        const dead = new Set(
          report.findings.filter((f) => f.kind === "CONTRADICTION" || f.kind === "SHADOWED").map((f) => f.ruleIds[0]),
        );
        const noGaps = report.complete && !report.findings.some((f) => f.kind === "GAP");
        for (const facts of deals) {
          const winner = interpret(set, facts).ruleId;
          if (winner !== null) expect(dead.has(winner)).toBe(false);
          else expect(noGaps).toBe(false);
        }
        for (const finding of report.findings) {
          if (finding.kind === "GAP") expect(interpret(set, finding.example!).ruleId).toBeNull();
          if (finding.kind === "SHADOWED") {
            expect(matches(ruleById(set, finding.ruleIds[0]), finding.example!)).toBe(true);
            expect(interpret(set, finding.example!).ruleId).not.toBe(finding.ruleIds[0]);
          }
          if (finding.kind === "OVERLAP" && finding.example) {
            for (const id of finding.ruleIds) expect(matches(ruleById(set, id), finding.example)).toBe(true);
          }
        }
      }),
      { numRuns: 300, seed: 20260303 },
    );
  }, 30_000); // ~1 s on an idle core
});
