import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { formatMoney, formatPct, humanize } from "@/lib/format";
import { toJson } from "@/lib/json";
import { zodFieldErrors } from "@/lib/validation/errors";
import { fromSearchParams, registrationListQuery } from "@/lib/validation/lists";
import { hrefWith } from "@/components/ui/url";
import { paginate } from "@/lib/db/pagination";

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
    expect(toJson({ a: 12345n, d: new Date("2026-01-02T03:04:05Z"), n: null, u: undefined, l: [1n] })).toEqual({ a: 12345, d: "2026-01-02T03:04:05.000Z", n: null, l: [1] });
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
    expect(hrefWith("/r", { status: "APPROVED", after: "x" }, { sort: "slaDueAt" })).toBe("/r?status=APPROVED&sort=slaDueAt");
  });
});

describe("keyset pagination", () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}` }));
  // an in-memory stand-in for findMany with Prisma's cursor semantics
  const find = async ({ cursor, skip = 0, take }: { cursor?: { id: string }; skip?: number; take: number }) => {
    const start = cursor ? rows.findIndex((r) => r.id === cursor.id) : 0;
    if (take >= 0) return rows.slice(start + skip, start + skip + take);
    const end = start - skip + 1;
    return rows.slice(Math.max(0, end + take), end);
  };
  const count = async () => rows.length;

  it("walks forward and back with stable cursors", async () => {
    const p1 = await paginate(find, count, { sort: "id", dir: "asc", pageSize: 3 });
    expect(p1.items.map((r) => r.id)).toEqual(["r0", "r1", "r2"]);
    expect(p1.prevCursor).toBeNull();
    const p2 = await paginate(find, count, { sort: "id", dir: "asc", pageSize: 3, after: p1.nextCursor! });
    expect(p2.items.map((r) => r.id)).toEqual(["r3", "r4", "r5"]);
    const p3 = await paginate(find, count, { sort: "id", dir: "asc", pageSize: 3, after: p2.nextCursor! });
    expect(p3.items.map((r) => r.id)).toEqual(["r6"]);
    expect(p3.nextCursor).toBeNull();
    const back = await paginate(find, count, { sort: "id", dir: "asc", pageSize: 3, before: p3.prevCursor! });
    expect(back.items.map((r) => r.id)).toEqual(["r3", "r4", "r5"]);
    expect(back.prevCursor).toBe("r3");
    expect(p1.total).toBe(7);
  });
});
