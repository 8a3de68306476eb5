// Deal registrations, scoped by caller (lib/db/scope.ts). A foreign id is NOT_FOUND, never FORBIDDEN.
import { holdsClaim } from "@/lib/registrations/lifecycle";
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import type { RegistrationListQuery } from "@/lib/validation/lists";
import { LEAD_ROUTES } from "@/lib/council";
import { db } from "./client";
import { paginate, scalar, type SortColumn } from "./pagination";
import { registrationScope } from "./scope";
import { maturityRegistrationWhere } from "./maturity-filters";
import { storedDecisionFor, type StoredDecisionView } from "./trace";
import { containsText } from "./text";
import { getSetting } from "./settings";
import { SETTING_KEYS } from "@/lib/settings";
import type { Prisma } from "./generated/sqlite/client";

const TEXT_SORTS = new Set(["accountName"]);

const SORTS: Record<RegistrationListQuery["sort"], SortColumn> = {
  submittedAt: scalar(),
  slaDueAt: scalar(),
  estimatedAcvCents: scalar(),
  accountName: scalar(),
  protectedUntil: scalar(true),
};

const listSelect = {
  id: true,
  accountName: true,
  accountDomain: true,
  accountCountry: true,
  accountVertical: true,
  estimatedAcvCents: true,
  currency: true,
  expectedCloseDate: true,
  status: true,
  route: true,
  slaDueAt: true,
  protectedUntil: true,
  extensionCount: true,
  submittedAt: true,
  decidedAt: true,
  decisionReason: true,
  partnerId: true,
  partner: { select: { name: true } },
  productLine: { select: { name: true } },
} satisfies Prisma.DealRegistrationSelect;

export type RegistrationRow = Prisma.DealRegistrationGetPayload<{ select: typeof listSelect }>;

async function filters(q: RegistrationListQuery): Promise<Prisma.DealRegistrationWhereInput> {
  // the region of a registration follows from the country the partner typed (docs/domain.md#data-model)
  const countries = q.region
    ? (await db.regionCountry.findMany({ where: { region: { code: q.region } }, select: { country: true } })).map(
        (c) => c.country,
      )
    : null;
  return {
    ...(countries ? { accountCountry: { in: countries } } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.route ? { route: q.route } : {}),
    ...(q.partnerId ? { partnerId: q.partnerId } : {}),
    ...(q.q ? { accountName: containsText(q.q) } : {}),
    // each block returns its own AND: kept apart so neither overwrites the other
    AND: [maturityRegistrationWhere(q), registrationCouncilWhere(q)],
  };
}

/** The list's where clause: the caller's scope and the URL filters (the maturity indicators count through it). */
export async function registrationListWhere(ctx: Ctx, q: RegistrationListQuery) {
  return { AND: [registrationScope(ctx), await filters(q)] };
}

/** The council's registration filters (lib/db/council-metrics.ts counts with the same conditions). */
function registrationCouncilWhere(q: RegistrationListQuery): Prisma.DealRegistrationWhereInput {
  const and: Prisma.DealRegistrationWhereInput[] = [];
  // decidedFrom/decidedTo: maturityRegistrationWhere (the same inclusive UTC days)
  if (q.sla === "met") and.push({ decidedAt: { lte: db.dealRegistration.fields.slaDueAt } });
  if (q.sla === "missed") and.push({ decidedAt: { gt: db.dealRegistration.fields.slaDueAt } });
  if (q.lead) and.push({ route: { in: [...LEAD_ROUTES[q.lead]] } });
  // the scorecards' decision filter (lib/db/scorecards.ts counts with the same conditions)
  if (q.decision === "approved") and.push({ decidedAt: { not: null }, status: { not: "REJECTED" } });
  if (q.decision === "rejected") and.push({ decidedAt: { not: null }, status: "REJECTED" });
  return and.length ? { AND: and } : {};
}

export async function listRegistrations(ctx: Ctx, q: RegistrationListQuery) {
  const where = await registrationListWhere(ctx, q);
  return paginate<RegistrationRow, Prisma.DealRegistrationWhereInput, Prisma.DealRegistrationOrderByWithRelationInput>(
    (args) =>
      db.dealRegistration.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: listSelect,
      }),
    (take) => db.dealRegistration.count({ where, take }),
    {
      list: "registrations",
      ctx,
      sort: q.sort,
      column: SORTS[q.sort],
      dir: q.dir ?? (TEXT_SORTS.has(q.sort) ? "asc" : "desc"),
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
}

const detailSelect = {
  ...listSelect,
  description: true,
  accountId: true,
  opportunityId: true,
  lastActivityAt: true,
  partnerClaimKey: true,
  opportunity: { select: { updatedAt: true } },
  submittedBy: { select: { name: true } },
  reviewer: { select: { name: true } },
  routeDecision: {
    select: {
      id: true,
      route: true,
      ruleSetId: true,
      ruleSetVersion: true,
      rule: { select: { name: true, priority: true } },
      facts: true,
      trace: true,
      decidedAt: true,
      flaggedForReview: true,
    },
  },
  events: {
    orderBy: { at: "asc" },
    select: { id: true, fromStatus: true, toStatus: true, actorLabel: true, reason: true, at: true },
  },
} satisfies Prisma.DealRegistrationSelect;

type DetailRow = Prisma.DealRegistrationGetPayload<{ select: typeof detailSelect }>;
type Decision = NonNullable<DetailRow["routeDecision"]>;
/** The trace is the one the caller may read (lib/db/trace.ts); the claim keys stay inside, as `holdsClaim`. */
export type RegistrationDetail = Omit<DetailRow, "routeDecision" | "partnerClaimKey"> & {
  routeDecision: StoredDecisionView<Decision> | null;
  /** Holds its claim on the account (lib/registrations/lifecycle.ts holdsClaim): takes updates and extensions. */
  holdsClaim: boolean;
};

export async function findRegistration(ctx: Ctx, id: string): Promise<RegistrationDetail | null> {
  const row = await db.dealRegistration.findFirst({
    where: { AND: [registrationScope(ctx), { id }] },
    select: detailSelect,
  });
  if (!row) return null;
  const { partnerClaimKey, ...rest } = row;
  const decision = row.routeDecision;
  return {
    ...rest,
    holdsClaim: holdsClaim({ status: row.status, partnerClaimKey }),
    routeDecision: await storedDecisionFor(ctx, decision),
  };
}

export async function getRegistration(ctx: Ctx, id: string): Promise<RegistrationDetail> {
  const row = await findRegistration(ctx, id);
  if (!row) throw notFound("Registration");
  return row;
}

export async function countRegistrationsByStatus(ctx: Ctx) {
  const rows = await db.dealRegistration.groupBy({
    by: ["status"],
    where: registrationScope(ctx),
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
}

/** After how many days without activity an approved registration is released (setting). */
export function dormantDays(): Promise<number> {
  return getSetting<number>(SETTING_KEYS.dormantDays, db);
}

/** How many protection extensions a partner may request (setting; docs/domain.md#registration-lifecycle default 2). */
export function maxProtectionExtensions(): Promise<number> {
  return getSetting<number>(SETTING_KEYS.maxProtectionExtensions, db);
}
