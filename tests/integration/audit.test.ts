// Audit events are written in the caller's transaction and can never be changed or removed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/db/audit";
import { listAuditEvents, listAuditFacets } from "@/lib/db/audit-events";
import { newId } from "@/lib/db/sql";
import { auditEventListQuery } from "@/lib/validation/lists";
import { ctxFor } from "../support/contexts";

describe("audit events", () => {
  it("commit with the change they describe", async () => {
    const ops = await ctxFor("ops@accord.test");
    const before = await db.auditEvent.count();
    await db.$transaction(async (tx) => {
      await tx.appSetting.upsert({
        where: { key: "audit-test" },
        create: { key: "audit-test", value: 1 },
        update: { value: 1 },
      });
      await audit(tx, ops, {
        action: "partner.update",
        entityType: "AppSetting",
        entityId: "audit-test",
        before: null,
        after: { value: 1n },
      });
    });
    expect(await db.auditEvent.count()).toBe(before + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: "audit-test" } });
    expect(event).toMatchObject({ action: "partner.update", actorId: ops.userId, after: { value: 1 } });
    expect(event.actorLabel).toContain("ops@accord.test");
  });

  it("roll back with the change they describe", async () => {
    const ops = await ctxFor("ops@accord.test");
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await audit(tx, ops, { action: "outbox.retry", entityType: "X", entityId: "rollback" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("are refused UPDATE and DELETE by the database itself", async () => {
    const ops = await ctxFor("ops@accord.test");
    const event = await db.$transaction((tx) =>
      audit(tx, ops, { action: "outbox.retry", entityType: "X", entityId: "immutable" }),
    );
    const count = await db.auditEvent.count();
    // (SQLite's trigger error reaches Prisma as a generic constraint error, PostgreSQL's keeps its text)
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow();
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("outbox.retry");
    expect(await db.auditEvent.count()).toBe(count);
    expect(await db.auditEvent.count({ where: { action: "tampered" } })).toBe(0);
  });

  it("written with a former past-tense code read as the present-tense one, and are found by it", async () => {
    const ops = await ctxFor("ops@accord.test");
    const entityId = newId();
    // a row as the lifecycle wrote it before the codes were unified (lib/audit/actions.ts)
    await db.auditEvent.create({
      data: {
        id: newId(),
        actorLabel: "before the rename",
        action: "registration.approved",
        entityType: "DealRegistration",
        entityId,
      },
    });
    const page = await listAuditEvents(ops, auditEventListQuery.parse({ action: "registration.approve", q: entityId }));
    expect(page.items.map((r) => [r.entityId, r.action])).toEqual([[entityId, "registration.approve"]]);
    const { actions } = await listAuditFacets(ops);
    expect(actions).toContain("registration.approve");
    expect(actions).not.toContain("registration.approved");
  });
});
