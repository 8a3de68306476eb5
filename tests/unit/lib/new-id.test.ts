// Plain-SQL row ids sort in creation order (the audit log breaks ties on time by id), and are
// shaped like Prisma's cuid() so both kinds of id sort together.
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/db/sql";

describe("newId", () => {
  it("is unique, cuid-shaped and increases with each call", () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
