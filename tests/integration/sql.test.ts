// The plain-SQL driver (lib/db/sql.ts) on the app's connection: rows it writes read back through
// Prisma exactly as Prisma's own, its transactions roll back whole, and on SQLite no query or
// transaction ever runs inside someone else's open transaction.
import { describe, expect, it } from "vitest";
import { db, provider, sql } from "@/lib/db/client";
import { audit } from "@/lib/db/audit";
import { getSetting } from "@/lib/db/settings";
import { asJson, json, newId } from "@/lib/db/sql";
import { SETTING_KEYS } from "@/lib/settings";
import { ctxFor } from "../support/contexts";

describe("plain SQL on the app's connection", () => {
  it("writes dates, JSON, booleans, big integers and nulls that Prisma reads back unchanged", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const ruleSet = await db.ruleSet.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      select: { id: true, version: true },
    });
    const id = newId();
    await sql.transaction((s) =>
      s.insert("RouteDecision", {
        id,
        subjectType: "OPPORTUNITY",
        subjectId: "sql-test",
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        ruleId: null,
        route: "CO_SELL",
        protectionDays: undefined, // left to the column: NULL
        facts: json({ acv: 25_000_000, nested: { list: [1, "two", null] } }),
        trace: json([]),
        flaggedForReview: true,
        decidedAt: at,
      }),
    );
    const row = await db.routeDecision.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      route: "CO_SELL",
      ruleId: null,
      protectionDays: null,
      flaggedForReview: true,
      facts: { acv: 25_000_000, nested: { list: [1, "two", null] } },
      trace: [],
    });
    expect(row.decidedAt.toISOString()).toBe(at.toISOString());
    // and the same row through the driver compares equal on dates written by either side
    const later = await sql.session((s) =>
      s.get<{ n: number }>(`SELECT count(*) AS "n" FROM "RouteDecision" WHERE "id" = ? AND "decidedAt" = ?`, [id, at]),
    );
    expect(Number(later?.n)).toBe(1);
  });

  it("writes and reads JSON strings, numbers and null as JSON, the same as Prisma", async () => {
    const ops = await ctxFor("ops@accord.test");
    const event = await sql.transaction((s) =>
      audit(s, ops, { action: "outbox.retry", entityType: "X", entityId: "sql-json", before: "DRAFT", after: 3 }),
    );
    expect(
      await db.auditEvent.findUniqueOrThrow({ where: { id: event.id }, select: { before: true, after: true } }),
    ).toEqual({ before: "DRAFT", after: 3 });
    const back = await sql.session((s) =>
      s.get<{ before: unknown; after: unknown }>(`SELECT "before", "after" FROM "AuditEvent" WHERE "id" = ?`, [
        event.id,
      ]),
    );
    expect([asJson(back?.before), asJson(back?.after)]).toEqual(["DRAFT", 3]);
    // Regression: the mark was a class, and Next.js loads this module once per server bundle while
    // the driver lives on globalThis, so json() from another copy failed instanceof. A mark made
    // independently of this module's copy is accepted.
    const foreign = { [Symbol.for("accord.sql.json")]: true, value: { a: 1 } };
    expect(await sql.session((s) => s.get<{ x: string }>(`SELECT ? AS "x"`, [foreign]))).toEqual({ x: '{"a":1}' });
    // an object bound without json() is a programming error, not a silent "[object Object]"
    await expect(sql.session((s) => s.get(`SELECT ? AS "x"`, [{ a: 1 }]))).rejects.toThrow(/json\(\)/);
  });

  it("binds placeholders only outside string literals and quoted identifiers", async () => {
    // Regression: on PostgreSQL the ? inside the literals were numbered too ($1, $2), so the value
    // went to the wrong parameter and the statement failed.
    const row = await sql.session((s) =>
      s.get<{ "why?": string; x: string; y: string }>(`SELECT 'Why?' AS "why?", ? AS "x", 'it''s ?' || ? AS "y"`, [
        "a",
        "b",
      ]),
    );
    expect(row).toEqual({ "why?": "Why?", x: "a", y: "it's ?b" });
  });

  it("updates the rows that match every given column, and refuses an update without a match", async () => {
    const ruleSet = await db.ruleSet.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      select: { id: true, version: true },
    });
    const ids = [newId(), newId()];
    const at = new Date("2026-03-04T05:06:07.089Z");
    const row = {
      subjectType: "OPPORTUNITY",
      subjectId: "sql-update",
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      route: "DIRECT",
      facts: json({}),
      trace: json([]),
      flaggedForReview: false,
      decidedAt: at,
    } as const;
    await sql.transaction(async (s) => {
      for (const id of ids) await s.insert("RouteDecision", { id, ...row });
    });
    const later = new Date("2026-05-06T07:08:09.010Z");
    expect(
      await sql.transaction((s) =>
        s.update(
          "RouteDecision",
          { flaggedForReview: true, protectionDays: 30, decidedAt: later },
          { id: ids[0], subjectId: "sql-update" },
        ),
      ),
    ).toBe(1);
    expect(
      await sql.transaction((s) =>
        s.update("RouteDecision", { flaggedForReview: true }, { id: ids[1], subjectId: "another subject" }),
      ),
    ).toBe(0);
    const rows = await db.routeDecision.findMany({
      where: { id: { in: ids } },
      select: { id: true, flaggedForReview: true, protectionDays: true, decidedAt: true },
    });
    expect(rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))).toEqual([
      { id: ids[0], flaggedForReview: true, protectionDays: 30, decidedAt: later },
      { id: ids[1], flaggedForReview: false, protectionDays: null, decidedAt: at },
    ]);
    await expect(sql.transaction((s) => s.update("RouteDecision", { flaggedForReview: true }, {}))).rejects.toThrow(
      /one column to set and one to match/,
    );
    expect(await db.routeDecision.count({ where: { subjectId: "sql-update", flaggedForReview: true } })).toBe(1);
  });

  it("rolls a failed transaction back whole, audit event included", async () => {
    const ops = await ctxFor("ops@accord.test");
    const before = await db.auditEvent.count();
    await expect(
      sql.transaction(async (s) => {
        await audit(s, ops, { action: "outbox.retry", entityType: "X", entityId: "sql-rollback", after: { n: 1n } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count()).toBe(before);
    const kept = await sql.transaction((s) =>
      audit(s, ops, { action: "outbox.retry", entityType: "X", entityId: "sql-commit", after: { n: 1n } }),
    );
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
      entityId: "sql-commit",
      after: { n: 1 },
      actorId: ops.userId,
    });
  });

  it("reads settings the same way as Prisma, defaults included", async () => {
    const key = SETTING_KEYS.registrationSlaBusinessDays;
    expect(await sql.session((s) => getSetting<number>(key, s))).toBe(await getSetting<number>(key, db));
    await db.appSetting.upsert({ where: { key }, create: { key, value: 7 }, update: { value: 7 } });
    expect(await sql.session((s) => getSetting<number>(key, s))).toBe(7);
    expect(await getSetting<number>(key, db)).toBe(7);
  });

  it("never lets another query see or join an open transaction", async () => {
    const ops = await ctxFor("ops@accord.test");
    const before = await db.auditEvent.count();
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const open = db.$transaction(
      async (tx) => {
        await audit(tx, ops, { action: "outbox.retry", entityType: "X", entityId: "held-open" });
        inserted();
        await held;
      },
      { timeout: 20_000 },
    );
    await insertedYet;
    // While the transaction is open, neither a Prisma read nor a plain-SQL read may see its row.
    // (On SQLite both share the connection: without the lock they would read the uncommitted row.)
    const countSql = `SELECT count(*) AS "n" FROM "AuditEvent"`;
    const prismaRead = db.auditEvent.count();
    const sqlRead = sql.session((s) => s.get<{ n: number }>(countSql)).then((r) => Number(r?.n));
    const pending = new Promise<"waiting">((r) => setTimeout(() => r("waiting"), 300));
    const seen = await Promise.all([Promise.race([prismaRead, pending]), Promise.race([sqlRead, pending])]);
    if (provider === "sqlite")
      expect(seen).toEqual(["waiting", "waiting"]); // they queue behind the transaction
    else expect(seen).toEqual([before, before]); // PostgreSQL: read committed
    commit();
    await open;
    const [afterPrisma, afterSql] = await Promise.all([prismaRead, sqlRead]);
    if (provider === "sqlite") expect([afterPrisma, afterSql]).toEqual([before + 1, before + 1]);
    expect(await db.auditEvent.count()).toBe(before + 1);
  });
});
