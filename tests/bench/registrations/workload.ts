// Registration requests for the load phases: every body is new. Most name a company nobody has
// registered (a coined name and domain); EXISTING_SHARE name a seeded account, typed the ways
// partners type them (exact, "THE … GMBH" without a domain, or only the website with another
// spelling), so account matching, the claim check and the overlap conflicts run.
import { normalizeAccountName } from "@/lib/accounts/normalize";
import { VERTICALS, type Vertical } from "@/lib/rules/types";
import { prng } from "../rules/generate";
import type { Generated } from "./load";
import { COUNTRY_WEIGHTS, domainFor, newCompanyName, pick, typedDomain, weighted } from "./names";

export type ExistingAccount = {
  name: string;
  nameKey: string;
  domain: string | null;
  domainKey: string | null;
  country: string;
  vertical: Vertical;
};
export type PartnerKey = { partnerId: string; partnerName: string; userId: string | null; key: string };

const DAY = 86_400_000;
const COUNTRIES = Object.entries(COUNTRY_WEIGHTS).map(([c, w]) => [c, w] as const);

/** One generator shared by all phases (so coined names never repeat); `phase` goes into the Idempotency-Key. */
export function makeWorkload(opts: {
  existing: ExistingAccount[];
  keys: PartnerKey[];
  productLines: string[];
  runTag: string;
  existingShare: number;
}) {
  const r = prng(20260401);
  let n = 0;
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());

  function account(): { kind: string; name: string; domain?: string; country: string; vertical: Vertical } {
    if (r() < opts.existingShare) {
      const a = pick(r, opts.existing);
      const x = r();
      if (x < 0.5 || !a.domainKey)
        return {
          kind: "existing",
          name: a.name,
          ...(a.domain ? { domain: a.domain } : {}),
          country: a.country,
          vertical: a.vertical,
        };
      if (x < 0.75)
        return { kind: "existing", name: `The ${a.name.toUpperCase()}`, country: a.country, vertical: a.vertical };
      const short = a.nameKey.split(" ")[0]; // "Bluefield (DE)": only the website matches
      return {
        kind: "existing",
        name: `${short[0].toUpperCase()}${short.slice(1)} (${a.country})`,
        domain: `https://www.${a.domainKey}/contact`,
        country: a.country,
        vertical: a.vertical,
      };
    }
    const country = weighted(r, COUNTRIES);
    const vertical = pick(r, VERTICALS);
    const name = newCompanyName(r, n, vertical, country);
    const domain = r() < 0.9 ? typedDomain(r, domainFor(r, normalizeAccountName(name), country)) : undefined;
    return { kind: "new", name, ...(domain ? { domain } : {}), country, vertical };
  }

  return (phase: string) => (): Generated => {
    n++;
    const { kind, ...acc } = account();
    const key = opts.keys[n % opts.keys.length];
    const body = {
      account: acc,
      productLine: pick(r, opts.productLines),
      estimatedAcv: Math.round(10 ** (3.5 + r() * 2.5)) * 100,
      expectedCloseDate: new Date(today + Math.floor(30 + r() * 150) * DAY).toISOString().slice(0, 10),
      description: "Submitted by the registration benchmark.",
    };
    return {
      kind,
      headers: {
        authorization: `Bearer ${key.key}`,
        "content-type": "application/json",
        "idempotency-key": `bench-${opts.runTag}-${phase}-${n}`,
      },
      body: JSON.stringify(body),
    };
  };
}
