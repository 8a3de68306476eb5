// Precedent search over a history larger than the newest-cases windows that bound PostgreSQL's
// queries (lib/db/conflict-precedent-search.ts pgCandidates: the newest 4,000 resolved cases first, then
// wider): a filter or a search whose matches lie on both sides of a window's edge still returns
// exactly the newest matches, in order, and pages through all of them without losing or repeating
// one. On SQLite the same calls walk the FTS index; the answers must be the same.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { searchPrecedents } from "@/lib/db/conflict-precedent-log";
import { similarCases } from "@/lib/db/conflict-precedents";
import { precedentSearchQuery } from "@/lib/validation/conflict-precedents";
import { ctxFor } from "../support/contexts";

const HISTORY = 4_500;
const base = Date.parse("2024-01-01T00:00:00Z");
const at = (i: number) => new Date(base + i * 60_000);
// "window-probe": 25 of the newest cases and 12 old ones (older than the newest 4,000)
const PROBE = new Set([
  ...Array.from({ length: 25 }, (_, k) => HISTORY - 1 - k * 7),
  ...Array.from({ length: 12 }, (_, k) => k * 3),
]);
// the word "zeppelin": 3 new, 600 old — more old matches than a search keeps (500)
const ZEPPELIN = new Set([HISTORY - 2, HISTORY - 50, HISTORY - 90, ...Array.from({ length: 600 }, (_, k) => k)]);
const query = (q: Record<string, string>) => precedentSearchQuery.parse(q);
let idAt: string[] = [];

beforeAll(async () => {
  const rows = Array.from({ length: HISTORY }, (_, i) => ({
    id: `window-case-${String(i).padStart(5, "0")}`,
    type: "DUPLICATE_REGISTRATION" as const,
    status: "RESOLVED" as const,
    resolution: "AWARD_PARTNER" as const,
    summary: `Windowed history case ${i}.`,
    rationale: ZEPPELIN.has(i)
      ? "Zeppelin account: the first registration keeps it."
      : "The first registration keeps it.",
    tags: PROBE.has(i) ? ["window-probe"] : ["history"],
    slaDueAt: at(i),
    openedAt: at(i),
    resolvedAt: at(i),
  }));
  for (let i = 0; i < rows.length; i += 500) await db.conflict.createMany({ data: rows.slice(i, i + 500) });
  idAt = rows.map((r) => r.id);
}, 120_000);

describe("precedent search beyond the newest-cases windows", () => {
  it("pages a tag filter newest first across the window's edge, forward and back", async () => {
    const ops = await ctxFor("ops@accord.test");
    const expected = [...PROBE].sort((a, b) => b - a).map((i) => idAt[i]);
    const pages: string[][] = [];
    let page = await searchPrecedents(ops, query({ tag: "window-probe" }));
    pages.push(page.items.map((r) => r.id));
    while (page.nextCursor) {
      page = await searchPrecedents(ops, query({ tag: "window-probe", after: page.nextCursor }));
      pages.push(page.items.map((r) => r.id));
    }
    expect(pages.flat()).toEqual(expected);
    expect(pages.length).toBe(2);
    const back = await searchPrecedents(ops, query({ tag: "window-probe", before: page.prevCursor! }));
    expect(back.items.map((r) => r.id)).toEqual(pages[0]);
    expect(back.total).toBe(expected.length);
  });

  it("keeps the newest 500 matches of a search whose matches are mostly older than the window", async () => {
    const ops = await ctxFor("ops@accord.test");
    const newest = [...ZEPPELIN].sort((a, b) => b - a).slice(0, 500);
    const seen: string[] = [];
    let page = await searchPrecedents(ops, query({ q: "zeppelin" }));
    seen.push(...page.items.map((r) => r.id));
    while (page.nextCursor) {
      page = await searchPrecedents(ops, query({ q: "zeppelin", after: page.nextCursor }));
      seen.push(...page.items.map((r) => r.id));
    }
    expect(page.totalCapped).toBe(true);
    expect(new Set(seen)).toEqual(new Set(newest.map((i) => idAt[i])));
    expect(seen.length).toBe(500);
  });

  // The log without words counted up to 10,000 matches, and its time grew with the history
  // (tests/bench/conflicts.bench.ts): it now stops at 1,000 and says "1,000+".
  it("counts the newest-first log up to 1,000 and marks it capped, while paging stays exact", async () => {
    const ops = await ctxFor("ops@accord.test");
    const first = await searchPrecedents(ops, query({}));
    expect(first.total).toBe(1_000);
    expect(first.totalCapped).toBe(true);
    const second = await searchPrecedents(ops, query({ after: first.nextCursor! }));
    const resolved = await db.conflict.findMany({
      where: { status: "RESOLVED" },
      orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
      take: 40,
      select: { id: true },
    });
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(resolved.map((r) => r.id));
  });

  it("ranks similar cases from the windowed candidates", async () => {
    const ops = await ctxFor("ops@accord.test");
    const similar = await similarCases(ops, idAt[HISTORY - 1], 5);
    expect(similar).toHaveLength(5);
    expect(similar.every((s) => s.type === "DUPLICATE_REGISTRATION" && s.id !== idAt[HISTORY - 1])).toBe(true);
  });
});
