// The audit log as channel operations reads it: filters, entity names with links, the API
// (GET /api/v1/audit-events) and the CSV export with formula-leading cells neutralized.
import Papa from "papaparse";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/audit-events/route";
import { GET as exportRoute } from "@/app/api/v1/audit-events/export/route";
import type { Ctx } from "@/lib/auth/types";
import { createApiKey } from "@/lib/db/api-keys";
import { listAuditEvents, listAuditFacets } from "@/lib/db/audit-events";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/sql";
import { auditEventListQuery } from "@/lib/validation/lists";
import { ctxFor } from "../support/contexts";

let ops: Ctx;
let adminKey: string;
let partnerKey: string;
// the events this file writes, apart from the seed's (one entity id each, so filters can be exact)
const mark = newId();
let partner: { id: string; name: string };
let ruleSet: { id: string; version: number };
let registration: { id: string; accountName: string; partner: { name: string } };

async function event(data: {
  action: string;
  entityType: string;
  entityId: string;
  at: string;
  actorId?: string | null;
  actorLabel?: string;
  after?: object;
}) {
  await db.auditEvent.create({
    data: { id: newId(), actorLabel: "someone", ...data, at: new Date(data.at) },
  });
}

beforeAll(async () => {
  ops = await ctxFor("ops@accord.test");
  const pm = await ctxFor("pm@accord.test");
  adminKey = (await createApiKey(ops, { name: "audit tests", scope: "ADMIN" })).key;
  partnerKey = (await createApiKey(await ctxFor("alice@northwind.test"), { name: "audit tests" })).key;
  partner = await db.partner.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true, name: true } });
  ruleSet = await db.ruleSet.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true, version: true } });
  registration = await db.dealRegistration.findFirstOrThrow({
    select: { id: true, accountName: true, partner: { select: { name: true } } },
  });
  await event({
    action: "partner.update",
    entityType: "Partner",
    entityId: partner.id,
    at: "2031-01-10T09:00:00Z",
    actorId: ops.userId,
    actorLabel: `=HYPERLINK("http://evil.example") ${mark}`,
    after: { note: "@SUM(A1)" },
  });
  await event({
    action: "ruleset.publish",
    entityType: "RuleSet",
    entityId: ruleSet.id,
    at: "2031-01-11T23:59:59Z",
    actorId: pm.userId,
    actorLabel: `Pat Manager ${mark}`,
  });
  await event({
    action: "registration.approved", // a former code, read as registration.approve
    entityType: "DealRegistration",
    entityId: registration.id,
    at: "2031-01-12T00:00:00Z",
    actorLabel: `system ${mark}`,
  });
  await event({
    action: "ruleset.draft.delete",
    entityType: "RuleSet",
    entityId: "gone-draft",
    at: "2031-01-13T08:00:00Z",
    actorLabel: `+cmd ${mark}`,
  });
});

const q = (raw: Record<string, string>) => auditEventListQuery.parse({ q: mark, ...raw });
const actions = async (raw: Record<string, string>) => (await listAuditEvents(ops, q(raw))).items.map((e) => e.action);

describe("audit log filters", () => {
  it("match the actor label, newest first", async () => {
    expect(await actions({})).toEqual([
      "ruleset.draft.delete",
      "registration.approve",
      "ruleset.publish",
      "partner.update",
    ]);
  });

  it("filter by action (former codes included), entity type and acting user", async () => {
    expect(await actions({ action: "registration.approve" })).toEqual(["registration.approve"]);
    expect(await actions({ entityType: "RuleSet" })).toEqual(["ruleset.draft.delete", "ruleset.publish"]);
    expect(await actions({ actor: ops.userId! })).toEqual(["partner.update"]);
  });

  it("filter by day, both ends included (UTC days)", async () => {
    expect(await actions({ from: "2031-01-11", to: "2031-01-12" })).toEqual([
      "registration.approve",
      "ruleset.publish",
    ]);
    expect(await actions({ from: "2031-01-13" })).toEqual(["ruleset.draft.delete"]);
    expect(await actions({ to: "2031-01-10" })).toEqual(["partner.update"]);
  });

  it("refuse an end date before the start date with a field message", () => {
    const parsed = auditEventListQuery.safeParse({ from: "2031-01-12", to: "2031-01-11" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["to"], message: expect.stringMatching(/end date/) });
  });
});

describe("audit log entities", () => {
  it("are named, with a link to their page; a row that no longer exists shows no link", async () => {
    const page = await listAuditEvents(ops, q({}));
    const byAction = Object.fromEntries(page.items.map((e) => [e.action, e.entity]));
    expect(byAction["partner.update"]).toMatchObject({
      label: "Partner",
      name: partner.name,
      href: `/partners/${partner.id}`,
    });
    expect(byAction["ruleset.publish"]).toMatchObject({
      label: "Rule set",
      name: `Rule set v${ruleSet.version}`,
      href: `/rules/${ruleSet.id}`,
    });
    expect(byAction["registration.approve"]).toMatchObject({
      label: "Registration",
      name: `${registration.accountName} · ${registration.partner.name}`,
      href: `/registrations/${registration.id}`,
    });
    expect(byAction["ruleset.draft.delete"]).toMatchObject({ label: "Rule set", name: null, href: null });
  });

  it("name the rows a change points at by id (partner, AE, account), linked where they have a page", async () => {
    const deal = await db.opportunity.findFirstOrThrow({
      where: { aeId: { not: null } },
      select: {
        id: true,
        accountId: true,
        account: { select: { name: true } },
        ae: { select: { id: true, name: true } },
      },
    });
    await event({
      action: "opportunity.update",
      entityType: "Opportunity",
      entityId: deal.id,
      at: "2031-02-01T09:00:00Z",
      after: { partnerId: partner.id, aeId: deal.ae!.id, accountId: deal.accountId, acvCents: 15_000_000 },
    });
    const [row] = (await listAuditEvents(ops, q({ q: deal.id, action: "opportunity.update" }))).items;
    expect(row.mentions).toMatchObject({
      [`Partner|${partner.id}`]: { name: partner.name, href: `/partners/${partner.id}` },
      [`User|${deal.ae!.id}`]: { name: deal.ae!.name, href: null },
      [`Account|${deal.accountId}`]: { name: deal.account.name, href: `/accounts/${deal.accountId}` },
    });
  });

  it("name the seeded conflict decisions and list people and entity types for the pickers", async () => {
    const page = await listAuditEvents(ops, auditEventListQuery.parse({ action: "conflict.resolve", pageSize: 5 }));
    expect(page.items.length).toBeGreaterThan(0);
    for (const e of page.items) {
      expect(e.entity.label).toBe("Conflict");
      expect(e.entity.name).toMatch(
        /^(Duplicate registration|Direct vs partner|Named account|Pricing undercut|Attribution dispute)/,
      );
      expect(e.entity.href).toBe(`/conflicts/${e.entityId}`);
    }
    const facets = await listAuditFacets(ops);
    expect(facets.entityTypes).toContainEqual({ value: "DealRegistration", label: "Registration" });
    expect(facets.actors.map((a) => a.value)).toEqual(expect.arrayContaining([ops.userId]));
    expect(facets.actors.every((a) => !a.label.includes(mark))).toBe(true); // current names, not labels
  });

  it("are out of reach for every role but channel operations", async () => {
    for (const email of ["pm@accord.test", "vp.sales@accord.test", "ae@accord.test", "alice@northwind.test"]) {
      const ctx = await ctxFor(email);
      await expect(listAuditEvents(ctx, q({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listAuditFacets(ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

async function get(route: typeof listRoute, path: string, key: string) {
  const req = new NextRequest(`http://localhost${path}`, { headers: { Authorization: `Bearer ${key}` } });
  return route(req, { params: Promise.resolve({}) });
}

describe("GET /api/v1/audit-events", () => {
  it("pages the filtered log with names, following nextCursor", async () => {
    const res = await get(listRoute, `/api/v1/audit-events?q=${mark}&pageSize=3`, adminKey);
    expect(res.status).toBe(200);
    const first = await res.json();
    expect(first.total).toBe(4);
    expect(first.data.map((e: { action: string }) => e.action)).toEqual([
      "ruleset.draft.delete",
      "registration.approve",
      "ruleset.publish",
    ]);
    expect(first.data[2]).toMatchObject({
      actor: { label: `Pat Manager ${mark}` },
      entity: { type: "RuleSet", id: ruleSet.id, name: `Rule set v${ruleSet.version}`, href: `/rules/${ruleSet.id}` },
    });
    const next = await (
      await get(listRoute, `/api/v1/audit-events?q=${mark}&pageSize=3&after=${first.nextCursor}`, adminKey)
    ).json();
    expect(next.data.map((e: { action: string }) => e.action)).toEqual(["partner.update"]);
    expect(next.nextCursor).toBeNull();
  });

  it("is 403 for a partner key, 400 with field messages for bad filters", async () => {
    const denied = await get(listRoute, "/api/v1/audit-events", partnerKey);
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe("FORBIDDEN");
    const bad = await get(listRoute, "/api/v1/audit-events?from=2031-13-45&to=x", adminKey);
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["from", "to"]);
  });
});

describe("GET /api/v1/audit-events/export", () => {
  it("streams the filtered log as CSV with formula-leading cells neutralized", async () => {
    const res = await get(exportRoute, `/api/v1/audit-events/export?q=${mark}`, adminKey);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = Papa.parse<Record<string, string>>((await res.text()).trimEnd(), { header: true }).data;
    expect(rows.map((r) => r.action)).toEqual([
      "ruleset.draft.delete",
      "registration.approve",
      "ruleset.publish",
      "partner.update",
    ]);
    const edited = rows.find((r) => r.action === "partner.update")!;
    expect(edited).toMatchObject({
      at: "2031-01-10T09:00:00.000Z",
      actor: `'=HYPERLINK("http://evil.example") ${mark}`,
      entity_type: "Partner",
      entity_name: partner.name,
      entity_id: partner.id,
      after: '{"note":"@SUM(A1)"}',
    });
    expect(rows[0]).toMatchObject({ actor: `'+cmd ${mark}`, entity_name: "", entity_id: "gone-draft" });
  });

  it("neutralizes a formula in an entity's name too", async () => {
    await db.partner.update({ where: { id: partner.id }, data: { name: "@SUM(A1:A9)" } });
    const res = await get(exportRoute, `/api/v1/audit-events/export?q=${mark}&entityType=Partner`, adminKey);
    const rows = Papa.parse<Record<string, string>>((await res.text()).trimEnd(), { header: true }).data;
    expect(rows.map((r) => r.entity_name)).toEqual(["'@SUM(A1:A9)"]);
    await db.partner.update({ where: { id: partner.id }, data: { name: partner.name } });
  });

  it("writes the header alone when nothing matches, and walks past one batch in order", async () => {
    const none = await get(exportRoute, `/api/v1/audit-events/export?q=${mark}&from=2040-01-01`, adminKey);
    expect((await none.text()).trimEnd()).toBe("at,actor,action,entity_type,entity_name,entity_id,before,after");
    // more events than one batch (500), several sharing a timestamp: none lost, none repeated
    const bulk = newId();
    const start = Date.UTC(2032, 0, 1);
    await db.auditEvent.createMany({
      data: Array.from({ length: 1_203 }, (_, i) => ({
        id: newId(),
        actorLabel: `bulk ${bulk}`,
        action: "outbox.retry",
        entityType: "outbox",
        entityId: `m${i}`,
        at: new Date(start + Math.floor(i / 3) * 1000),
      })),
    });
    const all = await get(exportRoute, `/api/v1/audit-events/export?q=${bulk}&dir=asc`, adminKey);
    const rows = Papa.parse<Record<string, string>>((await all.text()).trimEnd(), { header: true }).data;
    expect(rows.length).toBe(1_203);
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(1_203);
    const times = rows.map((r) => r.at);
    expect(times).toEqual([...times].sort());
    expect(times[0]).toBe("2032-01-01T00:00:00.000Z");
  });

  it("is 403 for a partner key", async () => {
    const res = await get(exportRoute, "/api/v1/audit-events/export", partnerKey);
    expect(res.status).toBe(403);
  });
});
