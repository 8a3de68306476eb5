import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

describe("OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000");

  it("is generated from the zod schemas the handlers use", () => {
    const input = doc.components.schemas.RegistrationInput as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(input.required.sort()).toEqual(["account", "estimatedAcv", "expectedCloseDate", "productLine"]);
    expect(input.additionalProperties).toBe(false);
    const facts = doc.components.schemas.Facts as { properties: Record<string, unknown> };
    expect(Object.keys(facts.properties)).toContain("registrationStatus");
  });

  it("documents every /api/v1 endpoint of DESIGN §9 built so far", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/route-decisions", "/api/v1/registrations", "/api/v1/registrations/{id}", "/api/v1/registrations/{id}/decision", "/api/v1/registrations/{id}/extension", "/api/v1/rulesets"]),
    );
    expect(JSON.parse(JSON.stringify(doc)).openapi).toBe("3.1.0");
  });
});
