// Partner administration on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL):
// create and edit audited with before/after, a taken name refused on the name field, unknown ids
// 404, non-admins 403, and deactivation that must confirm the partner's active claims and open
// hand-offs, refused (409) when they changed between the page and the write.
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/types";
import {
  createPartner,
  deactivationImpact,
  getPartnerForEdit,
  partnerFormChoices,
  updatePartner,
} from "@/lib/db/admin-partners";
import { db } from "@/lib/db/client";
import { createPartnerInput, updatePartnerInput } from "@/lib/validation/admin-partners";
import { ctxFor, partnerIdOf } from "../support/contexts";
import { errorOf } from "../support/errors";

async function managerNamed(email: string) {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
}

async function newPartner(name: string) {
  const ops = await ctxFor("ops@accord.test");
  const { regions } = await partnerFormChoices(ops);
  const pm = await managerNamed("pm@accord.test");
  const input = createPartnerInput.parse({
    name,
    type: "RESELLER",
    tier: "SILVER",
    status: "ACTIVE",
    managerId: pm.id,
    regionIds: [regions[0]!.id, regions[1]!.id],
    verticals: ["HEALTHCARE", "RETAIL"],
  });
  return { ops, regions, pm, input, created: await createPartner(ops, input) };
}

/** An active seeded partner with at least two active claims, and its current figures. */
async function partnerWithClaims() {
  const ops = await ctxFor("ops@accord.test");
  const now = new Date();
  const rows = await db.dealRegistration.groupBy({
    by: ["partnerId"],
    where: { status: "APPROVED", protectedUntil: { gt: now }, partner: { status: "ACTIVE" } },
    _count: { _all: true },
    orderBy: { partnerId: "asc" },
  });
  const partnerId = rows.find((r) => r._count._all >= 2)!.partnerId;
  return {
    ops,
    partnerId,
    impact: await deactivationImpact(ops, partnerId),
    edit: await getPartnerForEdit(ops, partnerId),
  };
}

describe("creating a partner", () => {
  it("writes the partner with its regions and verticals and an audit event with the values", async () => {
    const { ops, regions, pm, created } = await newPartner("Harbor Lights Integration");
    const stored = await db.partner.findUniqueOrThrow({
      where: { id: created.id },
      include: { regions: true, verticals: true },
    });
    expect(stored).toMatchObject({
      name: "Harbor Lights Integration",
      tier: "SILVER",
      managerId: pm.id,
      status: "ACTIVE",
    });
    expect(stored.regions.map((r) => r.regionId).sort()).toEqual([regions[0]!.id, regions[1]!.id].sort());
    expect(stored.verticals.map((v) => v.vertical).sort()).toEqual(["HEALTHCARE", "RETAIL"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "partner.create", entityId: created.id } });
    expect(event.actorId).toBe(ops.userId);
    expect(event.after).toMatchObject({ name: "Harbor Lights Integration", managerId: pm.id, tier: "SILVER" });
  });

  it("refuses a name another partner has, however it is spelled, on the name field (409)", async () => {
    const ops = await ctxFor("ops@accord.test");
    const seeded = await db.partner.findFirstOrThrow({ select: { name: true } });
    const error = await errorOf(
      createPartner(
        ops,
        createPartnerInput.parse({
          name: `  ${seeded.name.toUpperCase()} `,
          type: "MSP",
          tier: "GOLD",
          status: "ACTIVE",
        }),
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fields?.name?.[0]).toMatch(/exists already/);
    expect(await db.partner.count({ where: { name: { in: [seeded.name.toUpperCase()] } } })).toBe(0);
  });

  it("refuses a manager who is not a partner manager, and unknown regions, on their fields", async () => {
    const ops = await ctxFor("ops@accord.test");
    const ae = await managerNamed("ae@accord.test");
    const error = await errorOf(
      createPartner(
        ops,
        createPartnerInput.parse({
          name: "Wrong Manager Co",
          type: "MSP",
          tier: "GOLD",
          status: "ACTIVE",
          managerId: ae.id,
          regionIds: ["no-such-region"],
        }),
      ),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["managerId", "regionIds"]);
    expect(await db.partner.count({ where: { name: "Wrong Manager Co" } })).toBe(0);
  });

  it("rejects bad input at the boundary with field messages", () => {
    const parsed = createPartnerInput.safeParse({
      name: "x",
      type: "VENDOR",
      tier: "GOLD",
      status: "ACTIVE",
      verticals: ["SPACE"],
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path[0]).sort();
    expect(paths).toEqual(["name", "type", "verticals"]);
  });
});

describe("editing a partner", () => {
  it("changes manager, tier, regions and verticals, audited with before and after and the tier marked an override", async () => {
    const { ops, regions, pm, created } = await newPartner("Edit Me Partners");
    const other = await db.user.findFirstOrThrow({
      where: { role: "PARTNER_MANAGER", active: true, id: { not: pm.id } },
      select: { id: true },
    });
    const input = updatePartnerInput.parse({
      id: created.id,
      name: "Edit Me Partners",
      type: "DISTRIBUTOR",
      tier: "GOLD",
      status: "ACTIVE",
      managerId: other.id,
      regionIds: [regions[2]!.id],
      verticals: ["ENERGY"],
      certifications: "4",
    });
    expect(await updatePartner(ops, input)).toEqual({ id: created.id, changed: true });
    const after = await getPartnerForEdit(ops, created.id);
    expect(after).toMatchObject({
      certifications: 4,
      managerId: other.id,
      tier: "GOLD",
      type: "DISTRIBUTOR",
      regionIds: [regions[2]!.id],
      verticals: ["ENERGY"],
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "partner.update", entityId: created.id } });
    expect(event.before).toMatchObject({ managerId: pm.id, tier: "SILVER", verticals: ["HEALTHCARE", "RETAIL"] });
    expect(event.after).toMatchObject({ managerId: other.id, tier: "GOLD", tierOverride: true, certifications: 4 });
    expect(event.before).toMatchObject({ certifications: 0 });

    // saving the same values again changes nothing and writes no audit event
    const events = await db.auditEvent.count({ where: { entityId: created.id } });
    expect(await updatePartner(ops, input)).toEqual({ id: created.id, changed: false });
    expect(await db.auditEvent.count({ where: { entityId: created.id } })).toBe(events);
  });

  it("answers an unknown id with 404 and writes nothing", async () => {
    const ops = await ctxFor("ops@accord.test");
    const input = updatePartnerInput.parse({
      id: "no-such-partner",
      name: "Ghost",
      type: "MSP",
      tier: "GOLD",
      status: "ACTIVE",
    });
    expect((await errorOf(updatePartner(ops, input))).code).toBe("NOT_FOUND");
    expect((await errorOf(getPartnerForEdit(ops, "no-such-partner"))).code).toBe("NOT_FOUND");
    expect(await db.auditEvent.count({ where: { entityId: "no-such-partner" } })).toBe(0);
  });

  it("refuses every role but channel operations (403), for reads and writes alike", async () => {
    const partnerId = await partnerIdOf("Northwind Systems");
    const before = await db.partner.findUniqueOrThrow({ where: { id: partnerId } });
    const emails = { PARTNER_MANAGER: "pm@accord.test", AE: "ae@accord.test", EXEC: "vp.sales@accord.test" };
    for (const role of ROLES.filter((r) => r !== "ADMIN")) {
      const email =
        role === "PARTNER"
          ? (await db.user.findFirstOrThrow({ where: { partnerId, active: true }, select: { email: true } })).email
          : emails[role];
      const ctx = await ctxFor(email);
      const input = updatePartnerInput.parse({
        id: partnerId,
        name: "Taken Over",
        type: "MSP",
        tier: "PLATINUM",
        status: "ACTIVE",
      });
      expect((await errorOf(updatePartner(ctx, input))).code, role).toBe("FORBIDDEN");
      expect((await errorOf(getPartnerForEdit(ctx, partnerId))).code, role).toBe("FORBIDDEN");
      expect((await errorOf(deactivationImpact(ctx, partnerId))).code, role).toBe("FORBIDDEN");
      expect((await errorOf(partnerFormChoices(ctx))).code, role).toBe("FORBIDDEN");
      const create = createPartnerInput.parse({ name: "Sneaky Co", type: "MSP", tier: "GOLD", status: "ACTIVE" });
      expect((await errorOf(createPartner(ctx, create))).code, role).toBe("FORBIDDEN");
    }
    expect(await db.partner.findUniqueOrThrow({ where: { id: partnerId } })).toEqual(before);
  });
});

describe("deactivating a partner", () => {
  it("lists the active claims and open hand-offs, and deactivates with the counts confirmed, releasing nothing", async () => {
    const { ops, partnerId, impact, edit } = await partnerWithClaims();
    expect(impact.activeClaims).toBeGreaterThanOrEqual(2);
    expect(impact.claims.length).toBe(Math.min(impact.activeClaims, 20));
    const claimKeysBefore = await db.dealRegistration.findMany({
      where: { partnerId },
      select: { id: true, status: true, activeClaimKey: true },
      orderBy: { id: "asc" },
    });
    const input = updatePartnerInput.parse({
      ...edit,
      id: partnerId,
      status: "SUSPENDED",
      confirmed: { activeClaims: impact.activeClaims, openHandoffs: impact.openHandoffs },
    });
    await updatePartner(ops, input);
    expect((await db.partner.findUniqueOrThrow({ where: { id: partnerId } })).status).toBe("SUSPENDED");
    // nothing released: every registration keeps its status and claim
    expect(
      await db.dealRegistration.findMany({
        where: { partnerId },
        select: { id: true, status: true, activeClaimKey: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual(claimKeysBefore);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "partner.deactivate", entityId: partnerId },
    });
    expect(event.before).toMatchObject({ status: "ACTIVE" });
    expect(event.after).toMatchObject({
      status: "SUSPENDED",
      confirmed: { activeClaims: impact.activeClaims, openHandoffs: impact.openHandoffs },
    });
  });

  it("refuses (409) when a claim ended between the page and the write, and when no counts were confirmed", async () => {
    const { ops, partnerId, impact, edit } = await partnerWithClaims();
    const stale = { activeClaims: impact.activeClaims, openHandoffs: impact.openHandoffs };
    // one claim is withdrawn after the admin looked
    await db.dealRegistration.update({
      where: { id: impact.claims[0]!.id },
      data: { status: "WITHDRAWN", activeClaimKey: null, activeClaimNameKey: null, activeClaimDomainKey: null },
    });
    const input = updatePartnerInput.parse({ ...edit, id: partnerId, status: "TERMINATED", confirmed: stale });
    const error = await errorOf(updatePartner(ops, input));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(`${impact.activeClaims - 1} active claims`);
    const unconfirmed = updatePartnerInput.parse({ ...edit, id: partnerId, status: "TERMINATED" });
    expect((await errorOf(updatePartner(ops, unconfirmed))).code).toBe("CONFLICT");
    expect((await db.partner.findUniqueOrThrow({ where: { id: partnerId } })).status).toBe("ACTIVE");
    expect(await db.auditEvent.count({ where: { action: "partner.deactivate", entityId: partnerId } })).toBe(0);

    // with the new counts it goes through, and reactivating needs no confirmation
    const fresh = await deactivationImpact(ops, partnerId);
    await updatePartner(
      ops,
      updatePartnerInput.parse({
        ...edit,
        id: partnerId,
        status: "TERMINATED",
        confirmed: { activeClaims: fresh.activeClaims, openHandoffs: fresh.openHandoffs },
      }),
    );
    await updatePartner(ops, updatePartnerInput.parse({ ...edit, id: partnerId, status: "ACTIVE" }));
    const actions = await db.auditEvent.findMany({
      where: { entityId: partnerId, action: { in: ["partner.deactivate", "partner.reactivate"] } },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["partner.deactivate", "partner.reactivate"]);
  });

  it("counts open hand-off offers", async () => {
    const ops = await ctxFor("ops@accord.test");
    const offered = await db.handoff.groupBy({
      by: ["partnerId"],
      where: { status: "OFFERED" },
      _count: { _all: true },
    });
    if (offered.length === 0) throw new Error("the seed has no open hand-off offer");
    const { partnerId, _count } = offered[0]!;
    const impact = await deactivationImpact(ops, partnerId);
    expect(impact.openHandoffs).toBe(_count._all);
    expect(impact.handoffs[0]!.opportunity.name).toBeTruthy();
  });
});
