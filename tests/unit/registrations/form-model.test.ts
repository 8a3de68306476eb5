import { describe, expect, it } from "vitest";
import { EMPTY_VALUES, previewInput } from "@/components/registrations/registration-form-model";

const filled = { ...EMPTY_VALUES, country: "DE", vertical: "RETAIL", productLine: "Platform", acv: "$250,000" };

describe("previewInput", () => {
  it("waits for country, industry, product line and a plausible ACV", () => {
    expect(previewInput(EMPTY_VALUES)).toBeNull();
    expect(previewInput({ ...filled, acv: "-5" })).toBeNull();
    expect(previewInput(filled)).toEqual({
      country: "DE",
      vertical: "RETAIL",
      productLine: "Platform",
      estimatedAcv: 25_000_000,
    });
  });

  it("sends the account as typed once there is a name, so a matched account's facts count", () => {
    expect(previewInput({ ...filled, name: " Acme GmbH ", domain: "acme.example" })).toMatchObject({
      accountName: "Acme GmbH",
      accountDomain: "acme.example",
    });
    expect(previewInput({ ...filled, name: "A" })).not.toHaveProperty("accountName");
  });
});
