// Pricing corridors and the discount-leakage report on a real database (SQLite, and PostgreSQL
// with TEST_DATABASE_URL): a corridor edit is audited with before and after and re-checks the open
// deals of its cell; only channel operations edit; a stale edit is a 409; and every figure of the
// leakage report equals the count of the opportunity list it links to.
import { describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { listOpportunities } from "@/lib/db/opportunities";
import { listCorridorGrid, saveCorridor } from "@/lib/db/pricing-corridors";
import { checkPricingGuardrails } from "@/lib/db/pricing-guardrails";
import { leakageReport } from "@/lib/db/pricing-leakage";
import { transaction } from "@/lib/db/transaction";
import { corridorFor, isBreach, leakageCents } from "@/lib/pricing/guardrails";
import { undercutSubjectKey } from "@/lib/pricing/undercut";
import { parsePeriod } from "@/lib/pricing/period";
import { opportunityListQuery } from "@/lib/validation/lists";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";

async function setDiscount(ctx: Ctx, opportunityId: string, discountPct: number) {
  await transaction(db, async (tx) => {
    await tx.opportunity.update({ where: { id: opportunityId }, data: { discountPct }, select: { id: true } });
    await checkPricingGuardrails(tx, ctx, opportunityId, new Date());
  });
}

describe("the demo seed (prisma/seed/pricing.ts)", () => {
  it("flags exactly the deals beyond their corridor, with some won ones leaking, and records its undercut cases", async () => {
    const corridors = await db.pricingCorridor.findMany();
    const deals = await db.opportunity.findMany({
      select: { id: true, productLineId: true, route: true, discountPct: true, corridorBreach: true, stage: true },
    });
    for (const d of deals) {
      const max = corridorFor(corridors, d.productLineId, d.route);
      expect(d.corridorBreach, d.id).toBe(isBreach(d.discountPct, max));
    }
    expect(deals.filter((d) => d.corridorBreach && d.stage === "CLOSED_WON").length).toBeGreaterThan(3);
    const open = await db.conflict.findMany({ where: { type: "PRICING_UNDERCUT", status: "OPEN" } });
    expect(open.length).toBeGreaterThanOrEqual(2);
    for (const c of open) expect(c.openSubjectKey).toBe(undercutSubjectKey(c.opportunityId!));
  });
});

describe("corridors", () => {
  it("channel operations change a corridor: audited before/after, the cell's open deals re-checked", async () => {
    const ops = await ctxFor("ops@accord.test");
    const open = await db.opportunity.findFirstOrThrow({
      where: { stage: "NEGOTIATION", route: { not: null } },
      select: { id: true, productLineId: true, route: true },
      orderBy: { id: "asc" },
    });
    const key = { productLineId: open.productLineId, route: open.route! };
    const before = await db.pricingCorridor.findUniqueOrThrow({ where: { productLineId_route: key } });
    await db.opportunity.update({ where: { id: open.id }, data: { discountPct: before.maxDiscountPct - 1 } });
    await saveCorridor(ops, {
      ...key,
      maxDiscountPct: before.maxDiscountPct - 2.5,
      expectedMaxPct: before.maxDiscountPct,
    });
    expect((await db.pricingCorridor.findUniqueOrThrow({ where: { productLineId_route: key } })).maxDiscountPct).toBe(
      before.maxDiscountPct - 2.5,
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "pricing.corridor.update", entityId: before.id },
    });
    expect(event.before).toMatchObject({ maxDiscountPct: before.maxDiscountPct });
    expect(event.after).toMatchObject({ maxDiscountPct: before.maxDiscountPct - 2.5 });
    expect(event.actorId).toBe(ops.userId);
    // the open deal at corridor − 1 is now beyond the tightened corridor
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      corridorBreach: true,
      corridorMaxPct: before.maxDiscountPct - 2.5,
    });

    // a second editor who saw the old value gets a 409, nothing applied
    const stale = await errorOf(
      saveCorridor(ops, { ...key, maxDiscountPct: 50, expectedMaxPct: before.maxDiscountPct }),
    );
    expect(stale.code).toBe("CONFLICT");
    // out of range is a field error
    const bad = await errorOf(
      saveCorridor(ops, { ...key, maxDiscountPct: 120, expectedMaxPct: before.maxDiscountPct - 2.5 }),
    );
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fields?.maxDiscountPct).toEqual(["At most 100%"]);
  });

  it("a missing cell is created (audited without a before); only channel operations edit", async () => {
    const ops = await ctxFor("ops@accord.test");
    const line = await db.productLine.findFirstOrThrow({ select: { id: true } });
    await db.pricingCorridor.delete({
      where: { productLineId_route: { productLineId: line.id, route: "MARKETPLACE" } },
    });
    const grid = await listCorridorGrid(ops);
    expect(grid.find((r) => r.id === line.id)!.cells.find((c) => c.route === "MARKETPLACE")!.maxDiscountPct).toBeNull();
    const created = await saveCorridor(ops, {
      productLineId: line.id,
      route: "MARKETPLACE",
      maxDiscountPct: 12.5,
      expectedMaxPct: null,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "pricing.corridor.create", entityId: created.id },
    });
    expect(event.before).toBeNull();
    expect(event.after).toMatchObject({ maxDiscountPct: 12.5, route: "MARKETPLACE" });
    for (const email of ["ae@accord.test", "pm@accord.test", "vp.sales@accord.test"]) {
      const e = await errorOf(
        saveCorridor(await ctxFor(email), {
          productLineId: line.id,
          route: "MARKETPLACE",
          maxDiscountPct: 50,
          expectedMaxPct: 12.5,
        }),
      );
      expect(e.code).toBe("FORBIDDEN");
    }
    // a partner reads no corridors
    expect((await errorOf(listCorridorGrid(await ctxFor("alice@northwind.test")))).code).toBe("FORBIDDEN");
  });
});

describe("discount leakage", () => {
  it("every figure equals the count of the list it links to; cents are the per-deal leakage summed", async () => {
    const ops = await ctxFor("ops@accord.test");
    // a quarter with won deals; push some of them beyond their corridor
    const sample = await db.opportunity.findFirstOrThrow({
      where: { stage: "CLOSED_WON", closedAt: { not: null }, route: { not: null } },
      orderBy: { closedAt: "desc" },
      select: { closedAt: true },
    });
    const at = sample.closedAt!;
    const period = parsePeriod(`${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`)!;
    const won = await db.opportunity.findMany({
      where: { stage: "CLOSED_WON", closedAt: { gte: period.start, lt: period.end }, route: { not: null } },
      select: { id: true, productLineId: true, route: true },
      orderBy: { id: "asc" },
      take: 8,
    });
    expect(won.length).toBeGreaterThan(2);
    for (const [i, d] of won.entries()) {
      const corridor = await db.pricingCorridor.findUnique({
        where: { productLineId_route: { productLineId: d.productLineId, route: d.route! } },
      });
      if (corridor && i % 4 !== 3) await setDiscount(ops, d.id, Math.min(100, corridor.maxDiscountPct + 3 + i));
    }

    for (const email of ["ops@accord.test", "ae@accord.test", "vp.sales@accord.test", "pm@accord.test"]) {
      const ctx = await ctxFor(email);
      const report = await leakageReport(ctx, period);
      const figures = [report.total, ...report.byRoute, ...report.byProductLine, ...report.byAe];
      for (const f of figures) {
        const query = Object.fromEntries(new URL(f.href, "http://x").searchParams);
        const page = await listOpportunities(ctx, opportunityListQuery.parse({ ...query, pageSize: 100 }));
        expect(page.total, `${email} ${f.href}`).toBe(f.count);
      }
      for (const groups of [report.byRoute, report.byProductLine, report.byAe]) {
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(report.total.count);
        expect(groups.reduce((n, g) => n + g.cents, 0)).toBe(report.total.cents);
      }
      if (email === "ops@accord.test") {
        expect(report.total.count).toBeGreaterThan(0);
        const deals = await db.opportunity.findMany({
          where: { stage: "CLOSED_WON", corridorBreach: true, closedAt: { gte: period.start, lt: period.end } },
        });
        expect(report.total.count).toBe(deals.length);
        expect(report.total.cents).toBe(deals.reduce((n, d) => n + leakageCents(d), 0));
      }
    }
    // a partner has no leakage report
    expect((await errorOf(leakageReport(await ctxFor("alice@northwind.test"), period))).code).toBe("FORBIDDEN");
  });
});
