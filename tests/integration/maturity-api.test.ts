// GET /api/v1/maturity (docs/domain.md#maturity): the /maturity page's figures from the same function
// (lib/db/maturity.ts maturityOverview) — the seeded assessments with their dimension scores, and the
// indicators measured for each framework's quarter; 400 with the field's message for a bad quarter,
// 403 for a partner's key.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "@/app/api/v1/maturity/route";
import type { Ctx } from "@/lib/auth/types";
import { createApiKey } from "@/lib/db/api-keys";
import { maturityOverview } from "@/lib/db/maturity";
import { FRAMEWORKS } from "@/lib/maturity";
import { ctxFor } from "../support/contexts";

let ops: Ctx;
let adminKey: string;
let partnerKey: string;

beforeAll(async () => {
  ops = await ctxFor("ops@accord.test");
  adminKey = (await createApiKey(ops, { name: "maturity", scope: "ADMIN" })).key;
  partnerKey = (await createApiKey(await ctxFor("alice@northwind.test"), { name: "maturity", scope: "PARTNER" })).key;
});

const get = async (key: string, query: string) => {
  const res = await GET(
    new NextRequest(`http://localhost/api/v1/maturity${query}`, { headers: { Authorization: `Bearer ${key}` } }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: await res.json() };
};

type Body = {
  period: string | null;
  frameworks: {
    framework: string;
    period: string;
    assessment: { period: string; score: number | null; dimensions: { dimension: string; score: number }[] } | null;
    indicators: { key: string; value: number | null; part: number | null; whole: number | null }[];
  }[];
  trend: { period: string; scores: Record<string, number | null> }[];
};

describe("GET /api/v1/maturity", () => {
  it("answers the page's figures: each framework's assessment and measured indicators, and the trend", async () => {
    for (const period of [undefined, "2026-Q2"]) {
      const res = await get(adminKey, period ? `?period=${period}` : "");
      expect(res.status, period).toBe(200);
      const body = res.body as Body;
      const page = await maturityOverview(ops, period, new Date());
      expect(body.period).toBe(period ?? null);
      expect(body.frameworks.map((f) => f.framework)).toEqual([...FRAMEWORKS]);
      for (const f of body.frameworks) {
        const shown = page.frameworks[f.framework as (typeof FRAMEWORKS)[number]];
        expect(f.period).toBe(shown.period);
        expect(f.assessment?.score ?? null).toBe(shown.assessment?.score ?? null);
        expect(f.assessment?.dimensions.map((d) => [d.dimension, d.score])).toEqual(
          shown.assessment?.scores.map((s) => [s.dimension, s.score]),
        );
        expect(f.indicators.map((i) => [i.key, i.value, i.part, i.whole])).toEqual(
          Object.values(shown.indicators).map((i) => [i.key, i.value, i.part?.count ?? null, i.whole?.count ?? null]),
        );
      }
      // the seeded demo company has past assessments of every framework, with measured indicators
      expect(body.frameworks.every((f) => f.assessment !== null)).toBe(true);
      expect(body.frameworks[0].indicators.length).toBeGreaterThan(0);
      expect(body.trend.length).toBeGreaterThan(1);
      for (const t of body.trend)
        for (const fw of FRAMEWORKS)
          expect(t.scores[fw]).toBe(page.assessments[fw].find((a) => a.period === t.period)?.score ?? null);
    }
  });

  it("answers 400 with the field's message for a bad quarter, 403 for a partner's key", async () => {
    for (const q of ["?period=2026-Q9", "?period=March"]) {
      const res = await get(adminKey, q);
      expect(res.status, q).toBe(400);
      expect(JSON.stringify(res.body)).toContain("period");
    }
    expect((await get(partnerKey, "")).status).toBe(403);
  });
});
