// Who plausibly works with whom: partners that serve an account's region (and, preferably, its
// vertical), and accounts a partner would register. Keeps the demo's relationships believable.
import type { AccountTier, PartnerTier, PartnerType } from "../../lib/db/generated/sqlite/enums";
import type { Random } from "./random";
import type { SeedAccount, SeedPartner, World } from "./world";

const TIER_WEIGHT: Readonly<Record<PartnerTier, number>> = { PLATINUM: 5, GOLD: 3, SILVER: 1.6, REGISTERED: 0.7 };
const TYPE_WEIGHT: Readonly<Record<PartnerType, number>> = {
  RESELLER: 1,
  DISTRIBUTOR: 1.1,
  MSP: 0.8,
  REFERRAL: 0.6,
  MARKETPLACE: 0.7,
};

/** How active a partner is in deal registration, relative to the others. */
export function partnerActivity(partner: SeedPartner): number {
  return TIER_WEIGHT[partner.tier] * TYPE_WEIGHT[partner.type];
}

export interface PickPartnerOptions {
  types?: readonly PartnerType[];
  exclude?: ReadonlySet<string>;
  /** Suspended and terminated partners only appear in the older history. */
  activeOnly?: boolean;
}

/** A partner serving the account's region, favouring its vertical; null when none fits. */
export function pickPartner(
  rng: Random,
  world: World,
  account: SeedAccount,
  options: PickPartnerOptions = {},
): SeedPartner | null {
  const candidates = world.partners.filter(
    (p) =>
      p.regionCodes.includes(account.region.code) &&
      (!options.types || options.types.includes(p.type)) &&
      !options.exclude?.has(p.id) &&
      (!options.activeOnly || p.status === "ACTIVE"),
  );
  if (candidates.length === 0) return null;
  return rng.weighted(
    candidates.map((p) => [p, partnerActivity(p) * (p.verticals.includes(account.vertical) ? 3 : 1)] as const),
  );
}

/** Accounts grouped for quick draws: by region code and tier. */
export class AccountPools {
  private readonly byRegionTier = new Map<string, SeedAccount[]>();

  constructor(accounts: readonly SeedAccount[]) {
    for (const a of accounts) {
      const key = `${a.region.code}|${a.tier}`;
      const list = this.byRegionTier.get(key) ?? [];
      list.push(a);
      this.byRegionTier.set(key, list);
    }
  }

  /** A random account of one of the regions, drawn by tier weight; named accounts only if allowed. */
  draw(
    rng: Random,
    regionCodes: readonly string[],
    tierWeights: ReadonlyArray<readonly [AccountTier, number]>,
    allowNamed: boolean,
  ): SeedAccount | null {
    for (let attempt = 0; attempt < 20; attempt++) {
      const region = rng.pick(regionCodes);
      const tier = rng.weighted(tierWeights);
      const pool = this.byRegionTier.get(`${region}|${tier}`);
      if (!pool?.length) continue;
      const account = rng.pick(pool);
      if (allowNamed || !account.namedAccount) return account;
    }
    return null;
  }

  /** A random account preferring the partner's verticals (three in four draws, when one exists). */
  drawForPartner(
    rng: Random,
    partner: SeedPartner,
    tierWeights: ReadonlyArray<readonly [AccountTier, number]>,
  ): SeedAccount | null {
    const wantVertical = rng.chance(0.75);
    for (let attempt = 0; attempt < 30; attempt++) {
      const account = this.draw(rng, partner.regionCodes, tierWeights, false);
      if (account && (!wantVertical || partner.verticals.includes(account.vertical))) return account;
    }
    return this.draw(rng, partner.regionCodes, tierWeights, false);
  }
}
