// "Does this account already look claimed?" for the portal form, answered without naming anyone
// or revealing another partner's deal (DESIGN §1: "this account is already protected" — no name).
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { db } from "./client";
import { claimKey } from "@/lib/registrations/claim-key";
import { matchAccount } from "./registration-submit";
import { productLineByName } from "./deal-facts";

export type ClaimCheck = { status: "clear" | "own-claim" | "protected"; namedAccount: boolean; directActivity: boolean };

export async function checkClaim(ctx: Ctx, input: { name: string; domain?: string | null; productLine: string }): Promise<ClaimCheck> {
  const nameKey = normalizeAccountName(input.name);
  if (!nameKey) return { status: "clear", namedAccount: false, directActivity: false };
  const productLine = await productLineByName(input.productLine);
  const account = await matchAccount(nameKey, normalizeDomain(input.domain ?? null));
  const holder = await db.dealRegistration.findUnique({ where: { activeClaimKey: claimKey(account?.id ?? null, nameKey, productLine.id) }, select: { partnerId: true } });
  const direct = account
    ? (await db.opportunity.count({ where: { accountId: account.id, partnerId: null, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } } })) > 0
    : false;
  return {
    status: !holder ? "clear" : holder.partnerId === ctx.partnerId ? "own-claim" : "protected",
    namedAccount: account?.namedAccount ?? false,
    directActivity: direct,
  };
}
