// Assembling the facts of docs/domain.md#rules-of-engagement for one deal from reference data the caller already resolved
// (region of the country, kind of the product line, the partner, the matched account). The one
// builder used by registration submission, the route preview and the demo seed, so they decide
// on exactly the same facts. Pure: the decision time is an argument.
import type {
  AccountTier,
  Facts,
  PartnerTier,
  PartnerType,
  ProductKind,
  RegistrationStatusFact,
  Route,
  Stage,
  Vertical,
} from "./types";

export interface DealFactsParts {
  acvCents: number;
  currency?: string;
  vertical: Vertical;
  country: string;
  region: { code: string; directPresence: boolean };
  productLine: { name: string; kind: ProductKind };
  account?: { tier: AccountTier; namedAccount: boolean } | null;
  partner?: { id: string; type: PartnerType; tier: PartnerTier } | null;
  registrationStatus?: RegistrationStatusFact;
  registeredFirst?: boolean | null;
  priorRoute?: Route | null;
  stage?: Stage | null;
  at: Date;
}

/** The complete fact set for one deal; facts that do not apply are null. */
export function dealFacts(p: DealFactsParts): Facts {
  return {
    acv: p.acvCents,
    currency: p.currency ?? "USD",
    vertical: p.vertical,
    country: p.country.toUpperCase(),
    region: p.region.code,
    regionDirectPresence: p.region.directPresence,
    productLine: p.productLine.name,
    productKind: p.productLine.kind,
    accountTier: p.account?.tier ?? null,
    namedAccount: p.account?.namedAccount ?? false,
    partnerId: p.partner?.id ?? null,
    partnerType: p.partner?.type ?? null,
    partnerTier: p.partner?.tier ?? null,
    registrationStatus: p.registrationStatus ?? "NONE",
    registeredFirst: p.registeredFirst ?? null,
    priorRoute: p.priorRoute ?? null,
    stage: p.stage ?? null,
    at: p.at.toISOString(),
  };
}
