// The joint forecast on the demo data (docs/domain.md#joint-forecast): every figure's deal count equals the
// count of the opportunity list it links to, the weekly snapshot job writes once a week, and
// GET /api/v1/forecast answers 200 / 400 / 403.
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

describe("getForecast", () => {
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
