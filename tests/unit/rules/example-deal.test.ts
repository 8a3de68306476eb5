// A lint example reads as a deal (docs/domain.md#lint): dollars, a country's name, plain words; never an id.
import { describe, expect, it } from "vitest";
import { exampleDealText } from "@/components/rules/example-deal";

describe("exampleDealText", () => {
  it("reads an ordinary deal as a sentence", () => {
    expect(
      exampleDealText({
        acv: 20_000_000,
        productLine: "Platform",
        country: "US",
        vertical: "TECHNOLOGY",
        productKind: "CORE",
        namedAccount: false,
        regionDirectPresence: true,
        partnerType: "RESELLER",
        registrationStatus: "SUBMITTED",
        currency: "USD",
      }),
    ).toBe(
      "A $200,000 Platform deal in the United States, Technology, a core product, not a named account, " +
        "direct presence in the region, through a reseller partner, registration submitted",
    );
  });

  it("says when the ACV is missing, hides partner ids and names other currencies", () => {
    expect(exampleDealText({ productLine: "Analytics", partnerId: "p_123", currency: "EUR", country: "DE" })).toBe(
      "An Analytics deal with no ACV given in Germany, in EUR, a specific partner",
    );
    expect(exampleDealText({})).toBe("A deal with no ACV given");
  });
});
