import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { formatMoney, formatPct, humanize } from "@/lib/format";
import { toJson } from "@/lib/json";
import { zodFieldErrors } from "@/lib/validation/errors";
import { fromSearchParams, registrationListQuery } from "@/lib/validation/lists";
import { hrefWith } from "@/components/ui/url";
import { decodeCursor, encodeCursor } from "@/lib/security/cursor";

describe("errors", () => {
  it("maps every code to a 4xx, except INTERNAL (500) and UNAVAILABLE (503: the database, not the caller)", () => {
    for (const [code, status] of Object.entries(HTTP_STATUS)) {
      if (code === "INTERNAL") expect(status).toBe(500);
      else if (code === "UNAVAILABLE") expect(status).toBe(503);
      else {
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }
    }
    expect(new AppError("NOT_FOUND", "x").status).toBe(404);
  });

  it("turns zod issues into field messages by path", () => {
    const r = z.object({ a: z.object({ b: z.number() }), c: z.string() }).safeParse({ a: { b: "x" } });
    expect(r.success).toBe(false);
    const fields = zodFieldErrors(r.error!);
    expect(Object.keys(fields).sort()).toEqual(["a.b", "c"]);
  });

  it("keys an issue about the whole value `_`, or the field it sits under", () => {
    const r = z.strictObject({ acv: z.number() }).safeParse({ acv: "x", extra: 1 });
    expect(r.success).toBe(false);
    expect(Object.keys(zodFieldErrors(r.error!)).sort()).toEqual(["_", "acv"]);
    expect(Object.keys(zodFieldErrors(r.error!, "facts")).sort()).toEqual(["facts", "facts.acv"]);
  });
});

describe("json", () => {
  it("turns BigInt cents into numbers and dates into ISO strings", () => {
    expect(toJson({ a: 12345n, d: new Date("2026-01-02T03:04:05Z"), n: null, u: undefined, l: [1n] })).toEqual({
      a: 12345,
      d: "2026-01-02T03:04:05.000Z",
      n: null,
      l: [1],
    });
  });
});

describe("format", () => {
  it("formats cents as money", () => {
    expect(formatMoney(31200000n, "USD")).toBe("$312,000");
    expect(formatMoney(125000000, "USD", "en-US", { compact: true })).toBe("$1.3M");
    expect(formatMoney(99, "EUR", "de-DE").replace(/\s/g, " ")).toBe("1 €");
  });
  it("formats percentages and enum values", () => {
    expect(formatPct(0.425, "en-US", 1)).toBe("42.5%");
    expect(humanize("DIRECT_PARTNER_ATTACHED")).toBe("Direct partner attached");
  });
});

describe("list queries", () => {
  it("applies defaults and rejects unknown sorts and bad ids", () => {
    expect(registrationListQuery.parse({})).toMatchObject({ sort: "submittedAt", pageSize: 25 });
    expect(registrationListQuery.safeParse({ sort: "password" }).success).toBe(false);
    expect(registrationListQuery.safeParse({ after: "x' OR 1=1" }).success).toBe(false);
    expect(registrationListQuery.safeParse({ pageSize: "1000" }).success).toBe(false);
  });
  it("reads the first value of repeated search params and drops empty ones", () => {
    expect(fromSearchParams({ a: ["1", "2"], b: "", c: "x" })).toEqual({ a: "1", c: "x" });
    expect(fromSearchParams(new URLSearchParams("a=1&a=2&b="))).toEqual({ a: "1" });
  });
  it("builds links that keep filters and reset the cursor", () => {
    expect(hrefWith("/r", { status: "APPROVED", after: "x" }, { sort: "slaDueAt" })).toBe(
      "/r?status=APPROVED&sort=slaDueAt",
    );
  });
});

describe("list cursors", () => {
  process.env.AUTH_SECRET ||= "unit-test-secret";
  const scope = "registrations|submittedAt|desc|PARTNER|u1|p1";

  it("round-trip a position, each value type intact", () => {
    for (const value of ["Acme GmbH", 123_456_789_012n, 7, new Date("2026-11-15T12:00:00.000Z"), null]) {
      expect(decodeCursor(scope, encodeCursor(scope, { value, id: "creg000001" }))).toEqual({
        value,
        id: "creg000001",
      });
    }
  });
  it("are opaque: neither the id nor the value appears in the clear", () => {
    const cursor = encodeCursor(scope, { value: "Acme", id: "creg000001" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("creg");
  });
  it("do not verify for another scope, edited, or as a raw id", () => {
    const cursor = encodeCursor(scope, { value: "Acme", id: "creg000001" });
    expect(decodeCursor(scope.replace("p1", "p2"), cursor)).toBeNull();
    const [payload, signature] = cursor.split(".");
    const edited = Buffer.from(JSON.stringify(["s", "Acme", "creg000002"])).toString("base64url");
    expect(decodeCursor(scope, `${edited}.${signature}`)).toBeNull();
    expect(decodeCursor(scope, `${payload}.${signature.slice(0, -2)}`)).toBeNull();
    expect(decodeCursor(scope, "creg000001")).toBeNull();
  });
});
