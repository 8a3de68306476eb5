// ~2,000 customer accounts across every region, vertical and tier (docs/domain.md#demo-data). Names and domains
// are unique after normalization, so every registration typed against them matches exactly one.
import { normalizeAccountName, normalizeDomain } from "../../lib/accounts/normalize";
import type { AccountTier, Vertical } from "../../lib/db/generated/sqlite/enums";
import { VERTICALS } from "../../lib/rules";
import { seedId } from "./ids";
import { companyDomain, companyName } from "./names";
import { GLOBAL_ACCOUNTS_AE } from "./people";
import type { Random } from "./random";
import { addDays } from "./time";
import type { Rows, SeedAccount, SeedRegion, SeedUser } from "./world";

const ACCOUNT_COUNT = 2_000;

/** Relative share of accounts per country: the vendor's base is mostly in its direct regions. */
const COUNTRY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ["US", 36],
  ["CA", 4],
  ["GB", 8],
  ["DE", 6],
  ["FR", 4],
  ["NL", 2.5],
  ["IE", 1],
  ["BE", 1],
  ["CH", 1.5],
  ["AT", 1],
  ["ES", 1.5],
  ["IT", 1.5],
  ["PT", 0.5],
  ["SE", 1],
  ["DK", 0.7],
  ["NO", 0.6],
  ["FI", 0.5],
  ["LU", 0.2],
  ["PL", 2],
  ["CZ", 1],
  ["HU", 0.7],
  ["AE", 1.5],
  ["ZA", 1.3],
  ["SA", 0.8],
  ["TR", 0.9],
  ["IL", 1],
  ["RO", 0.5],
  ["GR", 0.3],
  ["KE", 0.3],
  ["NG", 0.3],
  ["EG", 0.2],
  ["SK", 0.2],
  ["SG", 2],
  ["AU", 3.5],
  ["JP", 2.5],
  ["IN", 2.5],
  ["NZ", 0.6],
  ["KR", 0.9],
  ["HK", 0.6],
  ["MY", 0.4],
  ["ID", 0.3],
  ["TH", 0.2],
  ["PH", 0.2],
  ["VN", 0.1],
  ["BR", 2.8],
  ["MX", 1.8],
  ["AR", 0.8],
  ["CL", 0.7],
  ["CO", 0.6],
  ["PE", 0.3],
  ["UY", 0.2],
];

const VERTICAL_WEIGHTS: ReadonlyArray<readonly [Vertical, number]> = VERTICALS.map((v) => [
  v,
  (
    {
      TECHNOLOGY: 16,
      FINANCIAL_SERVICES: 12,
      HEALTHCARE: 10,
      MANUFACTURING: 11,
      RETAIL: 9,
      BUSINESS_SERVICES: 9,
    } as Partial<Record<Vertical, number>>
  )[v] ?? 5.5,
]);

const TIER_WEIGHTS: ReadonlyArray<readonly [AccountTier, number]> = [
  ["STRATEGIC", 4],
  ["ENTERPRISE", 16],
  ["MIDMARKET", 35],
  ["SMB", 45],
];

/** Share of strategic accounts reserved for direct as named accounts (~3% of all accounts). */
const NAMED_SHARE_OF_STRATEGIC = 0.75;

/** Without a domain on file the account can still be matched by name. */
const SHARE_WITH_DOMAIN = 0.94;

interface Territories {
  byCountry: Map<string, SeedUser[]>;
  globalAe: SeedUser;
}

function territories(aes: readonly SeedUser[]): Territories {
  const byCountry = new Map<string, SeedUser[]>();
  for (const ae of aes) for (const c of ae.territory) byCountry.set(c, [...(byCountry.get(c) ?? []), ae]);
  const globalAe = aes.find((ae) => ae.key === GLOBAL_ACCOUNTS_AE);
  if (!globalAe) throw new Error("the global accounts AE is missing");
  return { byCountry, globalAe };
}

/** Direct regions assign every account to a territory AE; elsewhere only named accounts have one. */
function ownerOf(rng: Random, t: Territories, country: string, named: boolean): string | null {
  const local = t.byCountry.get(country);
  if (local?.length) return rng.pick(local).id;
  return named ? t.globalAe.id : null;
}

export function generateAccounts(
  rng: Random,
  rows: Rows,
  regionOfCountry: ReadonlyMap<string, SeedRegion>,
  aes: readonly SeedUser[],
  historyStart: Date,
): SeedAccount[] {
  const t = territories(aes);
  const nameKeys = new Set<string>();
  const domainKeys = new Set<string>();
  const accounts: SeedAccount[] = [];
  while (accounts.length < ACCOUNT_COUNT) {
    const country = rng.weighted(COUNTRY_WEIGHTS);
    const vertical = rng.weighted(VERTICAL_WEIGHTS);
    const { name, slug } = companyName(rng, vertical, country);
    const nameKey = normalizeAccountName(name);
    const domain = rng.chance(SHARE_WITH_DOMAIN) ? companyDomain(slug, vertical, country) : null;
    const domainKey = normalizeDomain(domain);
    if (nameKeys.has(nameKey) || (domainKey && domainKeys.has(domainKey))) continue; // draw another
    nameKeys.add(nameKey);
    if (domainKey) domainKeys.add(domainKey);

    const tier = rng.weighted(TIER_WEIGHTS);
    const namedAccount = tier === "STRATEGIC" && rng.chance(NAMED_SHARE_OF_STRATEGIC);
    const region = regionOfCountry.get(country);
    if (!region) throw new Error(`country ${country} has no region`);
    const account: SeedAccount = {
      id: seedId("acc", accounts.length + 1),
      name,
      nameKey,
      domain,
      domainKey,
      country,
      region,
      vertical,
      tier,
      namedAccount,
      ownerId: ownerOf(rng, t, country, namedAccount),
    };
    accounts.push(account);
    const createdAt = addDays(historyStart, -rng.int(20, 900));
    rows.accounts.push({
      id: account.id,
      name,
      nameKey,
      domain,
      domainKey,
      country,
      regionId: region.id,
      vertical,
      tier,
      namedAccount,
      ownerId: account.ownerId,
      createdAt,
      updatedAt: createdAt,
    });
  }
  return accounts;
}
