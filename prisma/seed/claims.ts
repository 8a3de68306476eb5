// Bookkeeping of who claims which deal while the demo is generated, so the data keeps the
// invariants the application enforces: one active registration per account and product line
// (DESIGN §4.2), and no silent overlap between a partner's claim and an open direct deal.
import { claimKey as appClaimKey } from "../../lib/registrations/claim-key";
import type { SeedAccount, SeedProductLine } from "./world";

/** The application's key: seeded registrations are always linked to their account. */
export function claimKey(account: Pick<SeedAccount, "id" | "nameKey">, productLine: Pick<SeedProductLine, "id">): string {
  return appClaimKey(account.id, account.nameKey, productLine.id);
}

export class ClaimBook {
  /** Keys held by SUBMITTED or APPROVED registrations: DealRegistration.activeClaimKey. */
  private readonly active = new Set<string>();
  /** Accounts with an open direct opportunity: a partner claim there is a DIRECT_VS_PARTNER case. */
  private readonly openDirect = new Set<string>();

  /** Free for a partner's claim that raises no conflict. */
  isFree(account: SeedAccount, productLine: SeedProductLine): boolean {
    return !this.active.has(claimKey(account, productLine)) && !this.openDirect.has(account.nameKey);
  }

  isActive(account: SeedAccount, productLine: SeedProductLine): boolean {
    return this.active.has(claimKey(account, productLine));
  }

  /** Takes the active claim; returns the key to store, or throws if someone holds it already. */
  takeActive(account: SeedAccount, productLine: SeedProductLine): string {
    const key = claimKey(account, productLine);
    if (this.active.has(key)) throw new Error(`active claim ${key} is taken`);
    this.active.add(key);
    return key;
  }

  markOpenDirect(account: SeedAccount): void {
    this.openDirect.add(account.nameKey);
  }
}
