// Simulation over history (docs/domain.md#rules-of-engagement): the plain-SQL batch reader returns exactly the rows a
// Prisma read of the same period returns (ids, routes, ACV, facts), in keyset batches; the whole run
// on a draft that narrows rule 70 reports the gap it opens as a warning, with the example deal named.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countHistoricalDeals, historicalDeals } from "@/lib/db/historical-deals";
import { createDraft, saveDraft } from "@/lib/db/rule-set-writes";
import { findRuleSet } from "@/lib/db/rule-sets";
import { prepareSimulation } from "@/lib/db/simulation";
import type { HistoricalDeal, Rule } from "@/lib/rules";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";
import { FIXED_NOW } from "../support/test-db";

async function prismaRead(from: Date, to: Date): Promise<HistoricalDeal[]> {
  const rows = await db.opportunity.findMany({
    where: { createdAt: { gte: from, lt: to }, routeDecisionId: { not: null } },
    select: { id: true, route: true, acvCents: true, routeDecision: { select: { facts: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    facts: r.routeDecision!.facts as HistoricalDeal["facts"],
    currentRoute: r.route,
    acv: Number(r.acvCents),
  }));
}

async function sqlRead(from: Date, to: Date, batchSize: number) {
  const ops = await ctxFor("ops@accord.test");
  const batches: HistoricalDeal[][] = [];
  for await (const batch of historicalDeals(ops, from, to, batchSize)) batches.push(batch);
  return batches;
}

describe("historical deals, read in plain SQL", () => {
  it("the same rows as a Prisma read, in id order, in batches of the size asked", async () => {
    const from = new Date("2000-01-01T00:00:00Z");
    const to = new Date("2100-01-01T00:00:00Z");
    const expected = await prismaRead(from, to);
    expect(expected.length).toBeGreaterThan(50);
    const batches = await sqlRead(from, to, 37);
    expect(batches.slice(0, -1).every((b) => b.length === 37)).toBe(true);
    expect(batches.flat()).toEqual(expected);
    const ops = await ctxFor("ops@accord.test");
    expect(await countHistoricalDeals(ops, from, to)).toBe(expected.length);
  });

  it("a period includes its start and excludes its end, to the millisecond", async () => {
    const sample = await db.opportunity.findFirstOrThrow({
      where: { routeDecisionId: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true },
    });
    const at = sample.createdAt;
    const starting = (await sqlRead(at, new Date(at.getTime() + 1), 1_000)).flat().map((d) => d.id);
    expect(starting).toContain(sample.id);
    expect(starting).toEqual((await prismaRead(at, new Date(at.getTime() + 1))).map((d) => d.id));
    const ending = (await sqlRead(new Date(at.getTime() - 86_400_000), at, 1_000)).flat().map((d) => d.id);
    expect(ending).not.toContain(sample.id);
    expect(ending).toEqual((await prismaRead(new Date(at.getTime() - 86_400_000), at)).map((d) => d.id));
  });

  it("only ops may read history", async () => {
    const alice = await ctxFor("alice@northwind.test");
    expect((await errorOf(countHistoricalDeals(alice, new Date(0), FIXED_NOW))).code).toBe("FORBIDDEN");
    expect((await errorOf(sqlReadAs(alice))).code).toBe("FORBIDDEN");
  });
});

async function sqlReadAs(ctx: Awaited<ReturnType<typeof ctxFor>>) {
  for await (const batch of historicalDeals(ctx, new Date(0), FIXED_NOW)) void batch;
}

describe("a whole simulation", () => {
  it("narrowing rule 70 to $150K: the gap is a warning naming the rule, with a named example deal", async () => {
    const ops = await ctxFor("ops@accord.test");
    const { id } = await createDraft(ops, undefined, FIXED_NOW);
    const set = (await findRuleSet(ops, id))!;
    const rules = set.engine.rules.map((r): Rule =>
      r.priority === 70
        ? { ...r, name: "Under $150K ACV", conditions: [{ field: "acv", op: "lt", value: 15_000_000 }] }
        : r,
    );
    await saveDraft(ops, {
      id,
      lockVersion: set.lockVersion,
      changeNote: "narrow rule 70",
      rules,
      defaultOutcome: set.engine.defaultOutcome,
    });
    const period = { from: new Date("2000-01-01T00:00:00Z"), to: new Date("2100-01-01T00:00:00Z") };
    const simulation = await prepareSimulation(ops, id, { ...period, baseline: "CURRENT_RULE_SET" });
    const progress: number[] = [];
    const report = (await simulation.run((done) => progress.push(done)))!;
    expect(report.totalDeals).toBe(simulation.total);
    expect(progress.at(-1)).toBe(simulation.total);

    // the gap, computed from the rows themselves: deals rule 70 took before and nothing takes now
    const gap = report.moves.find((m) => m.from?.priority === 70 && m.to === null);
    expect(gap).toBeDefined();
    const [warning] = report.warnings;
    expect(warning).toMatchObject({ rule: { priority: 70, name: "Under $150K ACV" }, to: null, toRoute: "DIRECT" });
    expect([warning.deals, warning.acv]).toEqual([gap!.deals, gap!.acv]);
    const example = await db.opportunity.findUniqueOrThrow({
      where: { id: warning.example.dealId },
      select: { name: true, acvCents: true, account: { select: { id: true, name: true } }, routeDecision: true },
    });
    // in the gap by the ACV its route was decided on (the deal's own ACV may have changed since)
    const decidedAcv = (example.routeDecision!.facts as { acv: number }).acv;
    expect(decidedAcv).toBeGreaterThanOrEqual(15_000_000);
    expect(decidedAcv).toBeLessThan(25_000_000);
    expect(warning.example.acv).toBe(Number(example.acvCents));
    expect(report.deals[warning.example.dealId]).toEqual({
      name: example.name,
      accountId: example.account.id,
      accountName: example.account.name,
    });
    for (const change of report.sample) expect(report.deals[change.dealId]?.name).toBeTruthy();
  });

  it("stops between batches when cancelled", async () => {
    const ops = await ctxFor("ops@accord.test");
    const inForce = await db.ruleSet.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
    const period = { from: new Date(0), to: new Date("2100-01-01T00:00:00Z"), baseline: "RECORDED_ROUTE" as const };
    const simulation = await prepareSimulation(ops, inForce.id, period);
    const abort = new AbortController();
    abort.abort();
    expect(await simulation.run(() => {}, abort.signal)).toBeNull();
  });
});
