// Regression (issue 8, defect 5): a partner whose registration lost the claim could submit the same
// company and product line again and again (15 SUBMITTED duplicates after one race), each opening a
// new conflict case. Now a partner's second active registration for one claim is a 409 naming its
// first, even in a burst sent at once, and an open case for the company is joined, not multiplied.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST } from "@/app/api/v1/registrations/route";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/db/api-keys";
import { withdrawRegistration } from "@/lib/db/registration-lifecycle";
import { ctxFor } from "../../support/contexts";

const keys = new Map<string, string>();
async function keyFor(email: string) {
  if (!keys.has(email))
    keys.set(email, (await createApiKey(await ctxFor(email), { name: `dup ${email}`, scope: "PARTNER" })).key);
  return keys.get(email)!;
}

async function submit(email: string, body: unknown, headers: Record<string, string> = {}) {
  const req = new NextRequest("http://localhost/api/v1/registrations", {
    method: "POST",
    headers: { Authorization: `Bearer ${await keyFor(email)}`, "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const res = await POST(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

let n = 0;
function deal(account: Record<string, unknown> = {}) {
  n++;
  return {
    account: {
      name: `Quillfeather Dynamics ${n} AG`,
      domain: `quillfeather${n}.example`,
      country: "DE",
      vertical: "MANUFACTURING",
      ...account,
    },
    productLine: "Analytics",
    estimatedAcv: 12_000_000,
    expectedCloseDate: "2027-06-30",
  };
}

const ALICE = "alice@northwind.test";
const BOB = "bob@contoso.test";

async function thirdPartner(): Promise<string> {
  const user = await db.user.findFirstOrThrow({
    where: { role: "PARTNER", active: true, email: { notIn: [ALICE, BOB] }, partner: { status: "ACTIVE" } },
    orderBy: { email: "asc" },
    select: { email: true },
  });
  return user.email;
}

const conflictsOf = (registrationId: string) =>
  db.conflict.findMany({
    where: { type: "DUPLICATE_REGISTRATION", registrations: { some: { registrationId } } },
    include: { parties: true, registrations: true, events: true },
  });

const bobsActive = (nameContains: string) =>
  db.dealRegistration.count({
    where: {
      partner: { users: { some: { email: BOB } } },
      status: { in: ["SUBMITTED", "APPROVED"] },
      accountName: { contains: nameContains },
    },
  });

describe("a partner's second registration for the same claim", () => {
  it("is refused with 409 naming the partner's own registration when it lost the claim: same name, same domain", async () => {
    const first = deal();
    expect((await submit(ALICE, first)).status).toBe(201);
    const lost = await submit(BOB, first);
    expect(lost.status).toBe(201);
    expect(lost.body.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });

    const again = await submit(BOB, first);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    expect(again.body.error.fields.registrationId).toEqual([lost.body.id]);
    expect(again.body.error.message).toContain(lost.body.id);

    // another spelling of the name (legal form, case), no domain
    const byName = await submit(BOB, {
      ...first,
      account: { ...first.account, name: first.account.name.toUpperCase().replace(" AG", ", GmbH"), domain: undefined },
    });
    expect(byName.status).toBe(409);
    expect(byName.body.error.fields.registrationId).toEqual([lost.body.id]);
    // another name at the same domain
    const byDomain = await submit(BOB, {
      ...first,
      account: { ...first.account, name: `Totally Different Holdings ${n}` },
    });
    expect(byDomain.status).toBe(409);
    expect(byDomain.body.error.fields.registrationId).toEqual([lost.body.id]);

    expect(await conflictsOf(lost.body.id)).toHaveLength(1);
    // another product line is another claim
    expect((await submit(BOB, { ...first, productLine: "Platform" })).status).toBe(201);
  });

  it("is refused when it matches the same account by another key (the matched account)", async () => {
    const account = await db.account.findFirstOrThrow({
      where: {
        domainKey: { not: null },
        namedAccount: false,
        registrations: { none: {} },
        opportunities: { none: {} },
      },
      orderBy: { id: "asc" },
      select: { id: true, name: true, domain: true, country: true, vertical: true },
    });
    const byName = { name: account.name, domain: undefined, country: account.country, vertical: account.vertical };
    expect((await submit(ALICE, deal(byName))).status).toBe(201);
    const lost = await submit(BOB, deal(byName));
    expect(lost.status).toBe(201);
    expect((await db.dealRegistration.findUniqueOrThrow({ where: { id: lost.body.id } })).accountId).toBe(account.id);
    // a name no one used, at the account's domain: matched to the same account
    const again = await submit(
      BOB,
      deal({
        name: `Unrelated Trading Name ${n}`,
        domain: account.domain!,
        country: account.country,
        vertical: account.vertical,
      }),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.fields.registrationId).toEqual([lost.body.id]);
  });

  it("sent ten times at once by the partner that lost the claim: one registration, nine 409, one conflict", async () => {
    const first = deal();
    const held = await submit(ALICE, first);
    expect(held.status).toBe(201);
    const burst = await Promise.all(Array.from({ length: 10 }, () => submit(BOB, first)));
    const created = burst.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(burst.filter((r) => r.status === 409)).toHaveLength(9);
    for (const r of burst.filter((x) => x.status === 409))
      expect(r.body.error.fields.registrationId).toEqual([created[0].body.id]);
    expect(await bobsActive(first.account.name)).toBe(1);
    expect(await conflictsOf(held.body.id)).toHaveLength(1);
  });

  it("sent ten times at once while nobody holds the claim: one registration, nine 409", async () => {
    const first = deal();
    const burst = await Promise.all(Array.from({ length: 10 }, () => submit(BOB, first)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await bobsActive(first.account.name)).toBe(1);
  });

  it("is accepted again once the first is withdrawn", async () => {
    const first = deal();
    expect((await submit(ALICE, first)).status).toBe(201);
    const lost = await submit(BOB, first);
    await withdrawRegistration(await ctxFor(BOB), lost.body.id, "Entered twice");
    const again = await submit(BOB, first);
    expect(again.status).toBe(201);
    expect(again.body.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    expect(await conflictsOf(again.body.id)).toEqual([
      expect.objectContaining({ id: (await conflictsOf(lost.body.id))[0].id }),
    ]);
  });
});

describe("another partner's registration for a claim under an open case", () => {
  it("still gets its DUPLICATE_REGISTRATION conflict, by joining the open case", async () => {
    const carol = await thirdPartner();
    const first = deal();
    const held = await submit(ALICE, first);
    const lost = await submit(BOB, first);
    const third = await submit(carol, first, { "Idempotency-Key": `carol-${n}` });
    expect(third.status).toBe(201);
    expect(third.body.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });

    const cases = await conflictsOf(held.body.id);
    expect(cases).toHaveLength(1);
    const [c] = cases;
    expect(c.registrations.map((r) => r.registrationId).sort()).toEqual(
      [held.body.id, lost.body.id, third.body.id].sort(),
    );
    expect(new Set(c.parties.filter((p) => p.kind === "PARTNER").map((p) => p.partnerId)).size).toBe(3);
    expect(c.events.filter((e) => e.kind === "COMMENTED")).toHaveLength(1);
    expect(await conflictsOf(third.body.id)).toHaveLength(1);

    // the idempotent replay answers as the first response did
    const replay = await submit(carol, first, { "Idempotency-Key": `carol-${n}` });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(third.body);
  });
});
