// The facts of DESIGN §3 for a partner's deal, assembled from reference data: region and direct
// presence from the country, product kind from the product line, partner type and tier from the
// caller's company, account tier and named flag from a matched account. Used by the route preview
// and by registration submission so both decide on exactly the same facts.
import "server-only";
import type { Facts, RegistrationStatus, Route } from "@/lib/rules";
import { AppError } from "@/lib/errors";
import { db } from "./client";
import type { Tx } from "./connect";

export type PartnerFacts = { id: string; type: NonNullable<Facts["partnerType"]>; tier: NonNullable<Facts["partnerTier"]> };

export type DealFactsInput = {
  partner: PartnerFacts | null;
  country: string;
  vertical: NonNullable<Facts["vertical"]>;
  /** A name (case-insensitive, looked up) or the product line a caller already resolved. */
  productLine: string | { name: string; kind: NonNullable<Facts["productKind"]> };
  acvCents: number;
  currency?: string;
  account?: { tier: NonNullable<Facts["accountTier"]>; namedAccount: boolean } | null;
  registrationStatus?: RegistrationStatus;
  registeredFirst?: boolean | null;
  priorRoute?: Route | null;
  at: Date;
};

export async function productLineByName(name: string, client: Tx = db) {
  const row = await client.productLine.findUnique({ where: { nameKey: name.trim().toLowerCase() }, select: { id: true, name: true, kind: true } });
  if (!row) throw new AppError("VALIDATION", "Unknown product line", { productLine: [`"${name}" is not a product line`] });
  return row;
}

export async function regionOfCountry(country: string, client: Tx = db) {
  const row = await client.regionCountry.findUnique({ where: { country: country.toUpperCase() }, select: { region: { select: { id: true, code: true, directPresence: true } } } });
  if (!row) throw new AppError("VALIDATION", "Unknown country", { "account.country": [`${country} is not in any sales region`] });
  return row.region;
}

export async function partnerFacts(partnerId: string | null, client: Tx = db): Promise<PartnerFacts | null> {
  return partnerId ? client.partner.findUnique({ where: { id: partnerId }, select: { id: true, type: true, tier: true } }) : null;
}

export async function buildDealFacts(input: DealFactsInput, client: Tx = db): Promise<Facts> {
  const { partner } = input;
  const [productLine, region] = await Promise.all([
    typeof input.productLine === "string" ? productLineByName(input.productLine, client) : input.productLine,
    regionOfCountry(input.country, client),
  ]);
  return {
    acv: input.acvCents,
    currency: input.currency ?? "USD",
    vertical: input.vertical,
    country: input.country.toUpperCase(),
    region: region.code,
    regionDirectPresence: region.directPresence,
    productLine: productLine.name,
    productKind: productLine.kind,
    accountTier: input.account?.tier ?? null,
    namedAccount: input.account?.namedAccount ?? false,
    partnerId: partner?.id ?? null,
    partnerType: partner?.type ?? null,
    partnerTier: partner?.tier ?? null,
    registrationStatus: input.registrationStatus ?? "NONE",
    registeredFirst: input.registeredFirst ?? null,
    priorRoute: input.priorRoute ?? null,
    stage: null,
    at: input.at.toISOString(),
  };
}
