// The plain-language trace (lib/rules/plain-trace.ts): every operator, holding and failing, and on
// a missing fact; compact dollars that never make two amounts look equal; the default outcome; and
// a stored trace that no longer fits the rules.
import { describe, expect, it } from "vitest";
import { evaluate, type Condition, type Facts } from "@/lib/rules";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { plainClauses, plainTrace } from "@/lib/rules/plain-trace";
import { makeFacts, makeRuleSet } from "@/tests/factories/facts";

/** The text of a one-condition rule against these facts. */
function text(c: Condition, facts: Facts): { text: string; passed: boolean } {
  const [rule] = makeRuleSet([{ conditions: [c] }]).rules;
  const [clause] = plainClauses(rule, facts);
  return { text: clause.text, passed: clause.passed };
}

const K250 = 25_000_000;
const M1 = 100_000_000;

describe("one condition in plain language", () => {
  it.each<[string, Condition, Facts, string, boolean]>([
    // comparisons on money: compact dollars, the rule's own relation, "not" when it fails
    ["lt holds", { field: "acv", op: "lt", value: K250 }, { acv: 12_000_000 }, "ACV is $120K — below $250K", true],
    [
      "lt fails",
      { field: "acv", op: "lt", value: K250 },
      { acv: 223_550_000 },
      "ACV is $2.2M — not below $250K",
      false,
    ],
    ["lte holds", { field: "acv", op: "lte", value: K250 }, { acv: K250 }, "ACV is $250K — at most $250K", true],
    ["lte fails", { field: "acv", op: "lte", value: K250 }, { acv: M1 }, "ACV is $1M — not at most $250K", false],
    ["gt holds", { field: "acv", op: "gt", value: K250 }, { acv: M1 }, "ACV is $1M — above $250K", true],
    ["gt fails", { field: "acv", op: "gt", value: K250 }, { acv: K250 }, "ACV is $250K — not above $250K", false],
    ["gte holds", { field: "acv", op: "gte", value: M1 }, { acv: 150_000_000 }, "ACV is $1.5M — at least $1M", true],
    ["gte fails", { field: "acv", op: "gte", value: M1 }, { acv: K250 }, "ACV is $250K — not at least $1M", false],
    [
      "between holds",
      { field: "acv", op: "between", value: [K250, M1] },
      { acv: 31_200_000 },
      "ACV is $312K — at least $250K and below $1M",
      true,
    ],
    [
      "between fails below",
      { field: "acv", op: "between", value: [K250, M1] },
      { acv: 12_000_000 },
      "ACV is $120K — not at least $250K",
      false,
    ],
    [
      "between fails at its exclusive top",
      { field: "acv", op: "between", value: [K250, M1] },
      { acv: M1 },
      "ACV is $1M — not below $1M",
      false,
    ],
    // codes: labels and humanized values
    [
      "in holds",
      { field: "vertical", op: "in", value: ["HEALTHCARE", "GOVERNMENT", "FINANCIAL_SERVICES"] },
      { vertical: "HEALTHCARE" },
      "Vertical is Healthcare — one of Healthcare, Government, Financial services",
      true,
    ],
    [
      "in fails",
      { field: "vertical", op: "in", value: ["HEALTHCARE", "GOVERNMENT"] },
      { vertical: "RETAIL" },
      "Vertical is Retail — not one of Healthcare, Government",
      false,
    ],
    [
      "notIn holds",
      { field: "vertical", op: "notIn", value: ["GOVERNMENT"] },
      { vertical: "MEDIA" },
      "Vertical is Media — not one of Government",
      true,
    ],
    [
      "notIn fails",
      { field: "vertical", op: "notIn", value: ["GOVERNMENT", "EDUCATION"] },
      { vertical: "GOVERNMENT" },
      "Vertical is Government — the rule excludes Government, Education",
      false,
    ],
    [
      "eq holds",
      { field: "partnerType", op: "eq", value: "MARKETPLACE" },
      { partnerType: "MARKETPLACE" },
      "Partner type is Marketplace — the rule needs Marketplace",
      true,
    ],
    [
      "eq fails",
      { field: "partnerType", op: "eq", value: "MARKETPLACE" },
      { partnerType: "RESELLER" },
      "Partner type is Reseller — the rule needs Marketplace",
      false,
    ],
    [
      "neq holds",
      { field: "stage", op: "neq", value: "CLOSED_LOST" },
      { stage: "QUALIFIED" },
      "Stage is Qualified — the rule excludes Closed lost",
      true,
    ],
    [
      "neq fails",
      { field: "country", op: "neq", value: "US" },
      { country: "US" },
      "Country is US — the rule excludes US",
      false,
    ],
    // flags: yes/no, and what the rule needs
    [
      "isTrue holds",
      { field: "namedAccount", op: "isTrue" },
      { namedAccount: true },
      "Named account: yes — the rule needs yes",
      true,
    ],
    [
      "isTrue fails",
      { field: "namedAccount", op: "isTrue" },
      { namedAccount: false },
      "Named account: no — the rule needs yes",
      false,
    ],
    [
      "isFalse holds",
      { field: "regionDirectPresence", op: "isFalse" },
      { regionDirectPresence: false },
      "Direct presence in region: no — the rule needs no",
      true,
    ],
    [
      "isFalse fails",
      { field: "regionDirectPresence", op: "isFalse" },
      { regionDirectPresence: true },
      "Direct presence in region: yes — the rule needs no",
      false,
    ],
    [
      "exists holds",
      { field: "region", op: "exists" },
      { region: "EMEA" },
      "Region is EMEA — the rule only needs it known",
      true,
    ],
    ["exists fails", { field: "region", op: "exists" }, {}, "Region: not known — the rule needs it known", false],
    // dates read as dates, with before/after
    [
      "date gte holds",
      { field: "at", op: "gte", value: "2026-01-01T00:00:00.000Z" },
      { at: "2026-03-02T09:00:00.000Z" },
      "Decision time is Mar 2, 2026, 9:00 AM UTC — on or after Jan 1, 2026, 12:00 AM UTC",
      true,
    ],
    [
      "date lt fails",
      { field: "at", op: "lt", value: "2026-01-01T00:00:00.000Z" },
      { at: "2026-03-02T09:00:00.000Z" },
      "Decision time is Mar 2, 2026, 9:00 AM UTC — not before Jan 1, 2026, 12:00 AM UTC",
      false,
    ],
  ])("%s", (_label, c, facts, expected, passed) => {
    expect(text(c, facts)).toEqual({ text: expected, passed });
  });
});

describe("a missing fact", () => {
  it.each<[Condition, string, boolean]>([
    [{ field: "acv", op: "lt", value: K250 }, "ACV: not known — the rule needs it below $250K", false],
    [
      { field: "acv", op: "between", value: [K250, M1] },
      "ACV: not known — the rule needs it at least $250K and below $1M",
      false,
    ],
    [
      { field: "vertical", op: "in", value: ["HEALTHCARE"] },
      "Vertical: not known — the rule needs one of Healthcare",
      false,
    ],
    [{ field: "namedAccount", op: "isTrue" }, "Named account: not known — the rule needs yes", false],
    [{ field: "namedAccount", op: "isFalse" }, "Named account: not known — the rule needs no", false],
    [{ field: "partnerTier", op: "eq", value: "GOLD" }, "Partner tier: not known — the rule needs Gold", false],
    // neq and notIn hold on a missing fact (lib/rules/conditions.ts)
    [{ field: "partnerTier", op: "neq", value: "GOLD" }, "Partner tier: not known — the rule excludes Gold", true],
    [{ field: "vertical", op: "notIn", value: ["GOVERNMENT"] }, "Vertical: not known — not one of Government", true],
  ])("%j", (c, expected, passed) => {
    expect(text(c, {})).toEqual({ text: expected, passed });
  });
});

describe("compact dollars", () => {
  it("turn exact when two different amounts would read the same", () => {
    // $249,999.99 and $250,000 are both "$250K" compact: "$250K — below $250K" would contradict itself
    expect(text({ field: "acv", op: "lt", value: K250 }, { acv: 24_999_999 }).text).toBe(
      "ACV is $249,999.99 — below $250,000",
    );
    expect(text({ field: "acv", op: "gte", value: K250 }, { acv: 24_999_999 }).text).toBe(
      "ACV is $249,999.99 — not at least $250,000",
    );
  });

  it("stay compact when equal amounts read equal", () => {
    expect(text({ field: "acv", op: "lt", value: K250 }, { acv: K250 }).text).toBe("ACV is $250K — not below $250K");
  });
});

describe("codes", () => {
  it("read as words, spelled as people spell them", () => {
    expect(text({ field: "productKind", op: "in", value: ["ADDON", "SERVICES"] }, { productKind: "CORE" }).text).toBe(
      "Product kind is Core — not one of Add-on, Services",
    );
    expect(text({ field: "partnerType", op: "eq", value: "MSP" }, { partnerType: "MSP" }).text).toBe(
      "Partner type is MSP — the rule needs MSP",
    );
  });
});

describe("partner conditions", () => {
  it("name partners when their names are given, and print the id otherwise", () => {
    const [rule] = makeRuleSet([{ conditions: [{ field: "partnerId", op: "in", value: ["p1", "p2"] }] }]).rules;
    const names = { p1: "Contoso Partners", p2: "Fabrikam" };
    expect(plainClauses(rule, { partnerId: "p3" }, { partnerNames: names })[0].text).toBe(
      "Partner is p3 — not one of Contoso Partners, Fabrikam",
    );
  });
});

describe("a whole trace", () => {
  it("lists the rules tried with their clauses, names and rationales, the technical text beside them", () => {
    const facts = makeFacts({ acv: 223_550_000, vertical: "HEALTHCARE" });
    const decision = evaluate(DEFAULT_RULE_SET, facts);
    const trace = plainTrace(DEFAULT_RULE_SET, facts, decision.trace);
    expect(trace.map((t) => t.priority)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const specialized = trace.find((t) => t.priority === 40)!;
    expect(specialized.name).toBe("Specialized verticals");
    expect(specialized.matched).toBe(false);
    expect(specialized.clauses).toEqual([
      {
        field: "vertical",
        passed: true,
        text: "Vertical is Healthcare — one of Healthcare, Government, Financial services",
      },
      { field: "acv", passed: false, text: "ACV is $2.2M — not below $1M" },
    ]);
    expect(specialized.reason).toBe(
      "Vertical is Healthcare — one of Healthcare, Government, Financial services; ACV is $2.2M — not below $1M",
    );
    expect(specialized.technical).toBe(decision.trace[3].reason);
    const winner = trace.at(-1)!;
    expect(winner).toMatchObject({ name: "Above $1M ACV", matched: true, reason: "ACV is $2.2M — at least $1M" });
    expect(winner.rationale).toMatch(/^Large deals are led by the direct team/);
  });

  it("ends with the default outcome when no rule matched", () => {
    const ruleSet = makeRuleSet([{ conditions: [{ field: "acv", op: "lt", value: K250 }] }], {
      defaultOutcome: {
        route: "DIRECT",
        leadRole: "AE",
        protectionDays: null,
        attributionCategory: "DIRECT",
        rationale: "Direct by default.",
      },
    });
    const facts = { acv: M1 };
    const trace = plainTrace(ruleSet, facts, evaluate(ruleSet, facts).trace);
    expect(trace).toHaveLength(2);
    expect(trace[1]).toMatchObject({
      ruleId: null,
      name: "Default outcome",
      matched: true,
      rationale: "Direct by default.",
    });
  });

  it("says a rule without conditions applies to every deal", () => {
    const ruleSet = makeRuleSet([{ conditions: [] }]);
    const [entry] = plainTrace(ruleSet, {}, evaluate(ruleSet, {}).trace);
    expect(entry).toMatchObject({
      matched: true,
      clauses: [],
      reason: "No conditions — the rule applies to every deal",
    });
  });

  it("marks a stored trace the rules no longer give on these facts as unexplained, keeping the technical text", () => {
    const facts = makeFacts({ acv: 12_000_000 });
    const stored = evaluate(DEFAULT_RULE_SET, facts).trace;
    // the same trace read against other facts (e.g. a decision stored without its facts)
    const trace = plainTrace(DEFAULT_RULE_SET, {}, stored);
    const winner = trace.find((t) => t.matched)!;
    expect(winner).toMatchObject({ name: "Under $250K ACV", unexplained: true, clauses: [] });
    expect(winner.technical).toBe(stored.at(-1)!.reason);
    // and a rule the set does not hold
    const [gone] = plainTrace(makeRuleSet([]), facts, [
      { ruleId: "gone", priority: 5, matched: false, reason: "acv ✗" },
    ]);
    expect(gone).toMatchObject({ name: "Rule 5", unexplained: true, technical: "acv ✗" });
  });
});
