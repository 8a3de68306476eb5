// POST /api/v1/route-decisions through the real route handler (API-key authentication, JSON body,
// error envelope): lib/rules/default-rule-set.ts to the letter, boundaries included.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST } from "@/app/api/v1/route-decisions/route";
import { createApiKey } from "@/lib/db/api-keys";
import { ctxFor } from "../support/contexts";

let key: string | undefined;
async function call(body: unknown, raw?: string) {
  key ??= (await createApiKey(await ctxFor("ops@accord.test"), { name: "tests", scope: "ADMIN" })).key;
  const req = new NextRequest("http://localhost/api/v1/route-decisions", {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: raw ?? JSON.stringify(body),
  });
  const res = await POST(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

const base = {
  currency: "USD",
  vertical: "TECHNOLOGY",
  country: "US",
  region: "NA",
  regionDirectPresence: true,
  productKind: "CORE",
  productLine: "Platform",
  namedAccount: false,
  partnerType: "RESELLER",
  registrationStatus: "NONE",
  at: "2026-11-01T00:00:00.000Z",
};

const cases: [string, Record<string, unknown>, string, number | null][] = [
  ["$249,999.99 core deal", { acv: 24_999_999 }, "PARTNER_LED", 70],
  ["exactly $250,000.00", { acv: 25_000_000 }, "CO_SELL", 80],
  ["$999,999.99", { acv: 99_999_999 }, "CO_SELL", 80],
  ["exactly $1,000,000.00", { acv: 100_000_000 }, "DIRECT_PARTNER_ATTACHED", 90],
  ["named account", { acv: 100, namedAccount: true }, "DIRECT_PARTNER_ATTACHED", 20],
  ["no direct presence", { acv: 500_000_000, regionDirectPresence: false }, "PARTNER_LED", 30],
  ["healthcare under $1M", { acv: 99_999_999, vertical: "HEALTHCARE" }, "PARTNER_LED", 40],
  ["healthcare at $1M", { acv: 100_000_000, vertical: "HEALTHCARE" }, "DIRECT_PARTNER_ATTACHED", 90],
  ["add-on", { acv: 900_000_000, productKind: "ADDON" }, "PARTNER_LED", 50],
  ["marketplace partner", { acv: 900_000_000, partnerType: "MARKETPLACE" }, "MARKETPLACE", 60],
  [
    "sticky partner ownership",
    { acv: 900_000_000, namedAccount: true, priorRoute: "PARTNER_LED", registrationStatus: "APPROVED" },
    "PARTNER_LED",
    10,
  ],
  [
    "prior partner route without approval is not sticky",
    { acv: 900_000_000, priorRoute: "PARTNER_LED", registrationStatus: "SUBMITTED" },
    "DIRECT_PARTNER_ATTACHED",
    90,
  ],
];

describe("POST /api/v1/route-decisions", () => {
  for (const [label, facts, route, priority] of cases) {
    it(`${label} → ${route} (rule ${priority})`, async () => {
      const { status, body } = await call({ facts: { ...base, ...facts } });
      expect(status).toBe(200);
      expect(body.route).toBe(route);
      expect(body.rulePriority).toBe(priority);
      expect(body.ruleSetVersion).toBe(1);
      // the trace lists the rules tried, in order, up to and including the winner
      const priorities = body.trace.map((t: { priority: number }) => t.priority);
      expect(priorities).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90].filter((p) => p <= priority!));
      expect(body.trace.at(-1).matched).toBe(true);
      expect(body.trace.slice(0, -1).every((t: { matched: boolean }) => !t.matched)).toBe(true);
    });
  }

  it("explains a failing condition with the actual value, in plain language and in the technical form", async () => {
    const { body } = await call({ facts: { ...base, acv: 31_200_000, vertical: "HEALTHCARE" } });
    expect(body.route).toBe("PARTNER_LED");
    const band = await call({ facts: { ...base, acv: 31_200_000 } });
    const rule70 = band.body.trace.find((t: { priority: number }) => t.priority === 70);
    expect(rule70.reason).toBe("ACV is $312K — not below $250K");
    expect(rule70.technical).toContain("312,000.00");
    expect(rule70.matched).toBe(false);
  });

  it("rejects bad input with 4xx and field messages, never 500", async () => {
    expect((await call(null, "{not json")).status).toBe(400);
    const unknown = await call({ facts: { ...base, acv: 1, partnerName: "x" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("VALIDATION");
    const negative = await call({ facts: { ...base, acv: -5 } });
    expect(negative.status).toBe(400);
    expect(Object.keys(negative.body.error.fields)).toContain("facts.acv");
    expect((await call({ facts: { ...base, acv: 1 }, ruleSetId: "nope" })).status).toBe(404);
    expect((await call({ facts: { ...base, acv: 1 }, extra: true })).status).toBe(400);
  });
});
