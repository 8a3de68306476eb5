// Registration submission through the real route handler: route decision with trace, overlaps as
// conflicts, exactly one active claim under races, idempotency, and bad input answered with 4xx.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as GET_LIST, POST } from "@/app/api/v1/registrations/route";
import { GET as GET_ONE } from "@/app/api/v1/registrations/[id]/route";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/db/api-keys";
import { ctxFor } from "../support/contexts";

const keys = new Map<string, string>();
async function keyFor(email: string) {
  if (!keys.has(email))
    keys.set(email, (await createApiKey(await ctxFor(email), { name: `tests ${email}`, scope: "PARTNER" })).key);
  return keys.get(email)!;
}

async function submit(email: string, body: unknown, headers: Record<string, string> = {}, raw?: string) {
  const req = new NextRequest("http://localhost/api/v1/registrations", {
    method: "POST",
    headers: { Authorization: `Bearer ${await keyFor(email)}`, "Content-Type": "application/json", ...headers },
    body: raw ?? JSON.stringify(body),
  });
  const res = await POST(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

let n = 0;
function deal(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    account: {
      name: `Zebulon Quantum Widgets ${n} GmbH`,
      domain: `zqw${n}.example`,
      country: "DE",
      vertical: "MANUFACTURING",
    },
    productLine: "platform",
    estimatedAcv: 31_200_000,
    expectedCloseDate: "2027-03-31",
    description: "Expansion of the shop-floor analytics pilot.",
    ...overrides,
  };
}

describe("POST /api/v1/registrations", () => {
  it("registers a deal with an explained route decision and an SLA", async () => {
    const res = await submit("alice@northwind.test", deal());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "SUBMITTED", route: "CO_SELL" });
    expect(res.body.conflict).toBeUndefined();
    expect(new Date(res.body.slaDueAt).getTime()).toBeGreaterThan(Date.now());
    const row = await db.dealRegistration.findUniqueOrThrow({
      where: { id: res.body.id },
      include: { routeDecision: true },
    });
    expect(row.activeClaimKey).not.toBeNull();
    expect(row.routeDecision?.ruleSetVersion).toBe(1);
    expect((row.routeDecision?.trace as unknown[]).length).toBe(8); // rules 10..80 tried, 80 won
    expect(await db.auditEvent.count({ where: { action: "registration.submit", entityId: res.body.id } })).toBe(1);
    expect(
      await db.outbox.count({
        where: { kind: "registration.submitted", payload: { equals: { registrationId: res.body.id } } },
      }),
    ).toBe(1);
  });

  it("a second partner on the same account and product line gets a conflict that does not name the first", async () => {
    const first = deal();
    const a = await submit("alice@northwind.test", first);
    const b = await submit("bob@contoso.test", {
      ...first,
      account: { ...first.account, name: "ZEBULON QUANTUM WIDGETS " + first.account.name.split(" ")[3] + ", Inc." },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    expect(JSON.stringify(b.body)).not.toMatch(/northwind/i);
    const bRow = await db.dealRegistration.findUniqueOrThrow({ where: { id: b.body.id } });
    expect(bRow.activeClaimKey).toBeNull();
    // bob reads his own registration; alice's stays invisible to him
    const bobKey = await keyFor("bob@contoso.test");
    const get = (id: string) =>
      GET_ONE(
        new NextRequest(`http://localhost/api/v1/registrations/${id}`, {
          headers: { Authorization: `Bearer ${bobKey}` },
        }),
        { params: Promise.resolve({ id }) },
      );
    expect((await get(b.body.id)).status).toBe(200);
    expect((await get(a.body.id)).status).toBe(404);
  });

  it("a claim held in the seeded demo data is detected too", async () => {
    // Regression: the demo seed wrote claim keys in another format than the app, so claims held
    // in the demo were invisible and a second partner registered the account without a conflict.
    const held = await db.dealRegistration.findFirstOrThrow({
      where: { status: "APPROVED", activeClaimKey: { not: null }, partner: { name: "Northwind Systems" } },
      select: {
        accountName: true,
        accountDomain: true,
        accountCountry: true,
        accountVertical: true,
        productLine: { select: { name: true } },
      },
    });
    const res = await submit(
      "bob@contoso.test",
      deal({
        account: {
          name: held.accountName,
          domain: held.accountDomain,
          country: held.accountCountry,
          vertical: held.accountVertical,
        },
        productLine: held.productLine.name,
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
  });

  it("the same partner cannot hold two active claims on one account and product line", async () => {
    const d = deal();
    expect((await submit("alice@northwind.test", d)).status).toBe(201);
    const again = await submit("alice@northwind.test", d);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
  });

  it("50 simultaneous submissions from two partners end with exactly one active claim, every time", async () => {
    for (let round = 0; round < 3; round++) {
      const d = deal();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => submit(i % 2 ? "bob@contoso.test" : "alice@northwind.test", d)),
      );
      const statuses = results.map((r) => r.status);
      expect(
        statuses.every((s) => s === 201 || s === 409),
        JSON.stringify(statuses),
      ).toBe(true);
      const rows = await db.dealRegistration.findMany({
        where: { accountNameKey: { startsWith: `zebulon quantum widgets ${n}` } },
        select: { activeClaimKey: true, partnerId: true },
      });
      expect(rows.filter((r) => r.activeClaimKey !== null)).toHaveLength(1);
      // the other partner's first submission got its conflict; repeats by a partner are 409s
      expect(results.filter((r) => r.body.conflict?.type === "DUPLICATE_REGISTRATION").length).toBeGreaterThanOrEqual(
        1,
      );
      expect(results.filter((r) => r.status === 201 && !r.body.conflict)).toHaveLength(1);
    }
  });

  it("replays an Idempotency-Key with the first response, and refuses it with another body (422)", async () => {
    const d = deal();
    const first = await submit("alice@northwind.test", d, { "Idempotency-Key": `k-${n}` });
    const replay = await submit("alice@northwind.test", d, { "Idempotency-Key": `k-${n}` });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await db.dealRegistration.count({ where: { idempotencyKey: `k-${n}` } })).toBe(1);
    const different = await submit("alice@northwind.test", { ...d, estimatedAcv: 1 }, { "Idempotency-Key": `k-${n}` });
    expect(different.status).toBe(422);
    expect(different.body.error.fields).toHaveProperty("idempotencyKey");
  });

  // Regression: retries of one request sent at once (a client timing out and retrying) got 409
  // "already registered" instead of the first response.
  it("answers simultaneous retries with the same Idempotency-Key with the one first response", async () => {
    for (let round = 0; round < 5; round++) {
      const d = deal();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => submit("alice@northwind.test", d, { "Idempotency-Key": `burst-${n}` })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await db.dealRegistration.count({ where: { idempotencyKey: `burst-${n}` } })).toBe(1);
    }
  });

  // Regression: a replay reported conflicts that later claims on the account had opened.
  it("replays the first response even after another partner's claim opened a conflict on it", async () => {
    const d = deal();
    const first = await submit("alice@northwind.test", d, { "Idempotency-Key": `later-${n}` });
    expect(first.body.conflict).toBeUndefined();
    const other = await submit("bob@contoso.test", d);
    expect(other.body.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    const replay = await submit("alice@northwind.test", d, { "Idempotency-Key": `later-${n}` });
    expect(replay.body).toEqual(first.body);
  });

  it("rejects bad input with 4xx field messages and stores nothing", async () => {
    const before = await db.dealRegistration.count();
    const cases: [unknown, number, string?][] = [
      [{ ...deal(), partnerId: "x" }, 400],
      [{ ...deal(), status: "APPROVED" }, 400],
      [{ ...deal(), protectedUntil: "2030-01-01" }, 400],
      [deal({ estimatedAcv: -5 }), 400, "estimatedAcv"],
      [deal({ estimatedAcv: 1.5 }), 400, "estimatedAcv"],
      [deal({ expectedCloseDate: "2026-02-30" }), 400, "expectedCloseDate"],
      [deal({ expectedCloseDate: "2020-01-31" }), 400, "expectedCloseDate"], // in the past: the form refused it, the API did not
      [deal({ productLine: "Quantum Teleporter" }), 400, "productLine"],
      [{ ...deal(), account: { name: "A\u0000B", country: "DE", vertical: "RETAIL" } }, 400, "account.name"],
      // Regression: a NUL outside the fields with their own check reached PostgreSQL (a 500 there)
      [deal({ productLine: "Platform\u0000" }), 400, "productLine"],
      [deal({ account: { name: "Acme", country: "DE\u0000", vertical: "RETAIL" } }), 400, "account.country"],
      [deal({ account: { name: "Acme", country: "XX", vertical: "RETAIL" } }), 400, "account.country"],
      [deal({ account: { name: "Acme", country: "DE", vertical: "SPACE" } }), 400, "account.vertical"],
    ];
    for (const [body, status, field] of cases) {
      const res = await submit("alice@northwind.test", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toMatch(/VALIDATION|BAD_REQUEST/);
      if (field) expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    expect((await submit("alice@northwind.test", null, {}, "{bad json")).status).toBe(400);
    expect(
      (
        await submit(
          "alice@northwind.test",
          null,
          {},
          JSON.stringify({ ...deal(), description: "x".repeat(2 * 1024 * 1024) }),
        )
      ).status,
    ).toBe(413);
    expect(await db.dealRegistration.count()).toBe(before);
  });

  it("answers NUL characters in the URL with 4xx, never a database error", async () => {
    const key = await keyFor("alice@northwind.test");
    const get = (url: string, id?: string) =>
      id === undefined
        ? GET_LIST(new NextRequest(url, { headers: { Authorization: `Bearer ${key}` } }), {
            params: Promise.resolve({}),
          })
        : GET_ONE(new NextRequest(url, { headers: { Authorization: `Bearer ${key}` } }), {
            params: Promise.resolve({ id }),
          });
    expect((await get("http://localhost/api/v1/registrations/x%00", "x\u0000")).status).toBe(404);
    const listed = await get("http://localhost/api/v1/registrations?q=acme%00");
    expect(listed.status).toBe(400);
    expect((await listed.json()).error.fields).toHaveProperty("q");
  });

  it("refuses staff and admin keys: only partners register deals", async () => {
    const adminKey = (await createApiKey(await ctxFor("ops@accord.test"), { name: "x", scope: "ADMIN" })).key;
    const req = new NextRequest("http://localhost/api/v1/registrations", {
      method: "POST",
      headers: { Authorization: `Bearer ${adminKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(deal()),
    });
    expect((await POST(req, { params: Promise.resolve({}) })).status).toBe(403);
  });
});
