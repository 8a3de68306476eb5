// The keys of an active claim: one active registration per company and product line, held while
// the registration awaits or holds protection and null otherwise. Each key has its own unique
// column, so the database settles races whichever of them two claims share:
// - activeClaimKey: a matched account by its id ("a:"), so two spellings of one company matched to
//   it collide; before any account matches, the normalized name ("n:");
// - activeClaimNameKey: the normalized name, always, so a claim made before the company's account
//   existed still collides with one made after;
// - activeClaimDomainKey: the typed domain, when there is one, so "Acme GmbH" and "Acme Holdings"
//   at acme.example collide although no account matches either yet.
function claimKey(accountId: string | null, nameKey: string, productLineId: string): string {
  return accountId ? `a:${accountId}|${productLineId}` : nameClaimKey(nameKey, productLineId);
}

function nameClaimKey(nameKey: string, productLineId: string): string {
  return `n:${nameKey}|${productLineId}`;
}

function domainClaimKey(domainKey: string | null, productLineId: string): string | null {
  return domainKey ? `d:${domainKey}|${productLineId}` : null;
}

export type ClaimKeys = { activeClaimKey: string; activeClaimNameKey: string; activeClaimDomainKey: string | null };

/** All keys of one claim, as stored on the registration. */
export function claimKeys(
  accountId: string | null,
  nameKey: string,
  domainKey: string | null,
  productLineId: string,
): ClaimKeys {
  return {
    activeClaimKey: claimKey(accountId, nameKey, productLineId),
    activeClaimNameKey: nameClaimKey(nameKey, productLineId),
    activeClaimDomainKey: domainClaimKey(domainKey, productLineId),
  };
}

/** Released: the registration holds nothing. */
export const NO_CLAIM = { activeClaimKey: null, activeClaimNameKey: null, activeClaimDomainKey: null } as const;

// The same keys scoped to the registering partner ("<partnerId>|<claim key>"), held by every
// active (submitted or approved) registration of that partner, whether or not it holds the claim
// itself: a registration that lost the claim to another partner holds these still. Their unique
// columns refuse a partner a second active registration for one company and product line, even
// when two of its submissions arrive at the same instant.
export type PartnerClaimKeys = {
  partnerClaimKey: string;
  partnerClaimNameKey: string;
  partnerClaimDomainKey: string | null;
};

export function partnerClaimKeys(partnerId: string, keys: ClaimKeys): PartnerClaimKeys {
  return {
    partnerClaimKey: `${partnerId}|${keys.activeClaimKey}`,
    partnerClaimNameKey: `${partnerId}|${keys.activeClaimNameKey}`,
    partnerClaimDomainKey: keys.activeClaimDomainKey ? `${partnerId}|${keys.activeClaimDomainKey}` : null,
  };
}

/** No longer active (rejected, withdrawn, expired): the partner may register the company again. */
export const NO_PARTNER_CLAIM = {
  partnerClaimKey: null,
  partnerClaimNameKey: null,
  partnerClaimDomainKey: null,
} as const;
