import { describe, expect, it } from "vitest";
import { needsPartner, PARTNER_ROUTES } from "@/lib/opportunities/coverage";
import { ROUTES } from "@/lib/rules/values";

describe("needsPartner", () => {
  it.each(PARTNER_ROUTES)("%s without a partner needs one", (route) => {
    expect(needsPartner(route, null)).toBe(true);
    expect(needsPartner(route, undefined)).toBe(true);
    expect(needsPartner(route, "")).toBe(true);
  });

  it.each(PARTNER_ROUTES)("%s with a partner needs none", (route) => {
    expect(needsPartner(route, "p1")).toBe(false);
  });

  it("direct and marketplace routes never need a partner", () => {
    expect(needsPartner("DIRECT", null)).toBe(false);
    expect(needsPartner("MARKETPLACE", null)).toBe(false);
  });

  it("a deal without a route needs none yet", () => {
    expect(needsPartner(null, null)).toBe(false);
    expect(needsPartner(undefined, null)).toBe(false);
  });

  it("the partner routes are exactly the routes that are neither direct nor marketplace", () => {
    expect([...PARTNER_ROUTES].sort()).toEqual(ROUTES.filter((r) => r !== "DIRECT" && r !== "MARKETPLACE").sort());
  });
});
