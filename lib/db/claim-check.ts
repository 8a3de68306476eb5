// "Does this account already look claimed?" for the portal form, answered without naming anyone
// or revealing another partner's deal (docs/domain.md#roles-and-visibility: "this account is already protected", no name).
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { sql } from "./client";
import { claimKeys, partnerClaimKeys } from "@/lib/registrations/claim-key";
import { activeClaimHolders, ownActiveRegistration } from "./claims";
import { openDirectOpportunity } from "./opportunities";
import { matchAccount, productLineByName } from "./deal-facts";

export type ClaimCheck = {
  status: "clear" | "own-claim" | "protected";
  namedAccount: boolean;
  directActivity: boolean;
};

export async function checkClaim(
  ctx: Ctx,
  input: { name: string; domain?: string | null; productLine: string },
): Promise<ClaimCheck> {
  if (!can(ctx, "registration:create")) throw new AppError("FORBIDDEN", "Only partners register deals");
  const nameKey = normalizeAccountName(input.name);
  if (!nameKey) return { status: "clear", namedAccount: false, directActivity: false };
  return sql.session(async (s) => {
    const productLine = await productLineByName(s, input.productLine);
    const domainKey = normalizeDomain(input.domain ?? null);
    const account = await matchAccount(s, nameKey, domainKey);
    const keys = claimKeys(account?.id ?? null, nameKey, domainKey, productLine.id);
    const holders = await activeClaimHolders(s, keys);
    // the partner's own active registration, even one that lost the claim: submitting again is refused
    const own =
      holders.some((h) => h.partnerId === ctx.partnerId) ||
      (ctx.partnerId !== null && (await ownActiveRegistration(s, partnerClaimKeys(ctx.partnerId, keys))) !== null);
    const direct = account ? await openDirectOpportunity(s, account.id) : null;
    return {
      status: own ? "own-claim" : holders.length === 0 ? "clear" : "protected",
      namedAccount: account?.namedAccount ?? false,
      directActivity: direct !== null,
    };
  });
}
