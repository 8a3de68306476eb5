// The conflicts list, its counts and the case page's read model (lib/db/conflicts.ts,
// lib/db/conflict-detail.ts): a dashboard count equals the length of the list it links to, each
// role lands on its own slice, and a partner reads its cases without another partner's name,
// comment or count; a case it is not party to answers exactly like a missing one.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { conflictPreview, conflictTile, countConflicts, listCasesOn, listConflicts } from "@/lib/db/conflicts";
import { findConflict, getConflict } from "@/lib/db/conflict-detail";
import { submitRegistration } from "@/lib/db/registration-submit";
import type { Ctx } from "@/lib/auth/types";
import { conflictListQuery, type ConflictListQuery } from "@/lib/validation/conflict-filters";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";

const NOW = new Date();

/** Every row of the list, walking its cursors. */
async function walk(ctx: Ctx, q: ConflictListQuery) {
  const rows: Awaited<ReturnType<typeof listConflicts>>["items"] = [];
  let after: string | undefined;
  let total = -1;
  for (let i = 0; i < 50; i++) {
    const page = await listConflicts(ctx, { ...q, pageSize: 100, after }, NOW);
    total = page.total;
    rows.push(...page.items);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return { rows, total };
}

async function duplicateCase() {
  const stamp = `${Date.now()}${Math.round(Math.random() * 1e6)}`;
  const deal = {
    account: {
      name: `Overlap Read ${stamp} Inc`,
      domain: `overlap-${stamp}.example`,
      country: "US",
      vertical: "RETAIL" as const,
    },
    productLine: "Platform",
    estimatedAcv: 12_000_000,
    expectedCloseDate: "2027-06-30",
  };
  const first = await submitRegistration(await ctxFor("alice@northwind.test"), deal);
  const second = await submitRegistration(await ctxFor("bob@contoso.test"), deal);
  const link = await db.conflictRegistration.findFirstOrThrow({
    where: { registrationId: second.id, conflict: { type: "DUPLICATE_REGISTRATION" } },
    select: { conflictId: true },
  });
  return { conflictId: link.conflictId, first: first.id, second: second.id, company: deal.account.name };
}

describe("conflicts list and counts", () => {
  const FILTER_SETS: Record<string, string>[] = [
    {},
    { slice: "all" },
    { slice: "all", status: "RESOLVED" },
    { slice: "all", status: "ALL", sort: "openedAt" },
    { slice: "all", type: "DUPLICATE_REGISTRATION" },
    { slice: "all", type: "DIRECT_VS_PARTNER", region: "NA" },
    { slice: "all", level: "2" },
    { slice: "all", overdue: "true" },
    { slice: "all", status: "ALL", openedFrom: "2026-01-01", openedTo: "2026-12-31" },
  ];

  it.each(["ops@accord.test", "pm@accord.test", "vp.sales@accord.test", "ae@accord.test", "alice@northwind.test"])(
    "for %s, every count equals the length of the list with the same filters",
    async (email) => {
      const ctx = await ctxFor(email);
      for (const raw of FILTER_SETS) {
        const q = conflictListQuery.parse(raw);
        const [count, list] = await Promise.all([countConflicts(ctx, q, NOW), walk(ctx, q)]);
        expect({ raw, count }).toEqual({ raw, count: list.rows.length });
        expect(list.total).toBe(count);
        // what the filters say holds for every row
        for (const r of list.rows) {
          if (q.type) expect(r.type).toBe(q.type);
          if (q.level) expect(r.level).toBe(q.level);
          if (q.status !== "ALL") expect(r.status).toBe(q.status);
          if (q.overdue) expect(r.slaDueAt.getTime()).toBeLessThan(NOW.getTime());
          if (q.region) expect(r.account?.region.code).toBe(q.region);
        }
      }
    },
  );

  it("finds cases by partner and AE for staff, and ignores those filters for a partner", async () => {
    const { conflictId } = await duplicateCase();
    const ops = await ctxFor("ops@accord.test");
    const contoso = await db.partner.findFirstOrThrow({ where: { name: "Contoso Partners" }, select: { id: true } });
    const byPartner = await walk(ops, conflictListQuery.parse({ slice: "all", partnerId: contoso.id }));
    expect(byPartner.rows.map((r) => r.id)).toContain(conflictId);
    expect(byPartner.rows.every((r) => r.parties.some((p) => p.partnerId === contoso.id))).toBe(true);

    const alice = await ctxFor("alice@northwind.test");
    const mine = await countConflicts(alice, conflictListQuery.parse({}), NOW);
    const probing = await countConflicts(alice, conflictListQuery.parse({ partnerId: contoso.id }), NOW);
    expect(probing).toBe(mine); // a partner cannot learn which cases another partner is party to

    const ae = await db.user.findFirstOrThrow({ where: { email: "ae@accord.test" }, select: { id: true } });
    const byAe = await walk(ops, conflictListQuery.parse({ slice: "all", status: "ALL", aeId: ae.id }));
    expect(byAe.rows.length).toBeGreaterThan(0);
  });

  it("a dashboard number links to a /conflicts view that lists exactly that many cases", async () => {
    const tiles: [string, Record<string, string>][] = [
      ["ops@accord.test", { slice: "all" }],
      ["ops@accord.test", { slice: "all", type: "DUPLICATE_REGISTRATION" }],
      ["vp.sales@accord.test", { slice: "all", level: "2" }],
      ["pm@accord.test", { level: "1" }],
      ["ae@accord.test", {}],
    ];
    for (const [email, params] of tiles) {
      const ctx = await ctxFor(email);
      const tile = await conflictTile(ctx, params, NOW);
      const url = new URL(tile.href, "http://x");
      expect(url.pathname).toBe("/conflicts");
      const list = await walk(ctx, conflictListQuery.parse(Object.fromEntries(url.searchParams)));
      expect({ email, params, count: tile.count }).toEqual({ email, params, count: list.rows.length });
      const preview = await conflictPreview(ctx, params, 3, NOW);
      expect(preview.count).toBe(tile.count);
      expect(preview.rows.map((r) => r.id)).toEqual(list.rows.slice(0, 3).map((r) => r.id));
    }
  });

  it("lands each role on its own slice", async () => {
    const vp = await walk(await ctxFor("vp.sales@accord.test"), conflictListQuery.parse({}));
    expect(vp.rows.length).toBeGreaterThan(0);
    expect(vp.rows.every((r) => r.level === 2 && r.status === "OPEN")).toBe(true);
    const cro = await walk(await ctxFor("cro@accord.test"), conflictListQuery.parse({}));
    expect(cro.rows.length).toBeGreaterThan(0);
    expect(cro.rows.every((r) => r.level === 3)).toBe(true);

    const pm = await ctxFor("pm@accord.test");
    const managed = new Set(
      (await db.partner.findMany({ where: { managerId: pm.userId! }, select: { id: true } })).map((p) => p.id),
    );
    const pmRows = await walk(pm, conflictListQuery.parse({}));
    expect(pmRows.rows.length).toBeGreaterThan(0);
    for (const r of pmRows.rows) expect(r.parties.some((p) => p.partnerId && managed.has(p.partnerId))).toBe(true);

    // channel operations' slice is every open case
    const ops = await ctxFor("ops@accord.test");
    expect(await countConflicts(ops, conflictListQuery.parse({}), NOW)).toBe(
      await db.conflict.count({ where: { status: "OPEN" } }),
    );
  });

  it("pages with signed cursors that another caller cannot use", async () => {
    const ops = await ctxFor("ops@accord.test");
    const q = conflictListQuery.parse({ slice: "all", status: "ALL", pageSize: "5" });
    const first = await listConflicts(ops, q, NOW);
    expect(first.nextCursor).not.toBeNull();
    const second = await listConflicts(ops, { ...q, after: first.nextCursor! }, NOW);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const stolen = await errorOf(
      listConflicts(await ctxFor("pm@accord.test"), { ...q, after: first.nextCursor! }, NOW),
    );
    expect(stolen.code).toBe("VALIDATION");
  });
});

describe("a conflict case", () => {
  it("shows staff every party, registration, trace and who claimed first", async () => {
    const { conflictId, first, second } = await duplicateCase();
    const c = await getConflict(await ctxFor("pm@accord.test"), conflictId);
    expect(c.staffView).toBe(true);
    expect(c.parties.map((p) => p.label).sort()).toEqual(["Contoso Partners", "Northwind Systems"]);
    expect(c.registrations.map((r) => r.id)).toEqual([first, second]);
    expect(c.registrations[0].partner?.name).toBe("Northwind Systems");
    expect(c.registrations[0].events.length).toBeGreaterThan(0);
    expect(c.registrations[0].routeDecision?.trace.length).toBeGreaterThan(0);
    expect(c.firstClaim).toMatchObject({ label: "Northwind Systems" });
    expect(c.events[0]).toMatchObject({ kind: "OPENED" });
  });

  it("shows a partner itself, 'another partner' and nothing that names the other side", async () => {
    const { conflictId, first, second, company } = await duplicateCase();
    const bob = await ctxFor("bob@contoso.test");
    const c = await getConflict(bob, conflictId);
    expect(c.staffView).toBe(false);
    expect(c.subject).toBe(company); // a new company has no account yet: named as the partner's own registration names it
    expect(c.parties.map((p) => [p.label, p.self])).toEqual([
      ["Contoso Partners", true],
      ["Another partner", false],
    ]);
    expect(c.registrations.map((r) => r.id)).toEqual([second]);
    expect(c.firstClaim).toMatchObject({ label: "Another partner", self: false });
    const text = JSON.stringify(c, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain("Northwind");
    expect(text).not.toContain("Alice");
    expect(text).not.toContain(first);
    const list = await walk(bob, conflictListQuery.parse({}));
    const row = list.rows.find((r) => r.id === conflictId);
    expect(row?.parties.map((p) => p.label)).toEqual(["Contoso Partners", "Another partner"]);
    expect(JSON.stringify(row)).not.toContain("Northwind");
  });

  it("answers a partner that is not party to the case exactly like a missing id", async () => {
    const { conflictId } = await duplicateCase();
    const outsider = await db.user.findFirstOrThrow({
      where: { role: "PARTNER", partner: { name: { notIn: ["Northwind Systems", "Contoso Partners"] } } },
      select: { email: true },
    });
    const ctx = await ctxFor(outsider.email);
    const foreign = await errorOf(getConflict(ctx, conflictId));
    const missing = await errorOf(getConflict(ctx, "c_does_not_exist"));
    expect(foreign.code).toBe("NOT_FOUND");
    expect({ code: foreign.code, message: foreign.message }).toEqual({ code: missing.code, message: missing.message });
    expect(await findConflict(ctx, conflictId)).toBeNull();
    // the registration page's links: the parties see the case, an outsider nothing
    const bob = await ctxFor("bob@contoso.test");
    const { second } = await duplicateCase();
    expect((await listCasesOn(bob, { registrationId: second })).map((c) => c.type)).toContain("DUPLICATE_REGISTRATION");
    expect(await listCasesOn(ctx, { registrationId: second })).toEqual([]);
    const list = await walk(ctx, conflictListQuery.parse({ status: "ALL" }));
    expect(list.rows.map((r) => r.id)).not.toContain(conflictId);
  });
});
