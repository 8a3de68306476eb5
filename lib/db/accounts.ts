// Customer accounts, scoped by caller.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import type { AccountListQuery } from "@/lib/validation/lists";
import { db } from "./client";
import { paginate } from "./pagination";
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
        ...(q.q ? { name: containsText(q.q) } : {}),
      },
    ],
  };
  return paginate<AccountRow>(
    (args) => db.account.findMany({ where, select: listSelect, ...args }),
    (take) => db.account.count({ where, take }),
    { sort: q.sort, dir: q.dir ?? (q.sort === "createdAt" ? "desc" : "asc"), after: q.after, before: q.before, pageSize: q.pageSize },
  );
}

export async function getAccount(ctx: Ctx, id: string) {
  const account = await db.account.findFirst({ where: { AND: [accountScope(ctx), { id }] }, select: listSelect });
  if (!account) throw notFound("Account");
  // related rows are scoped on their own: a partner sees its own registrations on the account only
  const [opportunities, registrations] = await Promise.all([
    db.opportunity.findMany({
      where: { AND: [opportunityScope(ctx), { accountId: id }] },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, name: true, stage: true, acvCents: true, route: true, closeDate: true },
    }),
    db.dealRegistration.findMany({
      where: { AND: [registrationScope(ctx), { accountId: id }] },
      orderBy: { submittedAt: "desc" },
      take: 50,
      select: { id: true, status: true, estimatedAcvCents: true, submittedAt: true, partner: { select: { name: true } } },
    }),
  ]);
  return { account, opportunities, registrations };
}
