// `?after=`/`?before=` took any registration id and Prisma resolved it outside the caller's scope, so a partner
// learned that another partner's row existed and where it sorted (ACV, name).
// Cursors are now opaque and signed for one caller, list, sort and direction (lib/security/cursor.ts),
// and a page is resolved by a keyset condition inside the caller's `where` (lib/db/pagination.ts).
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "@/app/api/v1/registrations/route";
import type { Ctx } from "@/lib/auth/types";
import { listAccounts } from "@/lib/db/accounts";
import { createApiKey } from "@/lib/db/api-keys";
import { listAuditEvents } from "@/lib/db/audit-events";
import { db } from "@/lib/db/client";
import { listOpportunities } from "@/lib/db/opportunities";
import { listPartners } from "@/lib/db/partners";
import { listRegistrations } from "@/lib/db/registrations";
import {
  accountListQuery,
  auditEventListQuery,
  opportunityListQuery,
  partnerListQuery,
  registrationListQuery,
} from "@/lib/validation/lists";
import { ctxFor, partnerIdOf } from "../../support/contexts";
import { errorOf } from "../../support/errors";

const INVALID = "Invalid cursor: start again from the first page";

type Row = { id: string };
type PageOf = { items: Row[]; nextCursor: string | null; prevCursor: string | null; total: number };
type Load = (at: { after?: string; before?: string; pageSize?: number }) => Promise<PageOf>;

/** Walks the list forward to the end, then back to the start; returns the pages of each walk. */
async function walk(load: Load) {
  let page = await load({});
  expect(page.prevCursor).toBeNull();
  const forward = [page.items.map((r) => r.id)];
  while (page.nextCursor) {
    page = await load({ after: page.nextCursor });
    forward.push(page.items.map((r) => r.id));
  }
  const backward = [page.items.map((r) => r.id)];
  while (page.prevCursor) {
    page = await load({ before: page.prevCursor });
    backward.unshift(page.items.map((r) => r.id));
  }
  // the first page reached going back offers no way further back
  expect(page.prevCursor).toBeNull();
  return { forward, backward, total: page.total };
}

/** Every row exactly once, in the database's own order (one page holding the whole list), both ways. */
async function expectCompleteWalk(load: Load) {
  const { forward, backward, total } = await walk(load);
  const everything = (await load({ pageSize: 100_000 })).items.map((r) => r.id);
  expect(everything.length).toBeGreaterThan(forward[0].length); // more than one page, or the test proves nothing
  expect(forward.flat()).toEqual(everything);
  expect(new Set(forward.flat()).size).toBe(everything.length);
  expect(backward).toEqual(forward);
  expect(total).toBe(everything.length);
}

const DIRS = ["asc", "desc"] as const;

describe("paging forward and back returns every row exactly once, in order", () => {
  for (const sort of registrationListQuery.shape.sort.unwrap().options) {
    for (const dir of DIRS) {
      it(`a partner's registrations by ${sort} ${dir}`, async () => {
        const alice = await ctxFor("alice@northwind.test");
        await expectCompleteWalk((at) =>
          listRegistrations(alice, { ...registrationListQuery.parse({ sort, dir, pageSize: 25 }), ...at }),
        );
      });
    }
  }

  it("registrations without protection come last in either direction (protectedUntil is nullable)", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const northwind = await partnerIdOf("Northwind Systems");
    const unprotected = await db.dealRegistration.count({ where: { partnerId: northwind, protectedUntil: null } });
    expect(unprotected).toBeGreaterThan(10); // the nulls span a page boundary
    for (const dir of DIRS) {
      const rows: { protectedUntil: Date | null }[] = [];
      let after: string | undefined;
      do {
        const page = await listRegistrations(alice, {
          ...registrationListQuery.parse({ sort: "protectedUntil", dir, pageSize: 10 }),
          after,
        });
        rows.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after);
      const firstNull = rows.findIndex((r) => r.protectedUntil === null);
      expect(rows.slice(firstNull).every((r) => r.protectedUntil === null)).toBe(true);
      expect(rows.length - firstNull).toBe(unprotected);
      const times = rows.slice(0, firstNull).map((r) => r.protectedUntil!.getTime());
      expect(times).toEqual([...times].sort((a, b) => (dir === "asc" ? a - b : b - a)));
    }
  });

  for (const sort of opportunityListQuery.shape.sort.unwrap().options) {
    for (const dir of DIRS) {
      it(`a partner's opportunities by ${sort} ${dir}`, async () => {
        const alice = await ctxFor("alice@northwind.test");
        await expectCompleteWalk((at) =>
          listOpportunities(alice, { ...opportunityListQuery.parse({ sort, dir, pageSize: 60 }), ...at }),
        );
      });
    }
  }

  for (const sort of accountListQuery.shape.sort.unwrap().options) {
    for (const dir of DIRS) {
      it(`a partner's accounts by ${sort} ${dir}`, async () => {
        const alice = await ctxFor("alice@northwind.test");
        await expectCompleteWalk((at) =>
          listAccounts(alice, { ...accountListQuery.parse({ sort, dir, pageSize: 60 }), ...at }),
        );
      });
    }
  }

  for (const sort of partnerListQuery.shape.sort.unwrap().options) {
    for (const dir of DIRS) {
      // tier and type are enums: PostgreSQL orders them by declaration, SQLite by name
      it(`partners by ${sort} ${dir}`, async () => {
        const ops = await ctxFor("ops@accord.test");
        await expectCompleteWalk((at) =>
          listPartners(ops, { ...partnerListQuery.parse({ sort, dir, pageSize: 7 }), ...at }),
        );
      });
    }
  }

  for (const dir of DIRS) {
    it(`the audit log by time ${dir}`, async () => {
      const ops = await ctxFor("ops@accord.test");
      await expectCompleteWalk((at) =>
        listAuditEvents(ops, { ...auditEventListQuery.parse({ dir, pageSize: 5 }), ...at }),
      );
    });
  }
});

describe("a cursor is valid only for the caller, list, sort and direction it was minted for", () => {
  const first = (ctx: Ctx, q: object = {}) =>
    listRegistrations(ctx, registrationListQuery.parse({ pageSize: 10, ...q }));

  async function expectRefused(p: Promise<unknown>, field: "after" | "before") {
    const error = await errorOf(p);
    expect(error.code).toBe("VALIDATION");
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ [field]: [INVALID] });
  }

  it("another partner's registration id, passed raw as today's attack, is refused and shows no rows", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const contoso = await partnerIdOf("Contoso Partners");
    const theirs = await db.dealRegistration.findMany({ where: { partnerId: contoso }, select: { id: true }, take: 3 });
    for (const { id } of theirs) {
      await expectRefused(
        listRegistrations(alice, { ...registrationListQuery.parse({ sort: "estimatedAcvCents" }), after: id }),
        "after",
      );
      await expectRefused(
        listRegistrations(alice, { ...registrationListQuery.parse({ sort: "accountName" }), before: id }),
        "before",
      );
    }
    // and the schema every list shares refuses a bare id before the data layer sees it
    expect(registrationListQuery.safeParse({ after: theirs[0].id }).error?.issues[0].message).toBe(INVALID);
  });

  it("a cursor minted for another partner is refused", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const bob = await ctxFor("bob@contoso.test");
    const bobs = await first(bob);
    expect(bobs.nextCursor).not.toBeNull();
    await expectRefused(first(alice, { after: bobs.nextCursor }), "after");
    await expectRefused(first(alice, { before: bobs.nextCursor }), "before");
    // while bob's own cursor works for bob
    expect((await first(bob, { after: bobs.nextCursor })).items.length).toBeGreaterThan(0);
  });

  it("a cursor minted for one partner manager is refused for another staff caller", async () => {
    const pm = await ctxFor("pm@accord.test");
    const ops = await ctxFor("ops@accord.test");
    const cursor = (await first(pm)).nextCursor;
    expect(cursor).not.toBeNull();
    await expectRefused(first(ops, { after: cursor }), "after");
  });

  it("a cursor minted for another sort, direction or list is refused", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const cursor = (await first(alice, { sort: "estimatedAcvCents", dir: "desc" })).nextCursor!;
    await expectRefused(first(alice, { sort: "estimatedAcvCents", dir: "asc", after: cursor }), "after");
    await expectRefused(first(alice, { sort: "submittedAt", dir: "desc", after: cursor }), "after");
    await expectRefused(
      listOpportunities(alice, { ...opportunityListQuery.parse({ sort: "acvCents", dir: "desc" }), after: cursor }),
      "after",
    );
    expect((await first(alice, { sort: "estimatedAcvCents", dir: "desc", after: cursor })).items).toHaveLength(10);
  });

  it("a tampered cursor is refused", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const cursor = (await first(alice, { sort: "estimatedAcvCents" })).nextCursor!;
    const [payload, signature] = cursor.split(".");
    const position = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const contoso = await partnerIdOf("Contoso Partners");
    const theirs = await db.dealRegistration.findFirstOrThrow({
      where: { partnerId: contoso },
      select: { id: true, estimatedAcvCents: true },
    });
    const forged = Buffer.from(JSON.stringify(["b", theirs.estimatedAcvCents.toString(), theirs.id])).toString(
      "base64url",
    );
    await expectRefused(first(alice, { sort: "estimatedAcvCents", after: `${forged}.${signature}` }), "after");
    expect(position[2]).not.toBe(theirs.id);
    const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
    await expectRefused(first(alice, { sort: "estimatedAcvCents", after: `${payload}.${flipped}` }), "after");
    await expectRefused(first(alice, { sort: "estimatedAcvCents", after: `${payload}x.${signature}` }), "after");
  });
});

describe("GET /api/v1/registrations answers the same", () => {
  const keys = new Map<string, string>();
  async function call(email: string, query: Record<string, string>) {
    if (!keys.has(email))
      keys.set(email, (await createApiKey(await ctxFor(email), { name: "cursor tests", scope: "PARTNER" })).key);
    const req = new NextRequest(`http://localhost/api/v1/registrations?${new URLSearchParams(query)}`, {
      headers: { Authorization: `Bearer ${keys.get(email)}` },
    });
    const res = await GET(req, { params: Promise.resolve({}) });
    return { status: res.status, body: await res.json() };
  }
  const refused = { error: { code: "VALIDATION", message: "The request is not valid", fields: { after: [INVALID] } } };

  it("refuses a raw foreign id, another partner's cursor and a tampered cursor alike, with no rows", async () => {
    const contoso = await partnerIdOf("Contoso Partners");
    const theirs = await db.dealRegistration.findFirstOrThrow({ where: { partnerId: contoso }, select: { id: true } });
    const bobs = await call("bob@contoso.test", { pageSize: "5", sort: "estimatedAcvCents" });
    expect(bobs.status).toBe(200);
    const [payload, signature] = (bobs.body.nextCursor as string).split(".");
    const forged = Buffer.from(JSON.stringify(["b", "0", theirs.id])).toString("base64url");
    for (const after of [
      theirs.id,
      bobs.body.nextCursor,
      `${forged}.${signature}`,
      `${payload}.${signature.slice(1)}`,
    ]) {
      const res = await call("alice@northwind.test", { pageSize: "5", sort: "estimatedAcvCents", after });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(refused);
    }
  });

  it("pages through the caller's own rows with the cursors it hands out", async () => {
    const northwind = await partnerIdOf("Northwind Systems");
    const p1 = await call("alice@northwind.test", { pageSize: "5", sort: "accountName" });
    const p2 = await call("alice@northwind.test", { pageSize: "5", sort: "accountName", after: p1.body.nextCursor });
    expect(p2.status).toBe(200);
    expect(p2.body.data).toHaveLength(5);
    const ids = p2.body.data.map((r: Row) => r.id);
    expect(await db.dealRegistration.count({ where: { id: { in: ids }, partnerId: northwind } })).toBe(5);
    const back = await call("alice@northwind.test", { pageSize: "5", sort: "accountName", before: p2.body.prevCursor });
    expect(back.body.data.map((r: Row) => r.id)).toEqual(p1.body.data.map((r: Row) => r.id));
  });
});
