// Conflict cases about money rather than claims: an AE discounting a deal a partner protects
// (PRICING_UNDERCUT, docs/domain.md#attribution-and-pricing-guardrails) and a dispute over who sourced a won deal (ATTRIBUTION_DISPUTE).
import type { ConflictResolution } from "../../lib/db/generated/sqlite/enums";
import { type CaseOptions, type ConflictContext, casePath } from "./conflict-cases";
import { type ConflictCase, caseCriteria, resolutionTags } from "./conflict-record";
import { drawOpenLevel, openPath } from "./conflict-lifecycle";
import { driftAcv } from "./economics";
import { GLOBAL_ACCOUNTS_AE } from "./people";
import type { SeedOpportunity } from "./opportunities";
import type { Random } from "./random";
import type { SeedRegistration } from "./registrations";
import { addDays, addHours, minDate } from "./time";
import { staffUser } from "./world";

const UNDERCUT_RESOLUTIONS: ReadonlyArray<readonly [ConflictResolution, number]> = [
  ["AWARD_PARTNER", 55],
  ["DISMISSED", 25],
  ["SPLIT", 20],
];

const UNDERCUT_RATIONALE: Partial<Record<ConflictResolution, string>> = {
  AWARD_PARTNER: "The direct quote is withdrawn; the partner keeps the deal under its protection.",
  DISMISSED: "Deal desk approved the discount to displace a competitor; the partner was informed.",
  SPLIT: "The customer bought on the direct paper after the partner's work: credit is split.",
};

function protectedRegistration(
  rng: Random,
  ctx: ConflictContext,
  open: boolean,
  partnerId?: string,
): SeedRegistration | null {
  const oldest = addDays(ctx.world.now, -60).getTime();
  const candidates = ctx.desk.registrations.filter(
    (r) =>
      !ctx.recorder.used.has(r.id) &&
      r.times.protectedUntil !== null &&
      r.account.region.directPresence &&
      !r.account.namedAccount &&
      (!partnerId || r.partner.id === partnerId) &&
      (open
        ? r.status === "APPROVED"
        : (r.status === "CONVERTED" || r.status === "EXPIRED") && r.times.decidedAt!.getTime() < oldest),
  );
  return candidates.length ? rng.pick(candidates) : null;
}

/** An AE quotes below the corridor on a deal a partner protects. */
export function pricingUndercutCase(rng: Random, ctx: ConflictContext, o: CaseOptions): ConflictCase | null {
  const { world, pipeline } = ctx;
  const reg = protectedRegistration(rng, ctx, o.open, o.partner?.id);
  if (!reg) return null;
  const decidedAt = reg.times.decidedAt!;
  const path = o.open ? casePath(rng, world, o) : null;
  if (path && path.openedAt.getTime() < addDays(decidedAt, 2).getTime()) return null;
  const openedAt =
    path?.openedAt ?? minDate(addDays(decidedAt, rng.int(5, 40)), addDays(reg.times.protectedUntil!, -2));
  const resolution = o.open ? null : rng.weighted(UNDERCUT_RESOLUTIONS);
  const opp = pipeline.create(rng, {
    account: reg.account,
    productLine: reg.productLine,
    acvCents: driftAcv(rng, Number(reg.row.estimatedAcvCents)),
    createdAt: addHours(openedAt, -rng.int(2, 48)),
    source: "DIRECT",
    partner: null,
    aeId: reg.account.ownerId ?? staffUser(world, GLOBAL_ACCOUNTS_AE).id,
    registrationStatus: "NONE",
    aggressiveDiscount: true,
    outcome: resolution === "AWARD_PARTNER" ? "LOST" : undefined,
  });
  if (!opp.row.closedAt) ctx.claims.markOpenDirect(opp.account);
  const p = path ?? casePath(rng, world, o, openedAt);
  const c: ConflictCase = {
    type: "PRICING_UNDERCUT",
    path: p,
    account: reg.account,
    opportunity: opp,
    registrations: [reg],
    partners: [reg.partner],
    directUserId: opp.aeId,
    summary: `A direct quote at ${opp.row.discountPct}% discount on ${reg.account.name} (${reg.productLine.name}) while a partner holds protection.`,
    resolution,
    rationale: resolution ? UNDERCUT_RATIONALE[resolution]! : null,
    splitPct: resolution === "SPLIT" ? rng.pick([40, 50]) : undefined,
    tags: [],
    criteria: caseCriteria(rng, opp, reg.decision, "PARTNER"),
  };
  c.tags = resolutionTags(c, ["discount", "pricing-corridor"]);
  return c;
}

const DISPUTE_RESOLUTIONS: ReadonlyArray<readonly [ConflictResolution, number]> = [
  ["SPLIT", 50],
  ["AWARD_PARTNER", 20],
  ["AWARD_DIRECT", 20],
  ["DISMISSED", 10],
];

const DISPUTE_RATIONALE: Partial<Record<ConflictResolution, string>> = {
  SPLIT: "Both sides contributed to sourcing: credit is split as recorded on the parties.",
  AWARD_PARTNER: "The partner's first meeting and registration trail show it sourced the deal.",
  AWARD_DIRECT: "The account team's activity predates the partner's involvement; direct keeps the credit.",
  DISMISSED: "The attribution already reflects the recorded activity; no change.",
};

/** The partner behind a won deal, by registration, attachment or touch. */
export function partnerOf(opp: SeedOpportunity) {
  return opp.partner ?? opp.influencedBy;
}

function wonDeal(rng: Random, ctx: ConflictContext, from: Date, to: Date, partnerId?: string): SeedOpportunity | null {
  const candidates = ctx.pipeline.opportunities.filter((x) => {
    const closed = x.row.closedAt?.getTime();
    const partner = partnerOf(x);
    return (
      x.stage === "CLOSED_WON" &&
      closed !== undefined &&
      closed >= from.getTime() &&
      closed < to.getTime() &&
      partner !== null &&
      partner.type !== "MARKETPLACE" &&
      (!partnerId || partner.id === partnerId) &&
      !ctx.recorder.used.has(x.id)
    );
  });
  return candidates.length ? rng.pick(candidates) : null;
}

/** After a win, the partner and the account team disagree over who sourced it. */
export function attributionDisputeCase(rng: Random, ctx: ConflictContext, o: CaseOptions): ConflictCase | null {
  const { world } = ctx;
  const now = world.now;
  let path = o.open ? openPath(rng, now, o.level ?? drawOpenLevel(rng), o.overdue ?? rng.chance(0.25)) : null;
  const won = o.open
    ? wonDeal(rng, ctx, addDays(path!.openedAt, -45), addHours(path!.openedAt, -12), o.partner?.id)
    : wonDeal(rng, ctx, world.historyStart, addDays(now, -20), o.partner?.id);
  if (!won) return null;
  const partner = partnerOf(won)!;
  path ??= casePath(rng, world, o, addDays(won.row.closedAt!, rng.int(1, 10)));
  const resolution = o.open ? null : rng.weighted(DISPUTE_RESOLUTIONS);
  const registration = ctx.desk.registrations.find((r) => r.id === won.registrationId);
  const c: ConflictCase = {
    type: "ATTRIBUTION_DISPUTE",
    path,
    account: won.account,
    opportunity: won,
    registrations: registration ? [registration] : [],
    partners: [partner],
    directUserId: won.aeId ?? won.account.ownerId ?? staffUser(world, GLOBAL_ACCOUNTS_AE).id,
    summary: `Sourcing credit for "${won.row.name}" is disputed between a partner and the account team.`,
    resolution,
    rationale: resolution ? DISPUTE_RATIONALE[resolution]! : null,
    splitPct: resolution === "SPLIT" ? rng.pick([30, 40, 50, 60]) : undefined,
    tags: [],
    criteria: caseCriteria(rng, won, null, registration ? "PARTNER" : "DIRECT"),
  };
  c.tags = resolutionTags(c, resolution === "SPLIT" ? ["split-credit", "attribution"] : ["attribution"]);
  return c;
}
