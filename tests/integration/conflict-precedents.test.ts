// Precedent search against the database's own full-text index (SQLite FTS5 / PostgreSQL tsvector):
// the triggers keep the index in step with every write to a case, similarCases ranks bounded
// candidates, and the log searches, filters and pages with signed cursors; partners never see it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MARK_END, MARK_START } from "@/lib/conflicts/precedent";
import { searchPrecedents } from "@/lib/db/conflict-precedent-log";
import { similarCases } from "@/lib/db/conflict-precedents";
import { isAppError } from "@/lib/errors";
import { precedentSearchQuery } from "@/lib/validation/conflict-precedents";
import { ctxFor } from "../support/contexts";

const query = (q: Record<string, string>) => precedentSearchQuery.parse(q);
const ids = async (q: Record<string, string>) =>
  (await searchPrecedents(await ctxFor("ops@accord.test"), query(q))).items.map((r) => r.id);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "none";
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
}

async function anAccount() {
  return db.account.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
}

describe("the full-text index follows every write to a case", () => {
  it("indexes a case when it is resolved, re-indexes an edit, forgets a deletion", async () => {
    const account = await anAccount();
    const c = await db.conflict.create({
      data: {
        type: "NAMED_ACCOUNT",
        accountId: account.id,
        summary: "Quokka Logistics registered against a named account.",
        slaDueAt: new Date("2026-12-01T00:00:00Z"),
      },
    });
    // open cases are not precedents
    expect(await ids({ q: "quokka" })).toEqual([]);

    await db.conflict.update({
      where: { id: c.id },
      data: {
        status: "RESOLVED",
        resolution: "CO_SELL",
        rationale: "Xylophone evidence: the partner ran the pilot, so both sides sell together.",
        tags: ["pilot-evidence"],
        resolvedAt: new Date(),
      },
    });
    expect(await ids({ q: "quokka" })).toEqual([c.id]);
    expect(await ids({ q: "xylophone pilot" })).toEqual([c.id]);
    expect(await ids({ q: "xylophone", type: "NAMED_ACCOUNT", resolution: "CO_SELL", tag: "pilot-evidence" })).toEqual([
      c.id,
    ]);
    expect(await ids({ q: "xylophone", type: "DUPLICATE_REGISTRATION" })).toEqual([]);
    expect(await ids({ q: "xylophone", resolution: "SPLIT" })).toEqual([]);

    await db.conflict.update({
      where: { id: c.id },
      data: { rationale: "Marimba: the customer asked for one vendor." },
    });
    expect(await ids({ q: "xylophone" })).toEqual([]);
    expect(await ids({ q: "marimba" })).toEqual([c.id]);

    // reopened (e.g. a decision undone): no longer a precedent
    await db.conflict.update({ where: { id: c.id }, data: { status: "OPEN", resolvedAt: null } });
    expect(await ids({ q: "marimba" })).toEqual([]);

    await db.conflict.update({ where: { id: c.id }, data: { status: "RESOLVED", resolvedAt: new Date() } });
    expect(await ids({ q: "marimba" })).toEqual([c.id]);
    await db.conflict.delete({ where: { id: c.id } });
    expect(await ids({ q: "marimba" })).toEqual([]);
  });

  it("indexes a case written already resolved, with the rule of a registration linked afterwards", async () => {
    const registration = await db.dealRegistration.findFirstOrThrow({
      where: { routeDecision: { ruleId: { not: null } }, accountId: { not: null } },
      select: { id: true, accountId: true, routeDecision: { select: { rule: { select: { name: true } } } } },
      orderBy: { id: "asc" },
    });
    const c = await db.conflict.create({
      data: {
        type: "DUPLICATE_REGISTRATION",
        status: "RESOLVED",
        resolution: "AWARD_PARTNER",
        accountId: registration.accountId,
        summary: "Capybara Foods claimed twice.",
        rationale: "Awarded to the first registration.",
        slaDueAt: new Date("2026-12-01T00:00:00Z"),
        resolvedAt: new Date(),
      },
    });
    expect(await ids({ q: "capybara" })).toEqual([c.id]);
    await db.conflictRegistration.create({ data: { conflictId: c.id, registrationId: registration.id } });
    const ruleName = registration.routeDecision!.rule!.name;
    const [row] = (await searchPrecedents(await ctxFor("ops@accord.test"), query({ q: "capybara" }))).items;
    expect(row).toMatchObject({ id: c.id, ruleName });
    // the rule's name is searchable text too
    const ruleWord = ruleName.split(/[^A-Za-z]+/).find((w) => w.length >= 4)!;
    expect(await ids({ q: `capybara ${ruleWord}` })).toEqual([c.id]);
  });
});

describe("similarCases", () => {
  it("ranks resolved cases like an open case, same type first, each with its reasons", async () => {
    const ops = await ctxFor("ops@accord.test");
    const open = await db.conflict.findFirstOrThrow({
      where: { status: "OPEN", type: "DUPLICATE_REGISTRATION" },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const similar = await similarCases(ops, open.id, 5);
    expect(similar.length).toBe(5);
    const resolved = await db.conflict.findMany({
      where: { id: { in: similar.map((s) => s.id) } },
      select: { id: true, status: true },
    });
    expect(resolved.every((r) => r.status === "RESOLVED")).toBe(true);
    expect(similar[0].reasons[0]).toBe("Same type: duplicate registration");
    for (let i = 1; i < similar.length; i++) expect(similar[i - 1].score).toBeGreaterThanOrEqual(similar[i].score);
    expect(similar.every((s) => s.reasons.length > 0 && s.rationale.length > 0)).toBe(true);
    // deterministic
    expect(await similarCases(ops, open.id, 5)).toEqual(similar);
  });

  it("finds an old case resolved with the same words and facets among the best", async () => {
    const ops = await ctxFor("ops@accord.test");
    const open = await db.conflict.findFirstOrThrow({
      where: { status: "OPEN", type: "DIRECT_VS_PARTNER", accountId: { not: null } },
      orderBy: { id: "asc" },
    });
    const twin = await db.conflict.create({
      data: {
        type: "DIRECT_VS_PARTNER",
        status: "RESOLVED",
        resolution: "CO_SELL",
        accountId: open.accountId,
        opportunityId: open.opportunityId,
        summary: open.summary,
        rationale: "Same account as before: co-sell keeps both teams engaged.",
        slaDueAt: open.slaDueAt,
        resolvedAt: new Date("2020-01-01T00:00:00Z"), // oldest of all: found by likeness, not recency
      },
    });
    // the seeded summaries share a template, so the twin is among the best, not always alone on top
    const top = await similarCases(ops, open.id, 3);
    const found = top.find((s) => s.id === twin.id);
    expect(found?.reasons).toEqual(
      expect.arrayContaining(["Same type: direct vs partner", expect.stringMatching(/^Same segment: /)]),
    );
    expect(found!.reasons.some((r) => r.startsWith("Similar wording"))).toBe(true);
  });

  it("is for staff who can read the case: partners are refused, a case out of scope is not found", async () => {
    const open = await db.conflict.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true } });
    expect(await codeOf(similarCases(await ctxFor("alice@northwind.test"), open.id))).toBe("FORBIDDEN");
    expect(await codeOf(similarCases(await ctxFor("ops@accord.test"), "no-such-case"))).toBe("NOT_FOUND");
    const ae = await ctxFor("ae@accord.test");
    const foreign = await db.conflict.findFirstOrThrow({
      where: { parties: { none: { userId: ae.userId! } } },
      select: { id: true },
    });
    expect(await codeOf(similarCases(ae, foreign.id))).toBe("NOT_FOUND");
  });
});

describe("searchPrecedents", () => {
  it("walks resolved cases newest first with filters, and pages forward and back", async () => {
    const ops = await ctxFor("ops@accord.test");
    const all = await db.conflict.findMany({
      where: { status: "RESOLVED" },
      orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
      select: { id: true, type: true },
    });
    const first = await searchPrecedents(ops, query({}));
    expect(first.total).toBe(all.length);
    expect(first.items.map((r) => r.id)).toEqual(all.slice(0, 20).map((r) => r.id));
    expect(first.prevCursor).toBeNull();
    const second = await searchPrecedents(ops, query({ after: first.nextCursor! }));
    expect(second.items.map((r) => r.id)).toEqual(all.slice(20, 40).map((r) => r.id));
    const back = await searchPrecedents(ops, query({ before: second.prevCursor! }));
    expect(back.items.map((r) => r.id)).toEqual(first.items.map((r) => r.id));

    const disputes = await searchPrecedents(ops, query({ type: "ATTRIBUTION_DISPUTE" }));
    expect(disputes.items.map((r) => r.id)).toEqual(
      all.filter((r) => r.type === "ATTRIBUTION_DISPUTE").map((r) => r.id),
    );
    // a cursor is valid only for the search that minted it
    expect(await codeOf(searchPrecedents(ops, query({ type: "NAMED_ACCOUNT", after: first.nextCursor! })))).toBe(
      "VALIDATION",
    );
  });

  it("ranks matches of the words and marks them in the excerpt", async () => {
    const ops = await ctxFor("ops@accord.test");
    const account = await anAccount();
    const base = {
      type: "PRICING_UNDERCUT" as const,
      status: "RESOLVED" as const,
      resolution: "AWARD_PARTNER" as const,
      accountId: account.id,
      summary: "A discount undercut a protected deal.",
      slaDueAt: new Date("2026-12-01T00:00:00Z"),
      resolvedAt: new Date(),
    };
    // the weaker match is written first, so that id order alone would put it first
    const weak = await db.conflict.create({
      data: {
        ...base,
        summary: "A wombat-sized discount undercut a protected deal.",
        rationale: "The customer compared several offers over many weeks.",
      },
    });
    const strong = await db.conflict.create({
      data: { ...base, rationale: "The wombat quote undercut the partner's pricing under protection." },
    });
    const page = await searchPrecedents(ops, query({ q: "wombat" }));
    expect(page.items.map((r) => r.id)).toEqual([strong.id, weak.id]);
    expect(page.total).toBe(2);
    expect(page.items[0].excerpt).toContain(`${MARK_START}wombat${MARK_END}`);
  });

  it("pages a search and a tag filter forward and back without losing or repeating a case", async () => {
    const ops = await ctxFor("ops@accord.test");
    const filters: Record<string, string>[] = [{ q: "partner" }, { tag: "escalated" }, { q: "the", region: "NA" }];
    for (const filter of filters) {
      const seen: string[] = [];
      let page = await searchPrecedents(ops, query(filter));
      const first = page.items.map((r) => r.id);
      const total = page.total;
      for (;;) {
        seen.push(...page.items.map((r) => r.id));
        if (!page.nextCursor) break;
        const next = await searchPrecedents(ops, query({ ...filter, after: page.nextCursor }));
        const back = await searchPrecedents(ops, query({ ...filter, before: next.prevCursor! }));
        expect(back.items.map((r) => r.id)).toEqual(page.items.map((r) => r.id));
        page = next;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
      expect(first.length).toBeGreaterThan(0);
      if (filter.tag) {
        const tagged = await db.conflict.findMany({ where: { status: "RESOLVED" }, select: { id: true, tags: true } });
        const expected = tagged.filter((c) => (c.tags as string[] | null)?.includes("escalated")).map((c) => c.id);
        expect([...seen].sort()).toEqual(expected.sort());
      }
    }
  });

  it("is staff only: a partner is refused", async () => {
    expect(await codeOf(searchPrecedents(await ctxFor("alice@northwind.test"), query({})))).toBe("FORBIDDEN");
  });
});
