// The partners' side of the pipeline: ~1,500 deal registrations in every status, weighted towards
// active, higher-tier partners. Northwind Systems and Contoso Partners — the demo sign-ins — get
// one registration in every status and variant first, so their portal always shows each case.
import type { RegistrationStatus } from "../../lib/db/generated/sqlite/enums";
import { partnerActivity } from "./matching";
import type { Random } from "./random";
import type { RegistrationVariant } from "./registration-times";
import type { RegistrationDesk } from "./registrations";
import type { SeedPartner, World } from "./world";

type Quota = readonly [RegistrationStatus, RegistrationVariant, number];

/** How many registrations end up in each status at `now` (showcase ones included). */
const REGISTRATION_QUOTAS: readonly Quota[] = [
  ["CONVERTED", "normal", 1_000],
  ["REJECTED", "normal", 130],
  ["EXPIRED", "normal", 110],
  ["WITHDRAWN", "normal", 30],
  ["WITHDRAWN", "afterApproval", 30],
  ["APPROVED", "normal", 128],
  ["APPROVED", "expiring", 22],
  ["SUBMITTED", "normal", 24],
  ["SUBMITTED", "overdue", 12],
];

const SHOWCASE_PARTNERS = ["Northwind Systems", "Contoso Partners"] as const;

const SHOWCASE: readonly Quota[] = [
  ["SUBMITTED", "normal", 1],
  ["SUBMITTED", "overdue", 1],
  ["APPROVED", "normal", 2],
  ["APPROVED", "expiring", 1],
  ["REJECTED", "normal", 1],
  ["EXPIRED", "normal", 1],
  ["WITHDRAWN", "normal", 1],
  ["WITHDRAWN", "afterApproval", 1],
  ["CONVERTED", "normal", 4],
];

const ACTIVE_STATUSES: ReadonlySet<RegistrationStatus> = new Set(["SUBMITTED", "APPROVED"]);

export function showcasePartners(world: World): SeedPartner[] {
  return SHOWCASE_PARTNERS.map((name) => {
    const partner = world.partners.find((p) => p.name === name);
    if (!partner) throw new Error(`showcase partner ${name} is missing`);
    return partner;
  });
}

function drawPartner(rng: Random, world: World, status: RegistrationStatus): SeedPartner {
  const eligible = world.partners.filter((p) => p.status === "ACTIVE" || !ACTIVE_STATUSES.has(status));
  return rng.weighted(eligible.map((p) => [p, partnerActivity(p)] as const));
}

export function generatePartnerPipeline(rng: Random, world: World, desk: RegistrationDesk): void {
  const remaining = new Map(REGISTRATION_QUOTAS.map(([s, v, n]) => [`${s}|${v}`, n]));
  const take = (status: RegistrationStatus, variant: RegistrationVariant, partner: SeedPartner) => {
    if (desk.register(rng, { status, variant, partner })) {
      const key = `${status}|${variant}`;
      remaining.set(key, (remaining.get(key) ?? 0) - 1);
    }
  };
  for (const partner of showcasePartners(world)) {
    for (const [status, variant, n] of SHOWCASE) for (let i = 0; i < n; i++) take(status, variant, partner);
  }
  for (const [status, variant] of REGISTRATION_QUOTAS) {
    // bounded: a partner without a fitting deal is skipped and another drawn
    for (let guard = 0; (remaining.get(`${status}|${variant}`) ?? 0) > 0 && guard < 10_000; guard++) {
      take(status, variant, drawPartner(rng, world, status));
    }
  }
}
