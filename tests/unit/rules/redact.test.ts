// What a partner reads of a trace (lib/rules/redact.ts): never the technical text, never a fact the
// vendor keeps (named account, account tier, direct presence, prior route, registered first), never
// another partner's id or name.
import { describe, expect, it } from "vitest";
import { evaluate, type Facts, type Rule } from "@/lib/rules";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { plainTrace } from "@/lib/rules/plain-trace";
import { INTERNAL_FIELDS, PARTNER_CLAUSE_NOT_MET, redactTraceForPartner } from "@/lib/rules/redact";
import { makeFacts, makeRuleSet } from "@/tests/factories/facts";
import { INTERNAL_FACT_WORDS } from "@/tests/factories/internal-facts";

function partnerView(ruleSet = DEFAULT_RULE_SET, facts: Facts, names?: Record<string, string>) {
  const full = plainTrace(ruleSet, facts, evaluate(ruleSet, facts).trace, { partnerNames: names });
  return { full, redacted: redactTraceForPartner(full) };
}

describe("a partner's trace", () => {
  it.each<[string, Facts]>([
    ["a deal that falls to a band rule", makeFacts({ acv: 12_000_000 })],
    ["a named account", makeFacts({ namedAccount: true })],
    ["a region without direct presence", makeFacts({ regionDirectPresence: false, acv: 500_000_000 })],
    ["a sticky deal", makeFacts({ priorRoute: "PARTNER_LED", registrationStatus: "APPROVED" })],
    ["a large deal", makeFacts({ acv: 223_550_000 })],
  ])("for %s holds no internal flag, value or technical text", (_label, facts) => {
    const { full, redacted } = partnerView(DEFAULT_RULE_SET, facts);
    // names and rationales are the rule set's own published words; what the trace says of the deal
    // (its clauses, reasons and any technical text) must not mention the vendor's facts
    const text = JSON.stringify(redacted.map(({ clauses, reason, technical }) => ({ clauses, reason, technical })));
    for (const word of INTERNAL_FACT_WORDS) expect(text).not.toContain(word);
    expect(redacted.every((t) => t.technical === undefined)).toBe(true);
    // the staff view of the same decision does show them: the test is not vacuous
    expect(JSON.stringify(full)).toMatch(/Named account|Direct presence|Prior route/);
    // the rule that decided is always there, by name
    expect(redacted.find((t) => t.matched)?.name).toBe(full.find((t) => t.matched)?.name);
  });

  it("shows a rule decided by an internal flag by its name and rationale only", () => {
    const { redacted } = partnerView(DEFAULT_RULE_SET, makeFacts({ namedAccount: true }));
    const named = redacted.find((t) => t.priority === 20)!;
    expect(named).toMatchObject({
      name: "Named strategic accounts",
      matched: true,
      withheld: true,
      clauses: [],
      reason: "",
    });
    expect(named.rationale).toMatch(/reserved for the direct team/);
    // rules that did not apply because of one are left out: listing them would tell which way it went
    const { redacted: other } = partnerView(DEFAULT_RULE_SET, makeFacts({ acv: 12_000_000 }));
    expect(other.map((t) => t.priority)).toEqual([40, 50, 60, 70]);
  });

  it("keeps the plain reasons that concern the partner's own deal", () => {
    const { redacted } = partnerView(DEFAULT_RULE_SET, makeFacts({ acv: 223_550_000, vertical: "HEALTHCARE" }));
    expect(redacted.find((t) => t.priority === 40)?.reason).toBe(
      "Vertical is Healthcare — one of Healthcare, Government, Financial services; ACV is $2.2M — not below $1M",
    );
    expect(redacted.at(-1)).toMatchObject({ matched: true, reason: "ACV is $2.2M — at least $1M" });
  });

  it("drops an internal clause that passed but keeps the public one that decided", () => {
    const rule: Partial<Rule> = {
      conditions: [
        { field: "accountTier", op: "in", value: ["MIDMARKET"] },
        { field: "acv", op: "lt", value: 5_000_000 },
      ],
    };
    const { redacted } = partnerView(makeRuleSet([rule]), makeFacts({ acv: 12_000_000 }));
    expect(redacted[0].withheld).toBeUndefined();
    expect(redacted[0].reason).toBe("ACV is $120K — not below $50K");
    expect(JSON.stringify(redacted)).not.toMatch(/Midmarket|accountTier/);
  });

  it("says whether another partner's clause held, never whom it names", () => {
    const ruleSet = makeRuleSet([
      { conditions: [{ field: "partnerId", op: "in", value: ["p-contoso", "p-fabrikam"] }] },
    ]);
    const { full, redacted } = partnerView(ruleSet, makeFacts({ partnerId: "p-northwind" }), {
      "p-contoso": "Contoso Partners",
      "p-fabrikam": "Fabrikam",
      "p-northwind": "Northwind",
    });
    expect(full[0].reason).toContain("Contoso Partners");
    expect(redacted[0].clauses).toEqual([{ field: "partnerId", passed: false, text: PARTNER_CLAUSE_NOT_MET }]);
    const text = JSON.stringify(redacted);
    for (const word of ["p-contoso", "p-fabrikam", "Contoso", "Fabrikam", "p-northwind"])
      expect(text).not.toContain(word);
  });

  it("withholds a rule the renderer could not explain", () => {
    const stored = evaluate(DEFAULT_RULE_SET, makeFacts({ namedAccount: true })).trace;
    const [entry] = redactTraceForPartner(plainTrace(DEFAULT_RULE_SET, {}, stored)).filter((t) => t.matched);
    expect(entry).toMatchObject({ name: "Named strategic accounts", withheld: true, reason: "" });
    expect(entry).not.toHaveProperty("technical");
    expect(entry).not.toHaveProperty("unexplained");
  });

  it("treats exactly the documented facts as internal", () => {
    expect([...INTERNAL_FIELDS].sort()).toEqual(
      ["accountTier", "namedAccount", "priorRoute", "regionDirectPresence", "registeredFirst"].sort(),
    );
  });
});
