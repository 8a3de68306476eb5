// Administration of partners (docs/architecture.md#administration): channel operations create a
// partner and change its type, tier, manager, regions, verticals and status. Every change is audited
// with before and after in the same transaction; a tier set here is an ops override (the quarterly
// proposals live in lib/db/tier-proposals.ts). Deactivating (leaving ACTIVE) releases nothing: the
// admin is shown the partner's active claims and open hand-offs first, and the write carries the
// counts they confirmed, compared inside the transaction, so a claim or offer made in between
// refuses the change (409) instead of passing unseen.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { normalizeAccountName } from "@/lib/accounts/normalize";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { CreatePartnerInput, UpdatePartnerInput } from "@/lib/validation/admin-partners";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import type { Prisma } from "./generated/sqlite/client";
import { transaction } from "./transaction";

/** How many claims and offers the deactivation panel lists by name (the counts are complete). */
const LISTED = 20;

function requireAdmin(ctx: Ctx) {
  if (!can(ctx, "partner:manage")) throw forbidden();
}

const PARTNER_SELECT = {
  id: true,
  name: true,
  type: true,
  tier: true,
  status: true,
  managerId: true,
  certifications: true,
  regions: { select: { regionId: true } },
  verticals: { select: { vertical: true } },
} as const satisfies Prisma.PartnerSelect;

type Stored = Prisma.PartnerGetPayload<{ select: typeof PARTNER_SELECT }>;

const snapshot = (p: Stored) => ({
  name: p.name,
  type: p.type,
  tier: p.tier,
  status: p.status,
  managerId: p.managerId,
  certifications: p.certifications,
  regionIds: p.regions.map((r) => r.regionId).sort(),
  verticals: p.verticals.map((v) => v.vertical).sort(),
});

/** The snapshot the input would store, to tell a change from a save without one. */
const inputSnapshot = (input: UpdatePartnerInput): ReturnType<typeof snapshot> => ({
  name: input.name,
  type: input.type,
  tier: input.tier,
  status: input.status,
  managerId: input.managerId,
  certifications: input.certifications,
  regionIds: [...new Set(input.regionIds)].sort(),
  verticals: [...new Set(input.verticals)].sort(),
});

/** The partner as the edit form needs it; a missing id is a 404. */
export async function getPartnerForEdit(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const partner = await db.partner.findUnique({ where: { id }, select: PARTNER_SELECT });
  if (!partner) throw notFound("Partner");
  return snapshot(partner);
}

/** Partner managers (by name) and regions for the form's pickers. */
export async function partnerFormChoices(ctx: Ctx) {
  requireAdmin(ctx);
  const [managers, regions] = await Promise.all([
    db.user.findMany({
      where: { role: "PARTNER_MANAGER", active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.region.findMany({ select: { id: true, name: true, code: true }, orderBy: { name: "asc" } }),
  ]);
  return { managers, regions };
}

// Registrations still protecting (or awaiting protection): submitted, or approved with protection
// not yet ended. Hand-offs still open: offered and not yet answered.
const activeClaimsWhere = (partnerId: string, now: Date) => ({
  partnerId,
  OR: [
    { status: "SUBMITTED" as const },
    { status: "APPROVED" as const, OR: [{ protectedUntil: null }, { protectedUntil: { gt: now } }] },
  ],
});
const openHandoffsWhere = (partnerId: string) => ({ partnerId, status: "OFFERED" as const });

async function impactCounts(tx: Tx, partnerId: string, now: Date) {
  const [activeClaims, openHandoffs] = await Promise.all([
    tx.dealRegistration.count({ where: activeClaimsWhere(partnerId, now) }),
    tx.handoff.count({ where: openHandoffsWhere(partnerId) }),
  ]);
  return { activeClaims, openHandoffs };
}

/** What deactivating the partner leaves standing: counts, and the first rows by name, with links. */
export async function deactivationImpact(ctx: Ctx, partnerId: string, now = new Date()) {
  requireAdmin(ctx);
  const [counts, claims, handoffs] = await Promise.all([
    impactCounts(db, partnerId, now),
    db.dealRegistration.findMany({
      where: activeClaimsWhere(partnerId, now),
      select: {
        id: true,
        accountName: true,
        status: true,
        protectedUntil: true,
        productLine: { select: { name: true } },
      },
      orderBy: [{ protectedUntil: "desc" }, { id: "asc" }],
      take: LISTED,
    }),
    db.handoff.findMany({
      where: openHandoffsWhere(partnerId),
      select: { id: true, dueAt: true, opportunity: { select: { id: true, name: true } } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: LISTED,
    }),
  ]);
  return { ...counts, claims, handoffs };
}
export type DeactivationImpact = Awaited<ReturnType<typeof deactivationImpact>>;

async function assertReferences(tx: Tx, input: CreatePartnerInput) {
  const fields: Record<string, string[]> = {};
  if (input.managerId) {
    const manager = await tx.user.findUnique({ where: { id: input.managerId }, select: { role: true, active: true } });
    if (!manager || manager.role !== "PARTNER_MANAGER" || !manager.active)
      fields.managerId = ["Choose an active partner manager"];
  }
  const regionIds = [...new Set(input.regionIds)];
  if (regionIds.length && (await tx.region.count({ where: { id: { in: regionIds } } })) !== regionIds.length)
    fields.regionIds = ["Choose regions from the list"];
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "Check the highlighted fields", fields);
}

async function assertNameFree(tx: Tx, nameKey: string, exceptId?: string) {
  const taken = await tx.partner.findUnique({ where: { nameKey }, select: { id: true } });
  if (taken && taken.id !== exceptId)
    throw new AppError("CONFLICT", "A partner with this name exists already", {
      name: ["A partner with this name exists already"],
    });
}

const relations = (input: CreatePartnerInput) => ({
  regions: { create: [...new Set(input.regionIds)].map((regionId) => ({ regionId })) },
  verticals: { create: [...new Set(input.verticals)].map((vertical) => ({ vertical })) },
});

/** Creates a partner; a name that normalizes to an existing partner's is a 409 on the name field. */
export async function createPartner(ctx: Ctx, input: CreatePartnerInput, now = new Date()) {
  requireAdmin(ctx);
  const nameKey = normalizeAccountName(input.name);
  return transaction(db, async (tx) => {
    await assertReferences(tx, input);
    await assertNameFree(tx, nameKey);
    const partner = await tx.partner.create({
      data: {
        name: input.name,
        nameKey,
        type: input.type,
        tier: input.tier,
        status: input.status,
        managerId: input.managerId,
        certifications: input.certifications,
        ...relations(input),
      },
      select: PARTNER_SELECT,
    });
    await audit(
      tx,
      ctx,
      { action: "partner.create", entityType: "Partner", entityId: partner.id, after: snapshot(partner) },
      now,
    );
    return { id: partner.id, name: partner.name };
  });
}

/**
 * Changes a partner. Leaving ACTIVE needs the confirmed counts of active claims and open hand-offs,
 * which must still be the counts inside the transaction. A tier change is audited as an ops override.
 */
export async function updatePartner(ctx: Ctx, input: UpdatePartnerInput, now = new Date()) {
  requireAdmin(ctx);
  const nameKey = normalizeAccountName(input.name);
  return transaction(
    db,
    async (tx) => {
      const before = await tx.partner.findUnique({ where: { id: input.id }, select: PARTNER_SELECT });
      if (!before) throw notFound("Partner");
      await assertReferences(tx, input);
      await assertNameFree(tx, nameKey, input.id);
      const deactivating = before.status === "ACTIVE" && input.status !== "ACTIVE";
      if (deactivating) {
        const counts = await impactCounts(tx, input.id, now);
        const confirmed = input.confirmed;
        if (
          !confirmed ||
          confirmed.activeClaims !== counts.activeClaims ||
          confirmed.openHandoffs !== counts.openHandoffs
        )
          throw new AppError(
            "CONFLICT",
            `${before.name} now has ${counts.activeClaims} active claims and ${counts.openHandoffs} open hand-offs: review them and confirm again.`,
          );
      }
      // nothing changed: nothing written, no audit event (the form says so)
      if (JSON.stringify(snapshot(before)) === JSON.stringify(inputSnapshot(input)))
        return { id: input.id, changed: false };
      await tx.partnerRegion.deleteMany({ where: { partnerId: input.id } });
      await tx.partnerVertical.deleteMany({ where: { partnerId: input.id } });
      const after = await tx.partner.update({
        where: { id: input.id },
        data: {
          name: input.name,
          nameKey,
          type: input.type,
          tier: input.tier,
          status: input.status,
          managerId: input.managerId,
          certifications: input.certifications,
          ...relations(input),
        },
        select: PARTNER_SELECT,
      });
      const action = deactivating
        ? "partner.deactivate"
        : before.status !== "ACTIVE" && input.status === "ACTIVE"
          ? "partner.reactivate"
          : "partner.update";
      await audit(
        tx,
        ctx,
        {
          action,
          entityType: "Partner",
          entityId: input.id,
          before: snapshot(before),
          after: {
            ...snapshot(after),
            ...(before.tier !== after.tier ? { tierOverride: true } : {}),
            ...(deactivating ? { confirmed: input.confirmed } : {}),
          },
        },
        now,
      );
      return { id: input.id, changed: true };
    },
    { isolationLevel: "Serializable" },
  );
}
