// Customer accounts, scoped by caller.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import type { AccountListQuery } from "@/lib/validation/lists";
import { db } from "./client";
import { paginate, scalar, type SortColumn } from "./pagination";
import { accountScope, opportunityScope, registrationScope } from "./scope";
import { containsText } from "./text";
import type { Prisma } from "./generated/sqlite/client";

const listSelect = {
  id: true,
  name: true,
  domain: true,
  country: true,
  vertical: true,
  tier: true,
  namedAccount: true,
  createdAt: true,
  region: { select: { code: true } },
  owner: { select: { name: true } },
} satisfies Prisma.AccountSelect;

const SORTS: Record<AccountListQuery["sort"], SortColumn> = { name: scalar(), createdAt: scalar(), country: scalar() };

export type AccountRow = Prisma.AccountGetPayload<{ select: typeof listSelect }>;

export async function listAccounts(ctx: Ctx, q: AccountListQuery) {
  const where: Prisma.AccountWhereInput = {
    AND: [
      accountScope(ctx),
      {
        ...(q.tier ? { tier: q.tier } : {}),
        ...(q.vertical ? { vertical: q.vertical } : {}),
        ...(q.region ? { region: { code: q.region } } : {}),
        ...(q.named ? { namedAccount: q.named === "true" } : {}),
        ...(q.ownerId ? { ownerId: q.ownerId } : {}),
        ...(q.q ? { name: containsText(q.q) } : {}),
      },
    ],
  };
  return paginate<AccountRow, Prisma.AccountWhereInput, Prisma.AccountOrderByWithRelationInput>(
    (args) =>
      db.account.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: listSelect,
      }),
    (take) => db.account.count({ where, take }),
    {
      list: "accounts",
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

const RELATED_LIMIT = 20;

export async function findAccount(ctx: Ctx, id: string) {
  const account = await db.account.findFirst({
    where: { AND: [accountScope(ctx), { id }] },
    select: {
      ...listSelect,
      updatedAt: true,
      region: { select: { code: true, name: true, directPresence: true } },
      owner: { select: { id: true, name: true, email: true } },
    },
  });
  if (!account) return null;
  // related rows are scoped on their own: a partner sees its own registrations on the account only
  const oppWhere = { AND: [opportunityScope(ctx), { accountId: id }] };
  const regWhere = { AND: [registrationScope(ctx), { accountId: id }] };
  const [opportunities, registrations, opportunityCount, registrationCount] = await Promise.all([
    db.opportunity.findMany({
      where: oppWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RELATED_LIMIT,
      select: {
        id: true,
        name: true,
        stage: true,
        acvCents: true,
        currency: true,
        route: true,
        partnerId: true,
        closeDate: true,
        productLine: { select: { name: true } },
      },
    }),
    db.dealRegistration.findMany({
      where: regWhere,
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      take: RELATED_LIMIT,
      select: {
        id: true,
        status: true,
        route: true,
        estimatedAcvCents: true,
        currency: true,
        submittedAt: true,
        protectedUntil: true,
        partner: { select: { name: true } },
        productLine: { select: { name: true } },
      },
    }),
    db.opportunity.count({ where: oppWhere }),
    db.dealRegistration.count({ where: regWhere }),
  ]);
  return { account, opportunities, registrations, opportunityCount, registrationCount };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export async function getAccount(ctx: Ctx, id: string): Promise<AccountDetail> {
  const found = await findAccount(ctx, id);
  if (!found) throw notFound("Account");
  return found;
}

/** Region codes for the account filter (reference data, the same for every caller). */
export async function listRegionCodes(_ctx: Ctx): Promise<string[]> {
  const rows = await db.region.findMany({ select: { code: true }, orderBy: { code: "asc" } });
  return rows.map((r) => r.code);
}
