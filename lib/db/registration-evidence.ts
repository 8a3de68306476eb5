// The evidence panel of the approval queue (staff only): matching accounts, other claims on the
// account and open direct opportunities, each read through the caller's own scopes.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { forbidden } from "@/lib/errors";
import { db } from "./client";
import { holdingClaim } from "./claims";
import { openOpportunity } from "./opportunities";
import { registrationScope } from "./scope";

export async function registrationEvidence(ctx: Ctx, id: string) {
  if (!can(ctx, "registration:read-evidence")) throw forbidden(); // names other partners: vendor staff only
  const reg = await db.dealRegistration.findFirst({
    where: { AND: [registrationScope(ctx), { id }] },
    select: { id: true, accountId: true, accountNameKey: true, accountDomainKey: true, productLineId: true },
  });
  if (!reg) return null;
  const accountWhere = {
    OR: [{ nameKey: reg.accountNameKey }, ...(reg.accountDomainKey ? [{ domainKey: reg.accountDomainKey }] : [])],
  };
  const accounts = await db.account.findMany({
    where: accountWhere,
    take: 10,
    select: {
      id: true,
      name: true,
      domain: true,
      country: true,
      tier: true,
      namedAccount: true,
      owner: { select: { name: true } },
    },
  });
  // the registration's own account and every account its name or domain matches
  const accountIds = [...new Set([...(reg.accountId ? [reg.accountId] : []), ...accounts.map((a) => a.id)])];
  // Deliberately not limited to the caller's partners: a manager deciding a claim must see that
  // another partner's claim competes with it (staff only; partners never reach this).
  const [otherClaims, directOpportunities] = await Promise.all([
    db.dealRegistration.findMany({
      where: {
        id: { not: id },
        AND: [
          holdingClaim,
          {
            OR: [
              { accountNameKey: reg.accountNameKey },
              ...(reg.accountDomainKey ? [{ accountDomainKey: reg.accountDomainKey }] : []),
              ...(accountIds.length ? [{ accountId: { in: accountIds } }] : []),
            ],
          },
        ],
      },
      take: 20,
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        status: true,
        submittedAt: true,
        protectedUntil: true,
        partner: { select: { name: true } },
        productLine: { select: { name: true } },
        activeClaimKey: true,
      },
    }),
    accountIds.length
      ? db.opportunity.findMany({
          where: { accountId: { in: accountIds }, partnerId: null, ...openOpportunity },
          take: 10,
          select: { id: true, name: true, stage: true, acvCents: true, ae: { select: { name: true } } },
        })
      : [],
  ]);
  return {
    accounts,
    otherClaims: otherClaims.map(({ activeClaimKey, ...c }) => ({ ...c, holdsClaim: activeClaimKey !== null })),
    directOpportunities,
  };
}
