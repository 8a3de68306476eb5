import { describe, expect, it } from "vitest";
import { opportunityCreateInput, stageChangeInput, touchInput } from "@/lib/validation/opportunities";

const valid = {
  name: "Acme renewal",
  accountId: "acc1",
  productLineId: "pl1",
  acvCents: "1,250,000.50",
  closeDate: "2027-01-31",
};

describe("opportunityCreateInput", () => {
  it("reads dollars as typed and keeps cents", () => {
    const parsed = opportunityCreateInput.parse({ ...valid, listPriceCents: "$ 1,500,000", discountPct: "12.5" });
    expect(parsed).toMatchObject({ acvCents: 125_000_050, listPriceCents: 150_000_000, discountPct: 12.5 });
    expect(parsed.stage).toBe("PROSPECT");
    expect(parsed.partnerId).toBeNull();
  });

  it("takes numbers as dollars too, and an empty list price as none", () => {
    expect(opportunityCreateInput.parse({ ...valid, acvCents: 90_000, listPriceCents: "" })).toMatchObject({
      acvCents: 9_000_000,
      listPriceCents: null,
      discountPct: 0,
    });
  });

  it.each([["12k"], ["-5"], ["1.234"], ["0"], [""]])("refuses the ACV %j", (acv) => {
    const r = opportunityCreateInput.safeParse({ ...valid, acvCents: acv });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["acvCents"]);
  });

  it.each([["-1"], ["100.5"], ["abc"]])("refuses the discount %j", (discountPct) => {
    expect(opportunityCreateInput.safeParse({ ...valid, discountPct }).success).toBe(false);
  });

  it("accepts the discount bounds 0 and 100", () => {
    expect(opportunityCreateInput.parse({ ...valid, discountPct: "100" }).discountPct).toBe(100);
    expect(opportunityCreateInput.parse({ ...valid, discountPct: 0 }).discountPct).toBe(0);
  });

  it("refuses a malformed close date, a closed stage and unknown fields", () => {
    expect(opportunityCreateInput.safeParse({ ...valid, closeDate: "31/01/2027" }).success).toBe(false);
    expect(opportunityCreateInput.safeParse({ ...valid, stage: "CLOSED_WON" }).success).toBe(false);
    expect(opportunityCreateInput.safeParse({ ...valid, route: "DIRECT" }).success).toBe(false);
  });
});

describe("stageChangeInput", () => {
  it("needs a reason to close lost", () => {
    const r = stageChangeInput.safeParse({ stage: "CLOSED_LOST", expectedStage: "PROPOSAL", lostReason: "  " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["lostReason"]);
    expect(
      stageChangeInput.safeParse({ stage: "CLOSED_LOST", expectedStage: "PROPOSAL", lostReason: "Budget" }).success,
    ).toBe(true);
  });

  it("needs no reason for other moves", () => {
    expect(stageChangeInput.safeParse({ stage: "CLOSED_WON", expectedStage: "NEGOTIATION" }).success).toBe(true);
  });
});

describe("touchInput", () => {
  it("takes the listed kinds only", () => {
    expect(touchInput.parse({ partnerId: "p1", kind: "Joint demo" }).note).toBe("");
    expect(touchInput.safeParse({ partnerId: "p1", kind: "Lunch" }).success).toBe(false);
  });
});
