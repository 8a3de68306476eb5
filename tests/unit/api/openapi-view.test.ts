import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { openApiView, typeOf } from "@/lib/api/openapi-view";

describe("the API documentation view", () => {
  const doc = openApiDocument("https://accord.example");
  const view = openApiView(doc);

  it("shows every operation of the document exactly once, grouped by resource", () => {
    const count = Object.values(doc.paths).reduce(
      (n, item) =>
        n + Object.keys(item as object).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k)).length,
      0,
    );
    expect(view.tags.flatMap((t) => t.operations)).toHaveLength(count);
    const registrations = view.tags.find((t) => t.tag === "Registrations");
    expect(registrations?.operations.some((o) => o.method === "POST" && o.path === "/api/v1/registrations")).toBe(true);
    expect(new Set(view.tags.flatMap((t) => t.operations.map((o) => o.id))).size).toBe(count);
  });

  it("lists parameters, the request body's properties and the responses", () => {
    const ops = view.tags.flatMap((t) => t.operations);
    expect(ops.some((o) => o.parameters.length > 0)).toBe(true);
    expect(ops.some((o) => o.body && o.body.properties.some((p) => p.required))).toBe(true);
    for (const o of ops) expect(o.responses.length).toBeGreaterThan(0);
    expect(view.schemas.map((s) => s.name)).toContain("Error");
  });

  it.each([
    [{ type: "string" }, "string"],
    [{ type: "array", items: { type: "integer" } }, "integer[]"],
    [{ enum: ["A", "B"] }, "one of A, B"],
    [{ $ref: "#/components/schemas/Facts" }, "Facts"],
    [{ anyOf: [{ type: "string" }, { type: "null" }] }, "string or null"],
    [{}, "any"],
  ])("names the type of %j as %s", (schema, type) => {
    expect(typeOf(schema)).toBe(type);
  });
});
