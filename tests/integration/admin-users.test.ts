// User administration on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): creating a
// user with a one-time set-password link, role changes and disabling audited with before/after and
// effective on the user's next request, and the last active admin guarded even against two
// concurrent demotions.
import { createHash } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { createUser, listUsers, updateUser } from "@/lib/db/admin-users";
import { db } from "@/lib/db/client";
import { findPasswordToken, consumePasswordToken } from "@/lib/db/password-tokens";
import { loadSessionContext } from "@/lib/db/users";
import { createUserInput, updateUserInput, userListQuery } from "@/lib/validation/admin-users";
import { ctxFor, partnerIdOf } from "../support/contexts";
import { errorOf } from "../support/errors";

const PASSWORD = "a long enough password";

describe("creating a user", () => {
  it("writes the user, an audit event and an e-mailed one-time link whose token is stored only as a hash", async () => {
    const ops = await ctxFor("ops@accord.test");
    const partnerId = await partnerIdOf("Northwind Systems");
    const input = createUserInput.parse({
      name: "Nina New",
      email: "Nina.New@northwind.test",
      role: "PARTNER",
      partnerId,
    });
    const created = await createUser(ops, input);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user).toMatchObject({ email: "nina.new@northwind.test", role: "PARTNER", partnerId, active: true });
    const stored = await db.passwordToken.findFirstOrThrow({ where: { userId: created.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(created.token.token).digest("hex"));
    expect(stored.tokenHash).not.toContain(created.token.token);
    const hours = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(72);
    const mail = await db.outbox.findFirstOrThrow({ where: { recipientUserId: created.id, kind: "user.invite" } });
    expect(mail.body).toContain(encodeURIComponent(created.token.token));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: created.id } });
    expect(event.actorId).toBe(ops.userId);

    // the link sets the password once
    expect(await findPasswordToken(created.token.token)).toMatchObject({ email: "nina.new@northwind.test" });
    await consumePasswordToken(created.token.token, PASSWORD);
    const after = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(await verify(after.passwordHash, PASSWORD)).toBe(true);
    expect(await findPasswordToken(created.token.token)).toBeNull();
    const again = await errorOf(consumePasswordToken(created.token.token, "another long password"));
    expect(again.code).toBe("UNPROCESSABLE");
    expect(await verify((await db.user.findUniqueOrThrow({ where: { id: created.id } })).passwordHash, PASSWORD)).toBe(
      true,
    );
    // the new partner user sees its own partner only
    expect(await loadSessionContext(created.id)).toMatchObject({ role: "PARTNER", partnerId });
  });

  it("refuses an expired link and an unknown one", async () => {
    const ops = await ctxFor("ops@accord.test");
    const created = await createUser(
      ops,
      createUserInput.parse({ name: "Ed Expired", email: "ed@accord.test", role: "AE" }),
    );
    const later = new Date(Date.now() + 73 * 3_600_000);
    expect(await findPasswordToken(created.token.token, later)).toBeNull();
    expect((await errorOf(consumePasswordToken(created.token.token, PASSWORD, later))).code).toBe("UNPROCESSABLE");
    expect((await errorOf(consumePasswordToken("x".repeat(43), PASSWORD))).code).toBe("UNPROCESSABLE");
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).passwordHash).toBe("");
  });

  it("answers 409 with a field message for a taken e-mail, and refuses a partner user without a partner", async () => {
    const ops = await ctxFor("ops@accord.test");
    const taken = await errorOf(
      createUser(ops, createUserInput.parse({ name: "Dup", email: "AE@accord.test", role: "AE" })),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.fields?.email?.[0]).toMatch(/exists already/);
    const parsed = createUserInput.safeParse({ name: "No Partner", email: "np@accord.test", role: "PARTNER" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["partnerId"]);
    const staffWithPartner = createUserInput.safeParse({
      name: "Staff",
      email: "s@accord.test",
      role: "AE",
      partnerId: await partnerIdOf("Northwind Systems"),
    });
    expect(staffWithPartner.success).toBe(false);
  });

  it("is channel operations' alone", async () => {
    for (const email of ["pm@accord.test", "ae@accord.test", "ceo@accord.test", "alice@northwind.test"]) {
      const ctx = await ctxFor(email);
      const input = createUserInput.parse({ name: "X Y", email: `x-${email}`, role: "AE" });
      expect((await errorOf(createUser(ctx, input))).code).toBe("FORBIDDEN");
      expect((await errorOf(listUsers(ctx, userListQuery.parse({})))).code).toBe("FORBIDDEN");
    }
  });
});

describe("changing a user", () => {
  it("a demotion is audited with before and after and applies on the user's next request", async () => {
    const ops = await ctxFor("ops@accord.test");
    const ae = await db.user.findUniqueOrThrow({ where: { email: "maya.chen@accord.test" } });
    expect((await loadSessionContext(ae.id))?.role).toBe("AE");
    await updateUser(ops, updateUserInput.parse({ id: ae.id, role: "PARTNER_MANAGER", active: true }));
    expect((await loadSessionContext(ae.id))?.role).toBe("PARTNER_MANAGER");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: ae.id } });
    expect(event.before).toMatchObject({ role: "AE", active: true });
    expect(event.after).toMatchObject({ role: "PARTNER_MANAGER", active: true });

    await updateUser(ops, updateUserInput.parse({ id: ae.id, role: "PARTNER_MANAGER", active: "false" }));
    expect(await loadSessionContext(ae.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.disable", entityId: ae.id } })).toBe(1);
    await updateUser(ops, updateUserInput.parse({ id: ae.id, role: "AE", active: "true" }));
    expect((await loadSessionContext(ae.id))?.role).toBe("AE");
  });

  it("a save that changes nothing writes nothing and no audit event", async () => {
    const ops = await ctxFor("ops@accord.test");
    const user = await db.user.findUniqueOrThrow({ where: { email: "daniel.ortiz@accord.test" } });
    const events = await db.auditEvent.count({ where: { entityId: user.id } });
    const same = updateUserInput.parse({ id: user.id, role: user.role, title: user.title ?? "", active: true });
    expect(await updateUser(ops, same)).toEqual({ id: user.id, changed: false });
    expect(await db.auditEvent.count({ where: { entityId: user.id } })).toBe(events);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).updatedAt).toEqual(user.updatedAt);
  });

  it("an unknown id is a 404", async () => {
    const ops = await ctxFor("ops@accord.test");
    const error = await errorOf(updateUser(ops, updateUserInput.parse({ id: "nope", role: "AE", active: true })));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("nobody disables or demotes the last active admin, even with two demotions at once", async () => {
    const ops = await ctxFor("ops@accord.test");
    const alone = await db.user.count({ where: { role: "ADMIN", active: true } });
    expect(alone).toBe(1);
    const self = await errorOf(
      updateUser(ops, updateUserInput.parse({ id: ops.userId, role: "ADMIN", active: false })),
    );
    expect(self.code).toBe("UNPROCESSABLE");
    expect(self.userMessage).toMatch(/last active/);

    // a second admin: now two, and both demoted at the same moment
    const second = await createUser(
      ops,
      createUserInput.parse({ name: "Second Admin", email: "ops2@accord.test", role: "ADMIN" }),
    );
    const results = await Promise.allSettled([
      updateUser(ops, updateUserInput.parse({ id: ops.userId, role: "AE", active: true })),
      updateUser(ops, updateUserInput.parse({ id: second.id, role: "AE", active: true })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("UNPROCESSABLE");
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: "user.update", entityId: { in: [ops.userId!, second.id] } } }),
    ).toBe(1);
  });
});
