// The joint forecast (docs/domain.md#joint-forecast): on a hand-built set of deals in an otherwise empty
// quarter (2041-Q2) every figure equals the one worked out by hand below; on the demo data every figure's
// deal count equals the count of the opportunity list it links to; the weekly snapshot job writes once a
// week, and GET /api/v1/forecast answers 200 / 400 / 403.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "@/app/api/v1/forecast/route";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { getForecast } from "@/lib/db/forecast";
import { takeForecastSnapshot } from "@/lib/db/forecast-snapshots";
import { listOpportunities } from "@/lib/db/opportunities";
import { FORECAST_CATEGORIES, quarterOf, shiftQuarter } from "@/lib/forecast";
import { opportunityListQuery } from "@/lib/validation/lists";
import { newId } from "@/lib/db/sql";
import { ctxFor } from "../support/contexts";

const now = new Date();
let adminKey: string;
let partnerKey: string;

beforeAll(async () => {
  adminKey = (await createApiKey(await ctxFor("ops@accord.test"), { name: "forecast", scope: "ADMIN" })).key;
  const alice = await ctxFor("alice@northwind.test");
  partnerKey = (await createApiKey(alice, { name: "forecast", scope: "PARTNER" })).key;
});

async function listCount(email: string, params: Record<string, string>) {
  const ctx = await ctxFor(email);
  const page = await listOpportunities(ctx, opportunityListQuery.parse({ ...params, pageSize: "1" }));
  return page.total;
}

// ── a hand-built quarter: 2041-Q2 as of 15 May 2041; the win-rate history is 2040-Q2 … 2041-Q1 ──
const HAND_NOW = new Date("2041-05-15T12:00:00Z");
const at = (day: string) => new Date(`${day}T00:00:00Z`);
type HandDeal = {
  stage: "CLOSED_WON" | "CLOSED_LOST" | "NEGOTIATION" | "PROPOSAL" | "QUALIFIED";
  dollars: number;
  /** closedAt for a closed deal, closeDate for an open one */
  day: string;
  partnerSourced?: boolean;
};

async function handBuilt(deals: HandDeal[]) {
  const account = await db.account.findFirstOrThrow({ select: { id: true } });
  const line = await db.productLine.findFirstOrThrow({ select: { id: true } });
  for (const d of deals) {
    const closed = d.stage === "CLOSED_WON" || d.stage === "CLOSED_LOST";
    await db.opportunity.create({
      data: {
        id: newId(),
        name: `Forecast hand-built ${d.stage} ${d.dollars}`,
        accountId: account.id,
        productLineId: line.id,
        acvCents: BigInt(d.dollars * 100),
        currency: "USD",
        stage: d.stage,
        closeDate: at(d.day),
        closedAt: closed ? at(d.day) : null,
        lostReason: d.stage === "CLOSED_LOST" ? "Budget" : null,
        // no attribution rows: the deal is DIRECT; the stored category follows the rows, as
        // lib/db/attribution-writes.ts keeps it (the forecast groups by the column)
        ...(d.partnerSourced
          ? {
              category: "PARTNER_SOURCED",
              attributions: {
                create: { party: "PARTNER", partyKey: "p", category: "PARTNER_SOURCED", creditPct: 100 },
              },
            }
          : {}),
      },
    });
  }
}

describe("getForecast on a hand-built quarter", () => {
  beforeAll(async () => {
    await handBuilt([
      // history, direct: 15 won and 5 lost in the trailing four quarters (20 closed: the history applies, r = 0.75)
      ...Array.from({ length: 15 }, (_, i): HandDeal => ({
        stage: "CLOSED_WON",
        dollars: 1_000 + i,
        day: "2040-08-01",
      })),
      ...Array.from({ length: 5 }, (_, i): HandDeal => ({
        stage: "CLOSED_LOST",
        dollars: 2_000 + i,
        day: "2041-02-01",
      })),
      // outside the window (before it): not history
      { stage: "CLOSED_LOST", dollars: 3_000, day: "2040-03-31" },
      // history, partner-sourced: 3 closed (below 20: the stage default applies)
      { stage: "CLOSED_WON", dollars: 4_000, day: "2040-12-01", partnerSourced: true },
      { stage: "CLOSED_WON", dollars: 4_001, day: "2041-01-01", partnerSourced: true },
      { stage: "CLOSED_LOST", dollars: 4_002, day: "2041-03-01", partnerSourced: true },
      // the quarter: won
      { stage: "CLOSED_WON", dollars: 100_000, day: "2041-04-10" },
      { stage: "CLOSED_WON", dollars: 50_000, day: "2041-05-02" },
      { stage: "CLOSED_WON", dollars: 200_000, day: "2041-04-20", partnerSourced: true },
      // the quarter: open, expected to close in it
      { stage: "NEGOTIATION", dollars: 100_000, day: "2041-06-30" },
      { stage: "PROPOSAL", dollars: 40_000, day: "2041-06-01" },
      { stage: "QUALIFIED", dollars: 80_000, day: "2041-05-20", partnerSourced: true },
      // not in the quarter's figures: lost in it, and open but closing next quarter
      { stage: "CLOSED_LOST", dollars: 70_000, day: "2041-04-15" },
      { stage: "NEGOTIATION", dollars: 90_000, day: "2041-07-01" },
    ]);
  });

  it("gives closed won, commit, expected and the 80 % band worked out by hand", async () => {
    const f = await getForecast(await ctxFor("vp.sales@accord.test"), "2041-Q2", HAND_NOW);
    // direct: r = 15 / 20 = 0.75; p = r + (1 − r) × stage progress: negotiation 0.8625, proposal 0.8125
    expect(f.winRates.DIRECT.NEGOTIATION).toMatchObject({ basis: "history", won: 15, closed: 20 });
    expect(f.winRates.DIRECT.NEGOTIATION.p).toBeCloseTo(0.8625, 10);
    expect(f.winRates.DIRECT.PROPOSAL.p).toBeCloseTo(0.8125, 10);
    // expected = 15,000,000 + 0.8625 × 10,000,000 + 0.8125 × 4,000,000 = 26,875,000 cents
    // σ² = 0.8625 × 0.1375 × 10,000,000² + 0.8125 × 0.1875 × 4,000,000² = 1.4296875e13; σ ≈ 3,781,120.87
    // band = 26,875,000 ± 1.2816 σ = 22,029,115 … 31,720,885
    expect(f.categories.DIRECT).toEqual({
      closedWon: 15_000_000n,
      commit: 25_000_000n,
      expected: 26_875_000n,
      low: 22_029_115n,
      high: 31_720_885n,
    });
    expect(f.deals.DIRECT).toEqual({ closedWon: 2, commit: 1, open: 2 });
    // partner-sourced: 3 closed deals, below 20: qualified's stage default 0.2
    expect(f.winRates.PARTNER_SOURCED.QUALIFIED).toMatchObject({ p: 0.2, basis: "default", won: 2, closed: 3 });
    // expected = 20,000,000 + 0.2 × 8,000,000 = 21,600,000; σ = √(0.2 × 0.8 × 8,000,000²) = 3,200,000;
    // low = 21,600,000 − 4,101,120 is below what is won, so it is the closed won
    expect(f.categories.PARTNER_SOURCED).toEqual({
      closedWon: 20_000_000n,
      commit: 20_000_000n,
      expected: 21_600_000n,
      low: 20_000_000n,
      high: 25_701_120n,
    });
    // the empty categories are zero, with a zero band
    for (const c of ["PARTNER_COSELL", "PARTNER_INFLUENCED", "MARKETPLACE"] as const) {
      expect(f.categories[c]).toEqual({ closedWon: 0n, commit: 0n, expected: 0n, low: 0n, high: 0n });
      expect(f.deals[c]).toEqual({ closedWon: 0, commit: 0, open: 0 });
    }
    // total: the variances add: σ = √2.4536875e13 ≈ 4,953,471.0
    expect(f.total).toEqual({
      closedWon: 35_000_000n,
      commit: 45_000_000n,
      expected: 48_475_000n,
      low: 42_126_632n,
      high: 54_823_368n,
    });
    expect(f.deals.TOTAL).toEqual({ closedWon: 3, commit: 1, open: 3 });
    expect(f.currency).toBe("USD");
  });

  it("each figure's drill-down list shows exactly the hand-built deals it counts", async () => {
    const q = { firstDay: "2041-04-01", lastDay: "2041-06-30" };
    const won = { stage: "CLOSED_WON", closedFrom: q.firstDay, closedTo: q.lastDay };
    expect(await listCount("vp.sales@accord.test", won)).toBe(3);
    expect(await listCount("vp.sales@accord.test", { ...won, category: "PARTNER_SOURCED" })).toBe(1);
    expect(await listCount("vp.sales@accord.test", { forecast: "2041-Q2" })).toBe(6);
    expect(await listCount("vp.sales@accord.test", { forecast: "2041-Q2", commit: "yes" })).toBe(4);
    expect(await listCount("vp.sales@accord.test", { open: "yes", closeFrom: q.firstDay, closeTo: q.lastDay })).toBe(3);
  });
});

describe("getForecast on the demo data", () => {
  it("counts exactly the deals its drill-down lists show, per category, this quarter and last", async () => {
    const exec = await ctxFor("vp.sales@accord.test");
    for (const quarter of [quarterOf(now), shiftQuarter(quarterOf(now), -1)]) {
      const f = await getForecast(exec, quarter.label, now);
      expect(f.deals.TOTAL.closedWon + f.deals.TOTAL.open).toBeGreaterThan(0);
      for (const cat of [...FORECAST_CATEGORIES, undefined]) {
        const d = cat ? f.deals[cat] : f.deals.TOTAL;
        const c: Record<string, string> = cat ? { category: cat } : {};
        const won = { stage: "CLOSED_WON", closedFrom: quarter.firstDay, closedTo: quarter.lastDay, ...c };
        expect(await listCount("vp.sales@accord.test", won)).toBe(d.closedWon);
        const open = { open: "yes", closeFrom: quarter.firstDay, closeTo: quarter.lastDay, ...c };
        expect(await listCount("vp.sales@accord.test", open)).toBe(d.open);
        expect(await listCount("vp.sales@accord.test", { forecast: quarter.label, ...c })).toBe(d.closedWon + d.open);
        expect(await listCount("vp.sales@accord.test", { forecast: quarter.label, commit: "yes", ...c })).toBe(
          d.closedWon + d.commit,
        );
      }
      // the total is the sum of the categories; the band holds expected and never drops below closed-won
      const sum = FORECAST_CATEGORIES.reduce((a, c) => a + f.categories[c].expected, 0n);
      expect(f.total.expected).toBe(sum);
      expect(f.total.low).toBeGreaterThanOrEqual(f.total.closedWon);
      expect(f.total.low).toBeLessThanOrEqual(f.total.expected);
      expect(f.total.high).toBeGreaterThanOrEqual(f.total.expected);
    }
  });

  it("refuses a partner manager and an AE (forecast:read is executives and channel operations)", async () => {
    await expect(getForecast(await ctxFor("pm@accord.test"), quarterOf(now).label, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("forecast.snapshot", () => {
  it("writes this week's snapshot once", async () => {
    const later = new Date(now.getTime() + 14 * 86_400_000);
    const first = await takeForecastSnapshot(db, later);
    expect(first).toBe(6);
    expect(await takeForecastSnapshot(db, later)).toBe(0);
  });
});

describe("GET /api/v1/forecast", () => {
  const get = async (key: string, query: string) => {
    const res = await GET(
      new NextRequest(`http://localhost/api/v1/forecast${query}`, {
        headers: { Authorization: `Bearer ${key}` },
      }),
      { params: Promise.resolve({}) },
    );
    return { status: res.status, body: await res.json() };
  };

  it("answers the page's figures in cents for an admin key", async () => {
    const period = quarterOf(now).label;
    const { status, body } = await get(adminKey, `?period=${period}`);
    expect(status).toBe(200);
    const f = await getForecast(await ctxFor("ops@accord.test"), period, now);
    expect(body.period).toBe(period);
    expect(body.total.expected).toBe(Number(f.total.expected));
    expect(Object.keys(body.categories).sort()).toEqual([...FORECAST_CATEGORIES].sort());
  });

  it("answers 400 with a field message for a bad period, 403 for a partner key", async () => {
    const bad = await get(adminKey, "?period=2026-Q5");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.period[0]).toMatch(/2026-Q4/);
    expect((await get(partnerKey, "?period=2026-Q4")).status).toBe(403);
  });
});
