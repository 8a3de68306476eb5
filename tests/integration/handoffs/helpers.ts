// Shared set-up for the hand-off integration tests: a region of its own with partners whose
// ranking is known (so the demo data's partners never take part), an account there, and a direct
// deal with a partner-needing route and no partner, queued through the hook the opportunity writes call.
import type { Ctx } from "@/lib/auth/types";
import { normalizeAccountName } from "@/lib/accounts/normalize";
import { db } from "@/lib/db/client";
import { queueCoverageGap } from "@/lib/db/handoff-writes";
import { transaction } from "@/lib/db/transaction";
import type { Route } from "@/lib/rules/values";
import { ctxFor } from "../../support/contexts";

let n = 0;
const stamp = () => `${Date.now().toString(36)}${++n}${Math.round(Math.random() * 1e4)}`;

export type World = {
  regionId: string;
  /** by ranking for a HEALTHCARE deal: gold (serves healthcare) > silver (healthcare) > platinum (not) */
  gold: { id: string; ctx: Ctx };
  silver: { id: string; ctx: Ctx };
  platinum: { id: string; ctx: Ctx };
  marketplaceId: string;
  accountId: string;
  accountName: string;
  ops: Ctx;
  ae: Ctx;
};

async function partner(
  regionId: string,
  s: string,
  name: string,
  tier: "GOLD" | "SILVER" | "PLATINUM",
  healthcare: boolean,
  type: "RESELLER" | "MARKETPLACE" = "RESELLER",
) {
  const p = await db.partner.create({
    data: {
      name: `${name} ${s}`,
      nameKey: `${name} ${s}`.toLowerCase(),
      type,
      tier,
      regions: { create: [{ regionId }] },
      verticals: healthcare ? { create: [{ vertical: "HEALTHCARE" }] } : undefined,
    },
    select: { id: true },
  });
  const email = `${name.toLowerCase()}-${s}@handoff.test`;
  await db.user.create({ data: { email, name: `${name} user`, passwordHash: "x", role: "PARTNER", partnerId: p.id } });
  return { id: p.id, ctx: await ctxFor(email) };
}

export async function world(): Promise<World> {
  const s = stamp();
  const region = await db.region.create({ data: { code: `T-${s}`, name: `Test region ${s}`, directPresence: false } });
  const [gold, silver, platinum, market] = [
    await partner(region.id, s, "Goldco", "GOLD", true),
    await partner(region.id, s, "Silverco", "SILVER", true),
    await partner(region.id, s, "Platco", "PLATINUM", false),
    await partner(region.id, s, "Marketco", "PLATINUM", true, "MARKETPLACE"),
  ];
  const accountName = `Handoff Clinic ${s}`;
  const account = await db.account.create({
    data: {
      name: accountName,
      nameKey: normalizeAccountName(accountName),
      country: "PL",
      regionId: region.id,
      vertical: "HEALTHCARE",
      tier: "MIDMARKET",
      ownerId: (await db.user.findUniqueOrThrow({ where: { email: "ae@accord.test" }, select: { id: true } })).id,
    },
    select: { id: true },
  });
  return {
    regionId: region.id,
    gold,
    silver,
    platinum,
    marketplaceId: market.id,
    accountId: account.id,
    accountName,
    ops: await ctxFor("ops@accord.test"),
    ae: await ctxFor("ae@accord.test"),
  };
}

/** A direct deal of the AE on the world's account; queued (the hook) unless told not to. */
export async function directDeal(
  w: World,
  now: Date,
  opts: { route?: Route; partnerId?: string | null; queue?: boolean; stage?: "PROSPECT" | "CLOSED_LOST" } = {},
) {
  const productLine = await db.productLine.findFirstOrThrow({ where: { name: "Platform" }, select: { id: true } });
  const opp = await db.opportunity.create({
    data: {
      name: `${w.accountName} — Platform`,
      accountId: w.accountId,
      productLineId: productLine.id,
      acvCents: 18_000_000n,
      stage: opts.stage ?? "PROSPECT",
      closeDate: new Date("2027-03-31T00:00:00Z"),
      source: "DIRECT",
      aeId: w.ae.userId,
      partnerId: opts.partnerId ?? null,
      route: opts.route ?? "PARTNER_LED",
    },
    select: { id: true },
  });
  if (opts.queue !== false) await transaction(db, (tx) => queueCoverageGap(tx, w.ae, opp.id, now));
  return opp.id;
}

export function openOfferOf(opportunityId: string) {
  return db.handoff.findFirst({ where: { opportunityId, status: "OFFERED" } });
}

export async function statusOf(code: () => Promise<unknown>): Promise<string> {
  try {
    await code();
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
