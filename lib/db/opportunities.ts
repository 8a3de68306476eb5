// Opportunities, scoped by caller.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { PARTNER_NEEDED, PARTNER_ROUTES } from "@/lib/opportunities/coverage";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import type { OpportunityListQuery } from "@/lib/validation/lists";
import { db } from "./client";
import { paginate, scalar, type SortColumn } from "./pagination";
import { maturityOpportunityWhere } from "./maturity-filters";
import { pricingFilterWhere } from "./pricing-filters";
import { councilFilterWhere } from "./council-filters";
import { forecastFilterWhere } from "./forecast-filters";
import { storedDecisionFor, type StoredDecisionView } from "./trace";
import { attributionScope, opportunityScope } from "./scope";
import { containsText } from "./text";
import type { Selected, Sql } from "./sql";
import type { Prisma } from "./generated/sqlite/client";

const listSelect = {
  id: true,
  name: true,
  acvCents: true,
  currency: true,
  stage: true,
  closeDate: true,
  route: true,
  source: true,
  createdAt: true,
  closedAt: true,
  partnerId: true,
  account: { select: { id: true, name: true } },
  partner: { select: { name: true } },
  ae: { select: { name: true } },
  productLine: { select: { name: true } },
  // the corridor-breach badge (lib/db/pricing-guardrails.ts)
  corridorBreach: true,
  corridorMaxPct: true,
  discountPct: true,
} satisfies Prisma.OpportunitySelect;

const SORTS: Record<OpportunityListQuery["sort"], SortColumn> = {
  createdAt: scalar(),
  closeDate: scalar(),
  acvCents: scalar(),
  name: scalar(),
};
/** Open opportunities (lib/opportunities/stages.ts): the where-fragment every Prisma query uses… */
export const openOpportunity = { stage: { in: [...OPEN_STAGES] } } satisfies Prisma.OpportunityWhereInput;
/** …and the same condition for the plain-SQL path (lib/db/sql.ts), on an unaliased "Opportunity". */
const OPEN_OPPORTUNITY_SQL = `"stage" IN (${OPEN_STAGES.map((s) => `'${s}'`).join(", ")})`;

export type OpportunityRow = Prisma.OpportunityGetPayload<{ select: typeof listSelect }>;

/** The list's where clause: the caller's scope and the URL filters (the leakage report counts through it too). */
export function opportunityListWhere(ctx: Ctx, q: OpportunityListQuery): Prisma.OpportunityWhereInput {
  return {
    AND: [
      opportunityScope(ctx),
      {
        ...(q.stage ? { stage: q.stage } : {}),
        ...routeFilter(q.route),
        ...(q.partnerId ? { partnerId: q.partnerId } : {}),
        ...(q.accountId ? { accountId: q.accountId } : {}),
        ...(q.q ? { name: containsText(q.q) } : {}),
      },
      pricingFilterWhere(q),
      maturityOpportunityWhere(q),
      councilFilterWhere(q),
      forecastFilterWhere(q),
    ],
  };
}

export async function listOpportunities(ctx: Ctx, q: OpportunityListQuery) {
  const where = opportunityListWhere(ctx, q);
  return paginate<OpportunityRow, Prisma.OpportunityWhereInput, Prisma.OpportunityOrderByWithRelationInput>(
    (args) =>
      db.opportunity.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: listSelect,
      }),
    (take) => db.opportunity.count({ where, take }),
    {
      list: "opportunities",
      ctx,
      sort: q.sort,
      column: SORTS[q.sort],
      dir: q.dir ?? (q.sort === "name" ? "asc" : "desc"),
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
}

/** The route filter; PARTNER_NEEDED is a partner route with no partner (lib/opportunities/coverage.ts). */
function routeFilter(route: OpportunityListQuery["route"]): Prisma.OpportunityWhereInput {
  if (!route) return {};
  if (route === PARTNER_NEEDED) return { route: { in: [...PARTNER_ROUTES] }, partnerId: null };
  return { route };
}

function detailSelect(ctx: Ctx) {
  return {
    ...listSelect,
    listPriceCents: true,
    discountPct: true,
    updatedAt: true,
    // the write path's columns (lib/db/opportunity-writes.ts)
    aeId: true,
    productLineId: true,
    lostReason: true,
    flaggedRoute: true,
    flaggedReason: true,
    flaggedAt: true,
    account: { select: { id: true, name: true, country: true, vertical: true, tier: true, namedAccount: true } },
    productLine: { select: { name: true, kind: true } },
    routeDecision: {
      select: {
        id: true,
        route: true,
        ruleSetId: true,
        ruleSetVersion: true,
        protectionDays: true,
        facts: true,
        rule: { select: { name: true, priority: true, rationale: true } },
        trace: true,
        decidedAt: true,
        flaggedForReview: true,
      },
    },
    attributions: {
      where: attributionScope(ctx),
      orderBy: [{ creditPct: "desc" }, { id: "asc" }],
      select: {
        id: true,
        party: true,
        category: true,
        final: true,
        creditPct: true,
        quotaCreditCents: true,
        spiffCents: true,
        partnerMarginPct: true,
        partnerId: true,
        partner: { select: { name: true } },
        user: { select: { name: true } },
      },
    },
  } satisfies Prisma.OpportunitySelect;
}

type DetailRow = Prisma.OpportunityGetPayload<{ select: ReturnType<typeof detailSelect> }>;
type Decision = NonNullable<DetailRow["routeDecision"]>;
/** The trace is the one the caller may read (lib/db/trace.ts). */
export type OpportunityDetail = Omit<DetailRow, "routeDecision"> & {
  routeDecision: StoredDecisionView<Decision> | null;
};

export async function findOpportunity(ctx: Ctx, id: string): Promise<OpportunityDetail | null> {
  const row = await db.opportunity.findFirst({
    where: { AND: [opportunityScope(ctx), { id }] },
    select: detailSelect(ctx),
  });
  if (!row) return null;
  const decision = row.routeDecision;
  return { ...row, routeDecision: await storedDecisionFor(ctx, decision) };
}

export async function getOpportunity(ctx: Ctx, id: string): Promise<OpportunityDetail> {
  const row = await findOpportunity(ctx, id);
  if (!row) throw notFound("Opportunity");
  return row;
}

/** An open opportunity of the vendor's direct team on the account (a DIRECT_VS_PARTNER overlap). */
export function openDirectOpportunity(s: Sql, accountId: string) {
  return s.get<Selected<"Opportunity", "id" | "aeId">>(
    `SELECT "id", "aeId" FROM "Opportunity" WHERE "accountId" = ? AND "partnerId" IS NULL AND ${OPEN_OPPORTUNITY_SQL} LIMIT 1`,
    [accountId],
  );
}
