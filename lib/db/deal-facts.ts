// The reference data behind a deal's facts (docs/domain.md#rules-of-engagement): region and direct presence from the
// country, product kind from the product line, partner type and tier from the caller's company.
// The facts themselves are assembled by lib/rules dealFacts, shared with the demo seed.
import "server-only";
import { dealFacts, type DealFactsParts, type Facts } from "@/lib/rules";
import { AppError } from "@/lib/errors";
import { db, sql } from "./client";
import type { Tx } from "./connect";
import { asBool, isSql, type Selected, type Sql } from "./sql";
import type { AccountTier } from "./generated/sqlite/enums";

export type PartnerFacts = {
  id: string;
  type: NonNullable<Facts["partnerType"]>;
  tier: NonNullable<Facts["partnerTier"]>;
};

export type DealFactsInput = Omit<DealFactsParts, "region" | "productLine"> & {
  /** A name (case-insensitive, looked up) or the product line a caller already resolved. */
  productLine: string | DealFactsParts["productLine"];
};

// Reference reads in plain SQL (lib/db/sql.ts): they sit on the registration hot path.

export type ProductLineRef = { id: string; name: string; kind: NonNullable<Facts["productKind"]> };
export type RegionRef = { id: string; code: string; directPresence: boolean };

export async function productLineByName(s: Sql, name: string): Promise<ProductLineRef> {
  const row = await s.get<Selected<"ProductLine", "id" | "name" | "kind">>(
    `SELECT "id", "name", "kind" FROM "ProductLine" WHERE "nameKey" = ?`,
    [name.trim().toLowerCase()],
  );
  if (!row)
    throw new AppError("VALIDATION", "Unknown product line", { productLine: [`"${name}" is not a product line`] });
  return row;
}

export type MatchedAccount = {
  id: string;
  name: string;
  tier: AccountTier;
  namedAccount: boolean;
  ownerId: string | null;
};

/** The account a submission names: by normalized domain first, then by normalized name (both indexed). */
export async function matchAccount(s: Sql, nameKey: string, domainKey: string | null): Promise<MatchedAccount | null> {
  type Row = Selected<"Account", "id" | "name" | "tier" | "namedAccount" | "ownerId">;
  const columns = `SELECT "id", "name", "tier", "namedAccount", "ownerId" FROM "Account"`;
  const row =
    (domainKey
      ? await s.get<Row>(`${columns} WHERE "domainKey" = ? ORDER BY "createdAt" ASC LIMIT 1`, [domainKey])
      : undefined) ??
    (nameKey
      ? await s.get<Row>(`${columns} WHERE "nameKey" = ? ORDER BY "createdAt" ASC LIMIT 1`, [nameKey])
      : undefined);
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    namedAccount: asBool(row.namedAccount),
    ownerId: row.ownerId ?? null,
  };
}

/** The sales region of a country; takes a plain-SQL session or a Prisma client/transaction. */
export async function regionOfCountry(country: string, client: Tx | Sql = db): Promise<RegionRef> {
  const code = country.toUpperCase();
  const region = isSql(client)
    ? await client
        .get<Selected<"Region", "id" | "code" | "directPresence">>(
          `SELECT r."id", r."code", r."directPresence" FROM "RegionCountry" c JOIN "Region" r ON r."id" = c."regionId" WHERE c."country" = ?`,
          [code],
        )
        .then((r) => r && { id: r.id, code: r.code, directPresence: asBool(r.directPresence) })
    : (
        await client.regionCountry.findUnique({
          where: { country: code },
          select: { region: { select: { id: true, code: true, directPresence: true } } },
        })
      )?.region;
  if (!region)
    throw new AppError("VALIDATION", "Unknown country", {
      "account.country": [`${country} is not in any sales region`],
    });
  return region;
}

async function partnerFacts(s: Sql, partnerId: string | null): Promise<PartnerFacts | null> {
  return partnerId
    ? ((await s.get<Selected<"Partner", "id" | "type" | "tier">>(
        `SELECT "id", "type", "tier" FROM "Partner" WHERE "id" = ?`,
        [partnerId],
      )) ?? null)
    : null;
}

/** Looks up the product line (when named) and the region, then assembles the facts. */
async function buildDealFacts(s: Sql, input: DealFactsInput): Promise<Facts> {
  const productLine =
    typeof input.productLine === "string" ? await productLineByName(s, input.productLine) : input.productLine;
  return dealFacts({ ...input, productLine, region: await regionOfCountry(input.country, s) });
}

/**
 * The facts for a partner's (or, with null, the vendor's) deal, read in one session; with the
 * account's normalized keys, the matched account's tier and named status count too.
 */
export function dealFactsFor(
  partnerId: string | null,
  input: Omit<DealFactsInput, "partner" | "account">,
  accountKeys?: { nameKey: string; domainKey: string | null },
): Promise<Facts> {
  return sql.session(async (s) => {
    const account = accountKeys?.nameKey ? await matchAccount(s, accountKeys.nameKey, accountKeys.domainKey) : null;
    return buildDealFacts(s, { ...input, account, partner: await partnerFacts(s, partnerId) });
  });
}
