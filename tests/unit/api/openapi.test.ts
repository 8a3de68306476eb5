import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

describe("OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000");

  it("is generated from the zod schemas the handlers use", () => {
    const input = doc.components.schemas.RegistrationInput as {
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(input.required.sort()).toEqual(["account", "estimatedAcv", "expectedCloseDate", "productLine"]);
    expect(input.additionalProperties).toBe(false);
    const facts = doc.components.schemas.Facts as { properties: Record<string, unknown> };
    expect(Object.keys(facts.properties)).toContain("registrationStatus");
  });

  it("documents every /api/v1 endpoint the README lists under HTTP API", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/route-decisions",
        "/api/v1/registrations",
        "/api/v1/registrations/{id}",
        "/api/v1/registrations/{id}/decision",
        "/api/v1/registrations/{id}/extension",
        "/api/v1/rulesets",
        "/api/v1/conflicts",
        "/api/v1/conflicts/{id}",
      ]),
    );
    expect(JSON.parse(JSON.stringify(doc)).openapi).toBe("3.1.0");
    // the conflict reads and writes share a path: both operations are documented
    expect(Object.keys((doc.paths as Record<string, object>)["/api/v1/conflicts"]).sort()).toEqual(["get", "post"]);
  });

  it("documents the conflict writes with their input schemas (issue 11)", () => {
    const paths = doc.paths as Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
    >;
    for (const path of [
      "/api/v1/conflicts",
      "/api/v1/conflicts/{id}/comments",
      "/api/v1/conflicts/{id}/escalate",
      "/api/v1/conflicts/{id}/resolve",
    ])
      expect(paths[path].post.requestBody?.content["application/json"].schema).toBeTruthy();
    const resolve = paths["/api/v1/conflicts/{id}/resolve"].post.requestBody!.content["application/json"].schema as {
      required: string[];
      additionalProperties: boolean;
      properties: { resolution: { enum: string[] } };
    };
    expect(resolve.required.sort()).toEqual(["rationale", "resolution"]);
    expect(resolve.additionalProperties).toBe(false);
    expect(resolve.properties.resolution.enum).toEqual([
      "AWARD_PARTNER",
      "AWARD_DIRECT",
      "SPLIT",
      "CO_SELL",
      "DISMISSED",
    ]);
  });

  // Regression (issue 8, defect 8): API keys had no rate limit, and the document listed no 429.
  it("documents 429 with Retry-After on every operation an API key can call, not on /api/health", () => {
    const paths = doc.paths as Record<
      string,
      Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
    >;
    const keyed = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(keyed.length).toBeGreaterThan(6);
    for (const { path, op } of keyed) {
      if (path === "/api/health") expect(op.responses["429"]).toBeUndefined();
      else expect(op.responses["429"]).toEqual({ $ref: "#/components/responses/RateLimited" });
    }
    const limited = (doc.components as unknown as { responses: Record<string, { headers: Record<string, unknown> }> })
      .responses.RateLimited;
    expect(Object.keys(limited.headers)).toEqual(["Retry-After"]);
  });
});

describe("OpenAPI audit-log operations", () => {
  const doc = openApiDocument("http://localhost:3000");
  const paths = doc.paths as unknown as Record<
    string,
    Record<string, { parameters: { name: string }[]; responses: object }>
  >;

  it("document the audit page's filters and cursors on GET /api/v1/audit-events, CSV on its export", () => {
    const names = paths["/api/v1/audit-events"].get.parameters.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(["action", "entityType", "actor", "from", "to", "q", "after", "before"]),
    );
    const exported = paths["/api/v1/audit-events/export"].get;
    expect(exported.parameters.map((p) => p.name)).not.toContain("after");
    expect(JSON.stringify(exported.responses)).toContain("text/csv");
    expect(Object.keys(paths["/api/v1/audit-events"].get.responses)).toContain("403");
  });
});
