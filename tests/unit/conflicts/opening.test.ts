import { describe, expect, it } from "vitest";
import { aeRaisedCase, partnerRaisedCase, submissionCases, summaryOf } from "@/lib/conflicts/opening";
import { CONFLICT_TYPES } from "@/lib/conflicts/types";

describe("the cases a submission opens (docs/domain.md#duplicates-and-overlaps)", () => {
  const base = { partnerId: "p-new", registrationId: "r-new", holders: [], account: null, directOpportunity: null };

  it("opens nothing for an unclaimed, unmatched company", () => {
    expect(submissionCases(base)).toEqual([]);
  });

  it("opens a duplicate case with every holder's partner once and every registration", () => {
    const [c] = submissionCases({
      ...base,
      holders: [
        { id: "r1", partnerId: "p1" },
        { id: "r2", partnerId: "p1" },
      ],
    });
    expect(c).toMatchObject({
      type: "DUPLICATE_REGISTRATION",
      source: "REGISTRATION",
      parties: [
        { kind: "PARTNER", partnerId: "p-new" },
        { kind: "PARTNER", partnerId: "p1" },
      ],
      registrationIds: ["r1", "r2", "r-new"],
      opportunityId: null,
    });
  });

  it("on a named account with a direct opportunity opens three cases in order", () => {
    const cases = submissionCases({
      ...base,
      holders: [{ id: "r1", partnerId: "p1" }],
      account: { id: "a1", namedAccount: true, ownerId: "owner" },
      directOpportunity: { id: "o1", aeId: "ae1" },
    });
    expect(cases.map((c) => c.type)).toEqual(["DUPLICATE_REGISTRATION", "DIRECT_VS_PARTNER", "NAMED_ACCOUNT"]);
    expect(cases[1]).toMatchObject({
      opportunityId: "o1",
      parties: [{ kind: "PARTNER" }, { kind: "DIRECT", userId: "ae1" }],
    });
    expect(cases[2].parties[1]).toEqual({ kind: "DIRECT", userId: "owner" });
    expect(cases.every((c) => c.accountId === "a1")).toBe(true);
  });

  it("never names the other party in a summary", () => {
    for (const type of CONFLICT_TYPES) expect(summaryOf(type)).not.toMatch(/p1|p-new/);
  });
});

describe("raised cases", () => {
  it("an AE's co-sell request on its opportunity is one case per opportunity", () => {
    const c = aeRaisedCase({
      reason: "CO_SELL",
      aeId: "ae1",
      opportunity: { id: "o1", accountId: "a1" },
      partnerId: "p1",
      registrationIds: ["r1"],
      note: "Their team knows the buyer",
    });
    expect(c).toMatchObject({
      type: "DIRECT_VS_PARTNER",
      source: "AE",
      subjectKey: "opportunity:o1",
      parties: [
        { kind: "DIRECT", userId: "ae1" },
        { kind: "PARTNER", partnerId: "p1" },
      ],
      note: "Their team knows the buyer",
    });
    expect(c.summary).toMatch(/co-sell/);
  });

  it("a partner's 'I was here first' against another partner is a duplicate case on its registration", () => {
    const c = partnerRaisedCase({
      partnerId: "p1",
      registration: { id: "r1", accountId: "a1" },
      others: [{ id: "r2", partnerId: "p2" }],
      directOpportunity: null,
      note: "We met them in March",
    });
    expect(c).toMatchObject({ type: "DUPLICATE_REGISTRATION", source: "PARTNER", subjectKey: "registration:r1" });
    expect(c.registrationIds).toEqual(["r1", "r2"]);
  });

  it("a partner's 'I was here first' against the direct team is a direct-vs-partner case", () => {
    const c = partnerRaisedCase({
      partnerId: "p1",
      registration: { id: "r1", accountId: "a1" },
      others: [],
      directOpportunity: { id: "o1", aeId: "ae1" },
      note: "",
    });
    expect(c).toMatchObject({ type: "DIRECT_VS_PARTNER", opportunityId: "o1" });
    expect(c.summary).not.toMatch(/ae1/);
  });
});
