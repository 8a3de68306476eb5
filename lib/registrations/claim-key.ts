// The keys of an active claim: one active registration per account and product line, held while
// the registration awaits or holds protection and null otherwise. Both columns are unique, so the
// database settles races:
// - DealRegistration.activeClaimKey: a matched account by its id, so two spellings of the same
//   company (matched by name or domain) collide; an unmatched one by its normalized name;
// - DealRegistration.activeClaimDomainKey: the typed domain, when there is one, so two spellings
//   of a company no account matches yet ("Acme GmbH", "Acme Holdings" at acme.example) collide too.
export function claimKey(accountId: string | null, nameKey: string, productLineId: string): string {
  return `${accountId ? `a:${accountId}` : `n:${nameKey}`}|${productLineId}`;
}

export function domainClaimKey(domainKey: string | null, productLineId: string): string | null {
  return domainKey ? `d:${domainKey}|${productLineId}` : null;
}

/** Both keys of one claim, as stored on the registration. */
export function claimKeys(accountId: string | null, nameKey: string, domainKey: string | null, productLineId: string) {
  return { activeClaimKey: claimKey(accountId, nameKey, productLineId), activeClaimDomainKey: domainClaimKey(domainKey, productLineId) };
}

/** Released: the registration holds nothing. */
export const NO_CLAIM = { activeClaimKey: null, activeClaimDomainKey: null } as const;
