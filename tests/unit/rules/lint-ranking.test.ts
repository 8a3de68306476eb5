// Lint ranks by consequence (docs/domain.md#lint). Issue 15 broke here: narrowing rule 70 to "under $150K" opened a
// real gap ($150K–$250K deals fell to the Direct default) that lint listed "for information", under 21 overlap
// warnings that are normal in a first-match list.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET, defaultRuleSet } from "@/lib/rules/default-rule-set";
import { interpret } from "@/lib/rules/interpret";
import { lintRuleSet, type LintFinding } from "@/lib/rules/lint";
import type { Rule, RuleSet } from "@/lib/rules/types";
import { ruleSetArb } from "./arbitraries";

const ACV_150K = 15_000_000;
const ACV_250K = 25_000_000;

function withRule(set: RuleSet, priority: number, change: (rule: Rule) => Rule | null): RuleSet {
  const copy = defaultRuleSet({ id: "draft", version: set.version + 1 });
  const rules = copy.rules.flatMap((r) => {
    if (r.priority !== priority) return [r];
    const next = change(r);
    return next ? [next] : [];
  });
  return { ...copy, rules };
}

const narrowed = withRule(DEFAULT_RULE_SET, 70, (r) => ({
  ...r,
  name: "Under $150K ACV",
  conditions: [{ field: "acv", op: "lt", value: ACV_150K }],
}));
const severities = (findings: LintFinding[], severity: LintFinding["severity"]) =>
  findings.filter((f) => f.severity === severity);

describe("lint ranking on the default rule set", () => {
  it("the default rule set against itself: no errors, no warnings; its overlaps are information", () => {
    const report = lintRuleSet(DEFAULT_RULE_SET, { inForce: DEFAULT_RULE_SET });
    expect([report.errors, report.warnings]).toEqual([0, 0]);
    const overlaps = report.findings.filter((f) => f.kind === "OVERLAP");
    expect(overlaps.length).toBeGreaterThan(5);
    for (const f of overlaps) {
      expect(f.severity).toBe("info");
      expect(f.example).not.toBeNull();
    }
    // without a rule set in force there is nothing to compare with: still no warnings
    expect(lintRuleSet(DEFAULT_RULE_SET).warnings).toBe(0);
  });

  it("rule 70 narrowed to under $150K: exactly one warning, the new gap, with a $200,000 example", () => {
    const report = lintRuleSet(narrowed, { inForce: DEFAULT_RULE_SET });
    const warnings = severities(report.findings, "warning");
    expect(warnings).toHaveLength(1);
    const [gap] = warnings;
    expect(gap.kind).toBe("GAP");
    expect(gap.ruleIds).toEqual(["roe-70-under-250k"]);
    expect(gap.message).toBe(
      "Deals with ACV at least $150,000 and below $250,000 now fall to the default outcome (direct). " +
        "The rule set in force routes them by Rule 70 · Under $250K ACV (partner-led); " +
        "in this draft Rule 70 · Under $150K ACV no longer matches them.",
    );
    // the example: a round amount inside [150K, 250K), an ordinary deal otherwise
    expect(gap.example).toMatchObject({
      acv: 20_000_000,
      country: "US",
      productLine: "Platform",
      vertical: "TECHNOLOGY",
    });
    expect(gap.example!.acv).toBeGreaterThanOrEqual(ACV_150K);
    expect(gap.example!.acv).toBeLessThan(ACV_250K);
    expect(interpret(narrowed, gap.example!).ruleId).toBeNull();
    expect(interpret(DEFAULT_RULE_SET, gap.example!).ruleId).toBe("roe-70-under-250k");
    // the warning is first; the gap that was there before (no ACV) stays information
    expect(report.findings[0]).toBe(gap);
    const oldGaps = report.findings.filter((f) => f.kind === "GAP" && f.severity === "info");
    expect(oldGaps.length).toBeGreaterThan(0);
    for (const f of oldGaps) expect(f.message).toMatch(/ACV not given.*as they already do under the rule set in force/);
    expect(report.publishable).toBe(true);
  });

  it("the same draft without a rule set in force: the gap is information (nothing to compare with)", () => {
    const report = lintRuleSet(narrowed);
    expect(report.warnings).toBe(0);
    expect(
      report.findings.some((f) => f.kind === "GAP" && /ACV at least \$150,000 and below \$250,000/.test(f.message)),
    ).toBe(true);
  });

  it("a rule removed: the warning says the draft removes it and badges no rule", () => {
    const removed = withRule(DEFAULT_RULE_SET, 70, () => null);
    const warnings = severities(lintRuleSet(removed, { inForce: DEFAULT_RULE_SET }).findings, "warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: "GAP", ruleIds: [] });
    expect(warnings[0].message).toMatch(
      /ACV below \$250,000 now fall to the default.*Rule 70 · Under \$250K ACV \(partner-led\); this draft removes that rule\./,
    );
    expect(interpret(removed, warnings[0].example!).ruleId).toBeNull();
  });

  it("a rule made unreachable is a warning on that rule alone, with a deal it matches but loses", () => {
    const shadowed = withRule(DEFAULT_RULE_SET, 80, (r) => ({
      ...r,
      conditions: [{ field: "acv", op: "between", value: [5_000_000, 10_000_000] }],
    }));
    const report = lintRuleSet(shadowed, { inForce: DEFAULT_RULE_SET });
    const dead = report.findings.filter((f) => f.kind === "SHADOWED");
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ severity: "warning" });
    expect(dead[0].ruleIds[0]).toBe("roe-80-250k-to-1m");
    expect(dead[0].message).toMatch(/^Rule 80 · \$250K–\$1M ACV can never apply: Rule 70 · Under \$250K ACV matches/);
    expect(interpret(shadowed, dead[0].example!).ruleId).toBe("roe-70-under-250k");
    expect(report.publishable).toBe(true);
  });

  it("overlaps resolved by priority are information only, each with an example matching both rules", () => {
    const report = lintRuleSet(DEFAULT_RULE_SET, { inForce: DEFAULT_RULE_SET });
    const overlap = report.findings.find(
      (f) => f.kind === "OVERLAP" && f.ruleIds.join() === "roe-70-under-250k,roe-20-named-accounts",
    )!;
    expect(overlap.severity).toBe("info");
    expect(overlap.message).toMatch(
      new RegExp(
        "^Rule 20 · Named strategic accounts and Rule 70 · Under \\$250K ACV overlap; priority resolves it: a deal " +
          "matching both follows Rule 20 · Named strategic accounts \\(direct with a partner attached rather than partner-led, ",
      ),
    );
    expect(interpret(DEFAULT_RULE_SET, overlap.example!).ruleId).toBe("roe-20-named-accounts");
  });
});

describe("gaps against a rule set in force hold on generated rule sets", () => {
  it("a new gap's example falls to the default in the draft but not in force; an old gap's in neither", () => {
    const seen = { warning: 0, info: 0, error: 0 };
    fc.assert(
      fc.property(ruleSetArb({ maxRules: 8 }), ruleSetArb({ maxRules: 8 }), (draft, inForce) => {
        const report = lintRuleSet(draft, { inForce });
        for (const f of report.findings.filter((x) => x.kind === "GAP")) {
          seen[f.severity]++;
          expect(interpret(draft, f.example!).ruleId).toBeNull();
          if (f.severity === "warning") expect(interpret(inForce, f.example!).ruleId).not.toBeNull();
          else expect(interpret(inForce, f.example!).ruleId).toBeNull();
        }
      }),
      { numRuns: 200, seed: 20261206 },
    );
    // the generated sets exercise both kinds
    expect(seen.warning).toBeGreaterThan(20);
    expect(seen.info).toBeGreaterThan(20);
  }, 30_000);
});
