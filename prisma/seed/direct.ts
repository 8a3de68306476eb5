// The direct team's own pipeline: deals the AEs create, mostly in regions with a direct team and
// on larger accounts. The engine routes each at creation; where it says co-sell, a partner is
// attached, and some direct deals record a partner's influence.
import type { AccountTier, ProductKind } from "../../lib/db/generated/sqlite/enums";
import type { ClaimBook } from "./claims";
import { drawAcv } from "./economics";
import { seedId } from "./ids";
import { type AccountPools, pickPartner } from "./matching";
import type { OpportunityInput, Pipeline, SeedOpportunity } from "./opportunities";
import { GLOBAL_ACCOUNTS_AE } from "./people";
import type { Random } from "./random";
import { addDays, workdayMoment } from "./time";
import { type SeedAccount, type SeedProductLine, type World, staffUser } from "./world";

const DIRECT_OPPORTUNITIES = 2_200;

const DIRECT_TIERS: ReadonlyArray<readonly [AccountTier, number]> = [
  ["STRATEGIC", 12],
  ["ENTERPRISE", 33],
  ["MIDMARKET", 35],
  ["SMB", 20],
];

const DIRECT_PRODUCT_MIX: ReadonlyArray<readonly [ProductKind, number]> = [
  ["CORE", 80],
  ["ADDON", 13],
  ["SERVICES", 7],
];

const TOUCH_KINDS = ["Introduction", "Joint demo", "Technical workshop", "Reference call", "Solution design review"];

export function pickProductLine(
  rng: Random,
  world: World,
  mix: ReadonlyArray<readonly [ProductKind, number]>,
): SeedProductLine {
  const kind = rng.weighted(mix);
  return world.productLines.find((p) => p.kind === kind)!;
}

/** A moment of the demo history, denser towards `now` (the business grows). */
function historyMoment(rng: Random, world: World, from = world.historyStart, to = world.now): Date {
  return workdayMoment(from, to, rng.next() ** 0.8);
}

/** Direct deals: nine in ten in the direct regions, the rest on named accounts elsewhere. */
function drawDirectAccount(rng: Random, pools: AccountPools): SeedAccount {
  if (rng.chance(0.08)) {
    const named = pools.draw(rng, ["EMEA-SECONDARY", "APAC", "LATAM"], [["STRATEGIC", 1]], true);
    if (named?.namedAccount) return named;
  }
  const region = rng.chance(0.6) ? "NA" : "EMEA-WEST";
  const account = pools.draw(rng, [region], DIRECT_TIERS, true);
  if (!account) throw new Error(`no ${region} accounts to sell to`);
  return account;
}

function attachPartners(rng: Random, world: World, pipeline: Pipeline, opp: SeedOpportunity): void {
  const share = { CO_SELL: 0.9, DIRECT_PARTNER_ATTACHED: 0.35, PARTNER_LED: 0.5, DIRECT: 0.1, MARKETPLACE: 0 }[
    opp.route
  ];
  if (rng.chance(share)) {
    const partner = pickPartner(rng, world, opp.account, {
      types: ["RESELLER", "DISTRIBUTOR", "MSP"],
      activeOnly: true,
    });
    if (partner) pipeline.attachPartner(opp, partner);
  }
  if (!opp.partner && rng.chance(0.15)) recordTouch(rng, world, opp);
}

/** A partner's touch on a direct deal, the evidence for PARTNER_INFLUENCED attribution. */
function recordTouch(rng: Random, world: World, opp: SeedOpportunity): void {
  const partner = pickPartner(rng, world, opp.account, { activeOnly: true, types: ["REFERRAL", "RESELLER", "MSP"] });
  if (!partner) return;
  opp.influencedBy = partner;
  const at = addDays(opp.createdAt, rng.int(3, 20));
  world.rows.touches.push({
    id: seedId("ptch", world.rows.touches.length + 1),
    opportunityId: opp.id,
    partnerId: partner.id,
    kind: rng.pick(TOUCH_KINDS),
    note: `${partner.name} supported the account team.`,
    at: at.getTime() < world.now.getTime() ? at : opp.createdAt,
  });
}

/**
 * AEs mostly work where the rules of engagement give them the lead; a deal the rules route to
 * partners is kept only sometimes (those become hand-offs, co-sell attachments or conflicts).
 */
const KEEP_PARTNER_LED_SHARE = 0.1;

function drawDirectDeal(
  rng: Random,
  world: World,
  pipeline: Pipeline,
  pools: AccountPools,
  aeFallback: string,
): OpportunityInput {
  for (let attempt = 0; ; attempt++) {
    const account = drawDirectAccount(rng, pools);
    const productLine = pickProductLine(rng, world, DIRECT_PRODUCT_MIX);
    const input: OpportunityInput = {
      account,
      productLine,
      acvCents: drawAcv(rng, account.tier, productLine.kind),
      createdAt: historyMoment(rng, world),
      source: "DIRECT",
      partner: null,
      aeId: account.ownerId ?? aeFallback,
      registrationStatus: "NONE",
    };
    if (attempt >= 20 || pipeline.peekRoute(input) !== "PARTNER_LED" || rng.chance(KEEP_PARTNER_LED_SHARE))
      return input;
  }
}

export function generateDirectPipeline(
  rng: Random,
  world: World,
  pipeline: Pipeline,
  pools: AccountPools,
  claims: ClaimBook,
): void {
  const globalAe = staffUser(world, GLOBAL_ACCOUNTS_AE);
  for (let i = 0; i < DIRECT_OPPORTUNITIES; i++) {
    const opp = pipeline.create(rng, drawDirectDeal(rng, world, pipeline, pools, globalAe.id));
    attachPartners(rng, world, pipeline, opp);
    if (!opp.row.closedAt) claims.markOpenDirect(opp.account);
  }
}
