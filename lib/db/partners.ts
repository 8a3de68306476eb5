// Partner companies, scoped by caller: a partner user sees only its own company.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import type { PartnerListQuery } from "@/lib/validation/lists";
import { db, provider } from "./client";
import { enumColumn, paginate, scalar, type SortColumn } from "./pagination";
import { PartnerTier, PartnerType } from "./generated/sqlite/enums";
import { opportunityScope, partnerScope, registrationScope } from "./scope";
import { containsText } from "./text";
import type { Prisma } from "./generated/sqlite/client";

// The relation counts are scoped too: a partner manager sees counts of the registrations they may
// open, so a number on the list always matches the filtered list it links to.
function listSelect(ctx: Ctx) {
  return {
    id: true,
    name: true,
    type: true,
    tier: true,
    status: true,
    country: true,
    createdAt: true,
    manager: { select: { id: true, name: true } },
    regions: { select: { region: { select: { code: true, name: true } } } },
    _count: {
      select: { registrations: { where: registrationScope(ctx) }, opportunities: { where: opportunityScope(ctx) } },
    },
  } satisfies Prisma.PartnerSelect;
}

const SORTS: Record<PartnerListQuery["sort"], SortColumn> = {
  name: scalar(),
  tier: enumColumn(PartnerTier, provider),
  type: enumColumn(PartnerType, provider),
  createdAt: scalar(),
};

export type PartnerRow = Prisma.PartnerGetPayload<{ select: ReturnType<typeof listSelect> }>;

export async function listPartners(ctx: Ctx, q: PartnerListQuery) {
  const where: Prisma.PartnerWhereInput = {
    AND: [
      partnerScope(ctx),
      {
        ...(q.type ? { type: q.type } : {}),
        ...(q.tier ? { tier: q.tier } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.managerId ? { managerId: q.managerId } : {}),
        ...(q.q ? { name: containsText(q.q) } : {}),
      },
    ],
  };
  const select = listSelect(ctx);
  return paginate<PartnerRow, Prisma.PartnerWhereInput, Prisma.PartnerOrderByWithRelationInput>(
    (args) =>
      db.partner.findMany({ where: { AND: [where, args.where] }, orderBy: args.orderBy, take: args.take, select }),
    (take) => db.partner.count({ where, take }),
    {
      list: "partners",
      ctx,
      sort: q.sort,
      column: SORTS[q.sort],
      dir: q.dir ?? (q.sort === "createdAt" ? "desc" : "asc"),
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
}

function detailSelect(ctx: Ctx) {
  return {
    ...listSelect(ctx),
    website: true,
    verticals: { select: { vertical: true } },
    // only a partner's own users see the company's user list (portal "Company" page)
    users: can(ctx, "partner:read-users")
      ? { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }
      : false,
  } satisfies Prisma.PartnerSelect;
}

export type PartnerDetail = {
  partner: Prisma.PartnerGetPayload<{ select: ReturnType<typeof detailSelect> }>;
  registrationsByStatus: Record<string, number>;
};

export async function findPartner(ctx: Ctx, id: string): Promise<PartnerDetail | null> {
  const partner = await db.partner.findFirst({
    where: { AND: [partnerScope(ctx), { id }] },
    select: detailSelect(ctx),
  });
  if (!partner) return null;
  const stats = await db.dealRegistration.groupBy({
    by: ["status"],
    where: { AND: [registrationScope(ctx), { partnerId: id }] },
    _count: { _all: true },
  });
  return {
    partner,
    registrationsByStatus: Object.fromEntries(stats.map((s) => [s.status, s._count._all])) as Record<string, number>,
  };
}

export async function getPartner(ctx: Ctx, id: string): Promise<PartnerDetail> {
  const found = await findPartner(ctx, id);
  if (!found) throw notFound("Partner");
  return found;
}

/** Partner names for filter pickers (staff only; a partner gets just its own). */
export async function listPartnerOptions(ctx: Ctx) {
  return db.partner.findMany({ where: partnerScope(ctx), select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The caller's own company name (partner users), for the shell. */
export async function partnerName(ctx: Ctx): Promise<string | null> {
  if (!ctx.partnerId) return null;
  const p = await db.partner.findFirst({ where: partnerScope(ctx), select: { name: true } });
  return p?.name ?? null;
}
