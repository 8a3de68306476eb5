// The key of an active claim (DealRegistration.activeClaimKey, unique): one active registration
// per account and product line. A matched account is keyed by its id, so two spellings of the
// same company (matched by name or domain) collide; an unmatched one by its normalized name.
export function claimKey(accountId: string | null, nameKey: string, productLineId: string): string {
  return `${accountId ? `a:${accountId}` : `n:${nameKey}`}|${productLineId}`;
}
