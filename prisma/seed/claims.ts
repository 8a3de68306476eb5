// Bookkeeping of who claims which deal while the demo is generated, so the data keeps the
// invariants the application enforces: one active registration per company and product line
// (docs/domain.md#duplicates-and-overlaps; by account, name and domain: lib/registrations/claim-key), and no silent overlap
// between a partner's claim and an open direct deal.
import { claimKeys, type ClaimKeys } from "../../lib/registrations/claim-key";
import type { SeedAccount, SeedProductLine } from "./world";

type Account = Pick<SeedAccount, "id" | "nameKey" | "domainKey">;

/** The application's keys: seeded registrations are always linked to their account. */
function keysOf(account: Account, productLine: Pick<SeedProductLine, "id">, domainKey: string | null): ClaimKeys {
  return claimKeys(account.id, account.nameKey, domainKey, productLine.id);
}

const held = (keys: ClaimKeys) =>
  [keys.activeClaimKey, keys.activeClaimNameKey, keys.activeClaimDomainKey].filter((k): k is string => k !== null);

export class ClaimBook {
  /** Keys held by SUBMITTED or APPROVED registrations, all three columns (their prefixes keep them apart). */
  private readonly active = new Set<string>();
  /** The partners' own keys (lib/registrations/claim-key partnerClaimKeys) held by their active registrations. */
  private readonly partnerHeld = new Set<string>();
  /** Accounts with an open direct opportunity: a partner claim there is a DIRECT_VS_PARTNER case. */
  private readonly openDirect = new Set<string>();

  /** Free for a partner's claim that raises no conflict (whether or not the partner types the domain). */
  isFree(account: SeedAccount, productLine: SeedProductLine): boolean {
    return !this.isActive(account, productLine) && !this.openDirect.has(account.nameKey);
  }

  isActive(account: SeedAccount, productLine: SeedProductLine): boolean {
    return held(keysOf(account, productLine, account.domainKey)).some((k) => this.active.has(k));
  }

  /** Takes the active claim; returns the keys to store, or throws if someone holds one of them already. */
  takeActive(account: SeedAccount, productLine: SeedProductLine, typedDomainKey: string | null): ClaimKeys {
    const keys = keysOf(account, productLine, typedDomainKey);
    const taken = held(keys).find((k) => this.active.has(k));
    if (taken) throw new Error(`active claim ${taken} is taken`);
    for (const k of held(keys)) this.active.add(k);
    return keys;
  }

  /** Records the partner keys an active registration stores; false when another already holds one. */
  takePartnerKeys(keys: readonly (string | null)[]): boolean {
    const own = keys.filter((k): k is string => k !== null);
    if (own.some((k) => this.partnerHeld.has(k))) return false;
    for (const k of own) this.partnerHeld.add(k);
    return true;
  }

  markOpenDirect(account: SeedAccount): void {
    this.openDirect.add(account.nameKey);
  }
}
