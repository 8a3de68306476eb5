// The rule-set versions list (/rules) pages on the server: keyset pages by version that add up to
// every version the caller may see, a status filter, the previous published version to compare
// with, and partners never see drafts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listRuleSetPage, listRuleSets, type RuleSetListRow } from "@/lib/db/rule-sets";
import { createDraft, deleteDraft } from "@/lib/db/rule-set-writes";
import type { Ctx } from "@/lib/auth/types";
import { ruleSetListQuery, type RuleSetListQuery } from "@/lib/validation/lists";
import { errorOf } from "../support/errors";
import { ctxFor } from "../support/contexts";
import { FIXED_NOW } from "../support/test-db";

async function walk(ctx: Ctx, input: Record<string, string>) {
  const seen: RuleSetListRow[][] = [];
  let q: RuleSetListQuery = ruleSetListQuery.parse(input);
  for (let i = 0; i < 50; i++) {
    const page = await listRuleSetPage(ctx, q);
    seen.push(page.items);
    if (!page.nextCursor) return { pages: seen, last: page };
    q = ruleSetListQuery.parse({ ...input, after: page.nextCursor });
  }
  throw new Error("the pages never ended");
}

/** Runs `fn` with `n` fresh drafts, deleted afterwards so other tests see the seeded versions. */
async function withDrafts(ops: Ctx, n: number, fn: (drafts: { id: string }[]) => Promise<void>) {
  const made: { id: string }[] = [];
  try {
    for (let i = 0; i < n; i++) made.push(await createDraft(ops, undefined, FIXED_NOW));
    await fn(made);
  } finally {
    for (const d of made) {
      const { lockVersion } = await db.ruleSet.findUniqueOrThrow({
        where: { id: d.id },
        select: { lockVersion: true },
      });
      await deleteDraft(ops, d.id, lockVersion);
    }
  }
}

describe("rule-set list", () => {
  it("pages of two add up to every version, newest first, each with the published version before it", async () => {
    const ops = await ctxFor("ops@accord.test");
    await withDrafts(ops, 3, async () => {
      const all = await listRuleSets(ops);
      expect(all.length).toBeGreaterThanOrEqual(4);
      const { pages, last } = await walk(ops, { pageSize: "2" });
      expect(pages.every((p) => p.length <= 2)).toBe(true);
      const rows = pages.flat();
      expect(rows.map((r) => r.version)).toEqual(all.map((r) => r.version));
      expect(last.total).toBe(all.length);
      for (const row of rows) {
        const expected = all.find((s) => s.version < row.version && s.status !== "DRAFT") ?? null;
        expect(row.previous?.id ?? null).toBe(expected?.id ?? null);
      }
      // ascending is the same set the other way round
      const asc = (await walk(ops, { pageSize: "3", dir: "asc" })).pages.flat();
      expect(asc.map((r) => r.version)).toEqual(all.map((r) => r.version).reverse());
    });
  });

  it("walks back with prevCursor to the first page", async () => {
    const ops = await ctxFor("ops@accord.test");
    await withDrafts(ops, 3, async () => {
      const top = await listRuleSetPage(ops, ruleSetListQuery.parse({ pageSize: "2" }));
      expect(top.prevCursor).toBeNull();
      const second = await listRuleSetPage(ops, ruleSetListQuery.parse({ pageSize: "2", after: top.nextCursor! }));
      expect(second.items[0].version).toBeLessThan(top.items[1].version);
      const back = await listRuleSetPage(ops, ruleSetListQuery.parse({ pageSize: "2", before: second.prevCursor! }));
      expect(back.items.map((r) => r.id)).toEqual(top.items.map((r) => r.id));
    });
  });

  it("filters by status; partners see no drafts even when they ask for them", async () => {
    const ops = await ctxFor("ops@accord.test");
    const alice = await ctxFor("alice@northwind.test");
    await withDrafts(ops, 1, async ([draft]) => {
      const drafts = (await walk(ops, { status: "DRAFT", pageSize: "5" })).pages.flat();
      expect(drafts.length).toBeGreaterThan(0);
      expect(drafts.every((r) => r.status === "DRAFT")).toBe(true);
      expect(drafts.map((r) => r.id)).toContain(draft.id);
      const published = (await walk(ops, { status: "PUBLISHED" })).pages.flat();
      expect(published.length).toBeGreaterThan(0);
      expect(published.every((r) => r.status === "PUBLISHED")).toBe(true);

      expect((await walk(alice, { status: "DRAFT" })).pages.flat()).toEqual([]);
      const partnerAll = (await walk(alice, {})).pages.flat();
      expect(partnerAll.length).toBeGreaterThan(0);
      expect(partnerAll.every((r) => r.status !== "DRAFT")).toBe(true);
    });
  });

  it("refuses another caller's cursor as invalid", async () => {
    const ops = await ctxFor("ops@accord.test");
    const alice = await ctxFor("alice@northwind.test");
    const opsPage = await listRuleSetPage(ops, ruleSetListQuery.parse({ pageSize: "1" }));
    expect(opsPage.nextCursor).not.toBeNull();
    const err = await errorOf(
      listRuleSetPage(alice, ruleSetListQuery.parse({ pageSize: "1", after: opsPage.nextCursor! })),
    );
    expect(err.code).toBe("VALIDATION");
  });
});
