import { describe, expect, it } from "vitest";
import {
  type PrecedentCandidate,
  type PrecedentCase,
  caseWords,
  commonWords,
  rankPrecedents,
  scorePrecedent,
  parseKeys,
  searchKeys,
  stem,
  wordRanks,
} from "@/lib/conflicts/precedent";

const target: PrecedentCase = {
  id: "open-1",
  type: "DUPLICATE_REGISTRATION",
  segment: "ENTERPRISE",
  regionCode: "EMEA-WEST",
  regionName: "EMEA West",
  ruleName: "Partner-sourced mid-market",
  tags: [],
  summary: "Two partners registered Emerald Supply for the Platform product line.",
  rationale: "",
};

function candidate(over: Partial<PrecedentCandidate> & { id: string }): PrecedentCandidate {
  return {
    type: "DUPLICATE_REGISTRATION",
    segment: "SMB",
    regionCode: "NA",
    regionName: "North America",
    ruleName: null,
    tags: [],
    summary: "",
    rationale: "",
    resolution: "AWARD_PARTNER",
    level: 1,
    resolvedAt: new Date("2026-10-01T00:00:00Z"),
    textRank: 0,
    ...over,
  };
}

describe("scorePrecedent", () => {
  it("adds the weight of every shared facet and says why in words", () => {
    // same type 30 + same rule 25 + same segment 10 + same region 10 + best wording 20 = 95
    const c = candidate({
      id: "c1",
      segment: "ENTERPRISE",
      regionCode: "EMEA-WEST",
      regionName: "EMEA West",
      ruleName: "Partner-sourced mid-market",
      summary: "Emerald Supply registered twice",
      rationale: "First registration with evidence of a meeting keeps the claim.",
      textRank: 4,
    });
    expect(scorePrecedent(target, c, 4)).toEqual({
      score: 95,
      reasons: [
        "Same type: duplicate registration",
        "Same routing rule: Partner-sourced mid-market",
        "Same segment: Enterprise",
        "Same region: EMEA West",
        "Similar wording",
      ],
    });
    // the ranking names the words in common for the cases it returns
    expect(rankPrecedents(target, [c], 1)[0].reasons.at(-1)).toBe("Similar wording: registered, emerald, supply");
  });

  it("counts at most three shared tags, and scales the wording by the best rank of the search", () => {
    const tagged = { ...target, tags: ["first-to-register", "evidence", "emea", "renewal"] };
    const c = candidate({
      id: "c2",
      type: "NAMED_ACCOUNT",
      tags: ["renewal", "evidence", "emea", "first-to-register"],
      textRank: 1,
    });
    // tags 3 × 6 = 18; wording round(20 × 1/4) = 5
    expect(scorePrecedent(tagged, c, 4)).toEqual({
      score: 23,
      reasons: ["Shared tags: emea, evidence, first-to-register, renewal", "Similar wording"],
    });
  });

  it("gives nothing for facets the case does not know", () => {
    const bare: PrecedentCase = { ...target, segment: null, regionCode: null, regionName: null, ruleName: null };
    const c = candidate({ id: "c3", type: "PRICING_UNDERCUT", segment: null, regionCode: null, ruleName: null });
    expect(scorePrecedent(bare, c, 0)).toEqual({ score: 0, reasons: [] });
  });
});

describe("rankPrecedents", () => {
  it("orders by score, then the more recent resolution, then id; leaves out the case itself and strangers", () => {
    const ranked = rankPrecedents(
      target,
      [
        candidate({ id: "older", resolvedAt: new Date("2026-01-01T00:00:00Z") }), // 30
        candidate({ id: "b-newer", resolvedAt: new Date("2026-06-01T00:00:00Z") }), // 30
        candidate({ id: "a-newer", resolvedAt: new Date("2026-06-01T00:00:00Z") }), // 30
        candidate({ id: "rule", ruleName: "Partner-sourced mid-market" }), // 55
        candidate({ id: "stranger", type: "PRICING_UNDERCUT" }), // 0
        candidate({ id: "open-1" }), // the case itself
      ],
      10,
    );
    expect(ranked.map((r) => [r.id, r.score])).toEqual([
      ["rule", 55],
      ["a-newer", 30],
      ["b-newer", 30],
      ["older", 30],
    ]);
  });

  it("keeps the best-ranked copy of a candidate found by two searches, and cuts at the limit", () => {
    const ranked = rankPrecedents(
      target,
      [candidate({ id: "x", textRank: 1 }), candidate({ id: "x", textRank: 3 }), candidate({ id: "y", textRank: 3 })],
      1,
    );
    expect(ranked).toHaveLength(1);
    // both have the best rank (3): 30 + 20; tie on date, so by id
    expect(ranked[0]).toMatchObject({ id: "x", score: 50 });
  });
});

describe("caseWords and commonWords", () => {
  it("keeps significant words once, without accents, stop words or numbers", () => {
    expect(caseWords("The partner's Café registered 2 deals at Zürich — the café again, 2026")).toEqual([
      "cafe",
      "registered",
      "zurich",
      "again",
    ]);
    expect(caseWords("one two three four", 2)).toEqual(["one", "two"]);
  });

  it("finds the case's words in a candidate's text", () => {
    const c = candidate({ id: "c", rationale: "The Platform renewal at Emerald was sourced by the partner." });
    expect(commonWords(target, c)).toEqual(["emerald", "platform"]);
  });
});

describe("searchKeys", () => {
  it("builds the tokens the migration's SQL indexes", () => {
    // the same as SQLite's lower(hex(…)) and PostgreSQL's encode(convert_to(…, 'UTF8'), 'hex')
    expect(searchKeys.type("DUPLICATE_REGISTRATION")).toBe("ktypeduplicateregistration");
    expect(searchKeys.resolution("AWARD_PARTNER")).toBe("kresawardpartner");
    expect(searchKeys.segment("ENTERPRISE")).toBe("ksegenterprise");
    expect(searchKeys.region("NA")).toBe("kreg4e41");
    expect(searchKeys.tag("né")).toBe("ktag6ec3a9");
    expect(searchKeys.rule("A")).toBe("krule41");
  });
});

describe("wordRanks", () => {
  it("weighs where a word appears (rationale 1, summary and tags 0.5) by its rarity in the set", () => {
    const docs = [
      { id: "a", summary: "", rationale: "Evidence of the first meeting.", tags: [] },
      { id: "b", summary: "Evidence attached.", rationale: "", tags: [] },
      { id: "c", summary: "", rationale: "Nothing here.", tags: ["meeting-notes"] },
      { id: "d", summary: "", rationale: "Unrelated.", tags: [] },
    ];
    const ranks = wordRanks(["evidence", "meetings"], docs);
    // N = 4; "evidence" in a and b (df 2): ln(1 + 4/3); "meeting" (stemmed) in a and c: ln(1 + 4/3)
    const idf = Math.log(1 + 4 / 3);
    expect(ranks.get("a")).toBeCloseTo(2 * idf);
    expect(ranks.get("b")).toBeCloseTo(0.5 * idf);
    expect(ranks.get("c")).toBeCloseTo(0.5 * idf);
    expect(ranks.get("d")).toBe(0);
  });

  it("stems lightly so that registered meets registration", () => {
    expect(stem("registered")).toBe(stem("registration"));
    expect(stem("claims")).toBe("claim");
    expect(stem("uses")).toBe("uses"); // too short to strip
    expect(stem("evidence")).toBe("eviden");
  });
});

describe("parseKeys", () => {
  it("reads back the facets searchKeys wrote", () => {
    const keys = [
      searchKeys.type("DIRECT_VS_PARTNER"),
      searchKeys.resolution("CO_SELL"),
      searchKeys.segment("ENTERPRISE"),
      searchKeys.region("EMEA-WEST"),
      searchKeys.rule("Named strategic accounts"),
      searchKeys.tag("co-sell"),
      searchKeys.tag("services-capability"),
    ];
    const known = { types: ["DIRECT_VS_PARTNER"], resolutions: ["CO_SELL", "SPLIT"] };
    expect(parseKeys(keys, known)).toEqual({
      type: "DIRECT_VS_PARTNER",
      resolution: "CO_SELL",
      segment: "ENTERPRISE",
      regionCode: "EMEA-WEST",
      ruleName: "Named strategic accounts",
      tags: ["co-sell", "services-capability"],
    });
    // SQLite writes "kreg" and "krule" with nothing after them for a case without region or rule
    expect(parseKeys(["kreg", "krule", "ksegnone"], known)).toMatchObject({
      regionCode: null,
      ruleName: null,
      segment: null,
    });
  });
});
