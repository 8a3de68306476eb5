// GET /api/v1/conflicts and GET /api/v1/conflicts/{id} through the real route handlers (API-key
// authentication, query validation, error envelope): scoped like the pages, a partner's view
// redacted, a foreign case 404 with the same body as a missing one.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as list } from "@/app/api/v1/conflicts/route";
import { GET as detail } from "@/app/api/v1/conflicts/[id]/route";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { submitRegistration } from "@/lib/db/registration-submit";
import { ctxFor } from "../support/contexts";

const keys = new Map<string, string>();
async function keyFor(email: string) {
  if (!keys.has(email)) {
    const ctx = await ctxFor(email);
    keys.set(
      email,
      (await createApiKey(ctx, { name: "tests", scope: ctx.role === "PARTNER" ? "PARTNER" : "ADMIN" })).key,
    );
  }
  return keys.get(email)!;
}

async function get(email: string, path: string, id?: string) {
  const req = new NextRequest(`http://localhost${path}`, {
    headers: { Authorization: `Bearer ${await keyFor(email)}` },
  });
  const res = id
    ? await detail(req, { params: Promise.resolve({ id }) })
    : await list(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

async function duplicateCase() {
  const stamp = `${Date.now()}${Math.round(Math.random() * 1e6)}`;
  const deal = {
    account: { name: `Api Overlap ${stamp} Ltd`, country: "US", vertical: "RETAIL" as const },
    productLine: "Platform",
    estimatedAcv: 9_000_000,
    expectedCloseDate: "2027-06-30",
  };
  await submitRegistration(await ctxFor("alice@northwind.test"), deal);
  const second = await submitRegistration(await ctxFor("bob@contoso.test"), deal);
  return (
    await db.conflictRegistration.findFirstOrThrow({
      where: { registrationId: second.id, conflict: { type: "DUPLICATE_REGISTRATION" } },
      select: { conflictId: true },
    })
  ).conflictId;
}

describe("conflicts API", () => {
  it("lists a partner's cases and shows one without naming the other partner", async () => {
    const id = await duplicateCase();
    const page = await get("bob@contoso.test", "/api/v1/conflicts?type=DUPLICATE_REGISTRATION&pageSize=100");
    expect(page.status).toBe(200);
    const row = page.body.data.find((c: { id: string }) => c.id === id);
    expect(row.parties).toEqual([
      { kind: "PARTNER", name: "Contoso Partners", self: true, creditPct: null },
      { kind: "PARTNER", name: "Another partner", self: false, creditPct: null },
    ]);
    const one = await get("bob@contoso.test", `/api/v1/conflicts/${id}`, id);
    expect(one.status).toBe(200);
    expect(one.body.registrations).toHaveLength(1);
    expect(one.body.firstClaim).toMatchObject({ by: "Another partner", self: false });
    expect(JSON.stringify(one.body)).not.toMatch(/Northwind|Alice/);

    const staff = await get("ops@accord.test", `/api/v1/conflicts/${id}`, id);
    expect(staff.body.parties.map((p: { name: string }) => p.name).sort()).toEqual([
      "Contoso Partners",
      "Northwind Systems",
    ]);
    expect(staff.body.registrations[0].routeDecision.trace.length).toBeGreaterThan(0);
  });

  it("answers a case the partner is not party to exactly like a missing one", async () => {
    const id = await duplicateCase();
    const outsider = await db.user.findFirstOrThrow({
      where: { role: "PARTNER", partner: { name: { notIn: ["Northwind Systems", "Contoso Partners"] } } },
      select: { email: true },
    });
    const foreign = await get(outsider.email, `/api/v1/conflicts/${id}`, id);
    const missing = await get(outsider.email, "/api/v1/conflicts/nope", "nope");
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
  });

  it("filters like the page and refuses a malformed filter with its field", async () => {
    const all = await get("ops@accord.test", "/api/v1/conflicts?slice=all&level=2&pageSize=100");
    expect(all.status).toBe(200);
    expect(all.body.data.every((c: { level: number; status: string }) => c.level === 2 && c.status === "OPEN")).toBe(
      true,
    );
    expect(all.body.total).toBe(await db.conflict.count({ where: { level: 2, status: "OPEN" } }));
    const bad = await get("ops@accord.test", "/api/v1/conflicts?level=9&openedFrom=yesterday");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["level", "openedFrom"]);
  });
});
