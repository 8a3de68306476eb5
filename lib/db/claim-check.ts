// "Does this account already look claimed?" for the portal form, answered without naming anyone
// or revealing another partner's deal (DESIGN §1: "this account is already protected" — no name).
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { sql } from "./client";
import { claimKeys } from "@/lib/registrations/claim-key";
import { activeClaimHolders, openDirectOpportunity } from "./registration-submit";
import { matchAccount, productLineByName } from "./deal-facts";

export type ClaimCheck = { status: "clear" | "own-claim" | "protected"; namedAccount: boolean; directActivity: boolean };

export async function checkClaim(ctx: Ctx, input: { name: string; domain?: string | null; productLine: string }): Promise<ClaimCheck> {
  const nameKey = normalizeAccountName(input.name);
  if (!nameKey) return { status: "clear", namedAccount: false, directActivity: false };
  return sql.session(async (s) => {
    const productLine = await productLineByName(s, input.productLine);
    const domainKey = normalizeDomain(input.domain ?? null);
    const account = await matchAccount(s, nameKey, domainKey);
    const holders = await activeClaimHolders(s, claimKeys(account?.id ?? null, nameKey, domainKey, productLine.id));
    const direct = account ? await openDirectOpportunity(s, account.id) : null;
    return {
      status: holders.length === 0 ? "clear" : holders.some((h) => h.partnerId === ctx.partnerId) ? "own-claim" : "protected",
      namedAccount: account?.namedAccount ?? false,
      directActivity: direct !== null,
    };
  });
}
