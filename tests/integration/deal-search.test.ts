// The decision explorer's deal picker (lib/db/deal-search.ts): deals by the start of their name or
// their account's name, case ignored, one page, scoped to the caller; partners are refused and a
// deal outside the caller's book is never returned.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findOpportunityFacts } from "@/lib/db/decision-facts";
import { DEAL_SEARCH_LIMIT, searchDeals, searchPartners, type DealOption } from "@/lib/db/deal-search";
import { errorOf } from "../support/errors";
import { ctxFor } from "../support/contexts";

const starts = (d: DealOption, q: string) =>
  d.name.toLowerCase().startsWith(q.toLowerCase()) || d.account.name.toLowerCase().startsWith(q.toLowerCase());

async function someDeal(where: object = {}) {
  return db.opportunity.findFirstOrThrow({
    where,
    orderBy: { id: "asc" },
    select: { id: true, name: true, aeId: true, partnerId: true, account: { select: { id: true, name: true } } },
  });
}

describe("searchDeals", () => {
  it("finds a deal by its name typed in another case, with its account's name", async () => {
    const ops = await ctxFor("ops@accord.test");
    const deal = await someDeal();
    const found = await searchDeals(ops, `  ${deal.name.toUpperCase()} `);
    const hit = found.find((d) => d.id === deal.id);
    expect(hit).toMatchObject({ name: deal.name, account: { id: deal.account.id, name: deal.account.name } });
    expect(found.every((d) => starts(d, deal.name))).toBe(true);
  });

  it("finds deals by the start of their account's name even when the deal is named otherwise", async () => {
    const ops = await ctxFor("ops@accord.test");
    const deal = await someDeal();
    await db.opportunity.update({ where: { id: deal.id }, data: { name: "Zyxwv platform renewal" } });
    const found = await searchDeals(ops, deal.account.name.slice(0, 6).toLowerCase());
    expect(found.map((d) => d.id)).toContain(deal.id);
    expect((await searchDeals(ops, "zyXWV")).map((d) => d.id)).toEqual([deal.id]);
  });

  it("returns one page, ordered by name, every row matching", async () => {
    const ops = await ctxFor("ops@accord.test");
    const deal = await someDeal();
    const q = deal.name.slice(0, 1);
    const found = await searchDeals(ops, q);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(DEAL_SEARCH_LIMIT);
    expect(found.every((d) => starts(d, q))).toBe(true);
    const names = found.map((d) => d.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("treats LIKE wildcards and blanks as text, not as 'everything'", async () => {
    const ops = await ctxFor("ops@accord.test");
    const ae = await ctxFor("ae@accord.test");
    for (const ctx of [ops, ae]) {
      expect(await searchDeals(ctx, "%")).toEqual([]);
      expect(await searchDeals(ctx, "_")).toEqual([]);
      expect(await searchDeals(ctx, "   ")).toEqual([]);
    }
  });

  it("an AE finds only its own deals; another AE's deal by its exact name is not returned", async () => {
    const ae = await ctxFor("ae@accord.test");
    const own = await someDeal({ aeId: ae.userId });
    expect((await searchDeals(ae, own.name)).map((d) => d.id)).toContain(own.id);
    const foreign = await someDeal({ aeId: { not: ae.userId } });
    const found = await searchDeals(ae, foreign.name);
    expect(found.map((d) => d.id)).not.toContain(foreign.id);
    const owners = await db.opportunity.findMany({
      where: { id: { in: found.map((d) => d.id) } },
      select: { aeId: true },
    });
    expect(owners.every((o) => o.aeId === ae.userId)).toBe(true);
  });

  it("an AE gets a full page of its own deals under a common one-letter prefix, first by name", async () => {
    const ae = await ctxFor("ae@accord.test");
    const own = await db.opportunity.findMany({
      where: { aeId: ae.userId },
      select: { id: true, name: true, account: { select: { name: true } } },
    });
    const q = own[0].name.slice(0, 1).toLowerCase();
    const expected = own
      .filter((d) => d.name.toLowerCase().startsWith(q) || d.account.name.toLowerCase().startsWith(q))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, DEAL_SEARCH_LIMIT);
    expect((await searchDeals(ae, q)).map((d) => d.id)).toEqual(expected.map((d) => d.id));
  });

  it("a partner manager finds deals of the partners it manages only", async () => {
    const pm = await ctxFor("pm@accord.test");
    const managed = new Set(
      (await db.partner.findMany({ where: { managerId: pm.userId! }, select: { id: true } })).map((p) => p.id),
    );
    const own = await someDeal({ partnerId: { in: [...managed] } });
    expect((await searchDeals(pm, own.name)).map((d) => d.id)).toContain(own.id);
    const foreign = await someDeal({ OR: [{ partnerId: null }, { partnerId: { notIn: [...managed] } }] });
    expect((await searchDeals(pm, foreign.name)).map((d) => d.id)).not.toContain(foreign.id);
  });

  it("an executive sees every deal, as operations does", async () => {
    const ceo = await ctxFor("ceo@accord.test");
    const deal = await someDeal({ aeId: { not: null } });
    expect((await searchDeals(ceo, deal.name)).map((d) => d.id)).toContain(deal.id);
  });

  it("a partner is refused: the explorer is a staff tool", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const own = await someDeal({ partner: { name: "Northwind Systems" } });
    const e = await errorOf(searchDeals(alice, own.name));
    expect(e.code).toBe("FORBIDDEN");
  });

  it("partners are found by the start of their name for the partner fact; a partner is refused", async () => {
    const ops = await ctxFor("ops@accord.test");
    const found = await searchPartners(ops, "nORTHw");
    expect(found.map((p) => p.name)).toContain("Northwind Systems");
    expect(found.every((p) => p.name.toLowerCase().startsWith("northw"))).toBe(true);
    expect(await searchPartners(ops, "%")).toEqual([]);
    const e = await errorOf(searchPartners(await ctxFor("alice@northwind.test"), "north"));
    expect(e.code).toBe("FORBIDDEN");
  });

  it("a picked deal's facts come with its partner's name, for the explorer to show instead of the id", async () => {
    const ops = await ctxFor("ops@accord.test");
    const deals = await db.opportunity.findMany({
      where: { partnerId: { not: null }, routeDecisionId: { not: null } },
      select: { id: true, partner: { select: { id: true, name: true } }, routeDecision: { select: { facts: true } } },
      orderBy: { id: "desc" },
      take: 2_000,
    });
    const deal = deals.find((d) => (d.routeDecision!.facts as { partnerId?: string }).partnerId === d.partner!.id);
    expect(deal).toBeDefined();
    const facts = await findOpportunityFacts(ops, deal!.id);
    expect(facts).toMatchObject({ partnerName: deal!.partner!.name, facts: { partnerId: deal!.partner!.id } });
    expect(await findOpportunityFacts(ops, "no-such-deal")).toBeNull();
  });
});
