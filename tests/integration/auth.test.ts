// The context is re-read from the user row on every request: a disabled or demoted user loses
// access at once. API keys act as their partner (or as ADMIN) and stop working when revoked.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadSessionContext } from "@/lib/db/users";
import { contextForApiKey, createApiKey, generateApiKey } from "@/lib/db/api-keys";
import { ctxFor, partnerIdOf } from "../support/contexts";

describe("session context", () => {
  it("follows the user row: demotion and disabling take effect on the next request", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "vp.sales@accord.test" } });
    expect(await loadSessionContext(user.id)).toMatchObject({ role: "EXEC", title: "VP_SALES" });
    await db.user.update({ where: { id: user.id }, data: { role: "AE", title: null } });
    expect(await loadSessionContext(user.id)).toMatchObject({ role: "AE", title: null });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSessionContext(user.id)).toBeNull();
  });

  it("a partner user carries its partner; a terminated partner's users lose access", async () => {
    const alice = await ctxFor("alice@northwind.test");
    expect(alice.partnerId).toBe(await partnerIdOf("Northwind Systems"));
    await db.partner.update({ where: { id: alice.partnerId! }, data: { status: "TERMINATED" } });
    expect(await loadSessionContext(alice.userId!)).toBeNull();
    await db.partner.update({ where: { id: alice.partnerId! }, data: { status: "ACTIVE" } });
    expect(await loadSessionContext(alice.userId!)).not.toBeNull();
  });

  it("an unknown user id has no context", async () => {
    expect(await loadSessionContext("nope")).toBeNull();
  });
});

describe("API keys", () => {
  it("a partner key acts as that partner until revoked; the key is stored only as a hash", async () => {
    const bob = await ctxFor("bob@contoso.test");
    const created = await createApiKey(bob, { name: "CRM sync", scope: "PARTNER" });
    const ctx = await contextForApiKey(created.key);
    expect(ctx).toMatchObject({ role: "PARTNER", partnerId: bob.partnerId, via: "api-key" });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    // (the secret is base64url and may itself contain "_": split by length, not by "_", or the
    // check is now and then made against an empty string and fails)
    const secret = created.key.slice(`acc_${created.prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await db.auditEvent.count({ where: { action: "apikey.create", entityId: created.id } })).toBe(1);
    await db.apiKey.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
    expect(await contextForApiKey(created.key)).toBeNull();
  });

  it("unknown and malformed keys have no context", async () => {
    expect(await contextForApiKey(generateApiKey().key)).toBeNull();
    expect(await contextForApiKey("not-a-key")).toBeNull();
    expect(await contextForApiKey("")).toBeNull();
  });

  it("only partner users create partner keys, only admins create admin keys", async () => {
    const ops = await ctxFor("ops@accord.test");
    const alice = await ctxFor("alice@northwind.test");
    await expect(createApiKey(alice, { name: "x", scope: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiKey(ops, { name: "x", scope: "PARTNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await createApiKey(ops, { name: "BI export", scope: "ADMIN" });
    expect(await contextForApiKey(admin.key)).toMatchObject({ role: "ADMIN", partnerId: null });
  });
});

describe("API key management", () => {
  it("a partner lists and revokes only its own company's keys", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const bob = await ctxFor("bob@contoso.test");
    const { listApiKeys, revokeApiKey } = await import("@/lib/db/api-keys");
    const bobs = await createApiKey(bob, { name: "Bob's ERP", scope: "PARTNER" });
    expect((await listApiKeys(alice)).map((k) => k.id)).not.toContain(bobs.id);
    expect((await listApiKeys(bob)).map((k) => k.id)).toContain(bobs.id);
    await expect(revokeApiKey(alice, bobs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await contextForApiKey(bobs.key)).not.toBeNull();
    await revokeApiKey(bob, bobs.id);
    expect(await contextForApiKey(bobs.key)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "apikey.revoke", entityId: bobs.id } })).toBe(1);
  });
});
