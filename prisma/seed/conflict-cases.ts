// Conflict cases born from a registration (docs/domain.md#duplicates-and-overlaps): two partners claiming the same deal, a
// partner claiming a deal the direct team already works, and a claim on a named account. Each
// builds the registrations involved with timing consistent with the case's life.
import type { ConflictResolution } from "../../lib/db/generated/sqlite/enums";
import type { ClaimBook } from "./claims";
import { type ConflictCase, type ConflictRecorder, caseCriteria, resolutionTags } from "./conflict-record";
import { type ConflictPath, drawOpenLevel, drawResolvedLevel, openPath, resolvedPath } from "./conflict-lifecycle";
import { driftAcv } from "./economics";
import { type AccountPools, partnerActivity, pickPartner } from "./matching";
import type { Pipeline, SeedOpportunity } from "./opportunities";
import type { Random } from "./random";
import { fixedTimes } from "./registration-times";
import type { RegistrationDesk } from "./registrations";
import { addDays, addHours } from "./time";
import type { SeedPartner, World } from "./world";

export interface ConflictContext {
  world: World;
  desk: RegistrationDesk;
  pipeline: Pipeline;
  claims: ClaimBook;
  pools: AccountPools;
  recorder: ConflictRecorder;
}

export interface CaseOptions {
  open: boolean;
  level?: number;
  overdue?: boolean;
  partner?: SeedPartner;
  partner2?: SeedPartner;
  aeId?: string;
}

export function activePartner(rng: Random, world: World, exclude?: string): SeedPartner {
  const eligible = world.partners.filter((p) => p.status === "ACTIVE" && p.type !== "MARKETPLACE" && p.id !== exclude);
  return rng.weighted(eligible.map((p) => [p, partnerActivity(p)] as const));
}

export function casePath(rng: Random, world: World, o: CaseOptions, openedAt?: Date): ConflictPath {
  if (o.open) return openPath(rng, world.now, o.level ?? drawOpenLevel(rng), o.overdue ?? rng.chance(0.25));
  return resolvedPath(rng, openedAt!, o.level ?? drawResolvedLevel(rng), world.now);
}

/** Two partners claim the same account and product line; the earlier approved claim keeps protection. */
export function duplicateCase(rng: Random, ctx: ConflictContext, o: CaseOptions): ConflictCase | null {
  const { world, desk } = ctx;
  const first = o.partner ?? activePartner(rng, world);
  const path = o.open ? casePath(rng, world, o) : null;
  const r1 = o.open
    ? desk.register(rng, {
        status: "APPROVED",
        partner: first,
        timesFor: (days) => {
          const submittedAt = addDays(path!.openedAt, -rng.int(5, 30));
          return fixedTimes({ submittedAt, decidedAt: addHours(submittedAt, rng.int(4, 40)), protectionDays: days });
        },
      })
    : desk.register(rng, { status: rng.chance(0.6) ? "CONVERTED" : "EXPIRED", partner: first });
  if (!r1) return null;
  const openedAt = path?.openedAt ?? addHours(r1.times.submittedAt, rng.int(6, 72));
  if (!o.open && openedAt.getTime() > addDays(world.now, -7).getTime()) return null;
  const second =
    o.partner2 && o.partner2.regionCodes.includes(r1.account.region.code)
      ? o.partner2
      : pickPartner(rng, world, r1.account, {
          exclude: new Set([first.id]),
          activeOnly: true,
          types: ["RESELLER", "DISTRIBUTOR", "MSP", "REFERRAL"],
        });
  if (!second) return null;
  const p = path ?? casePath(rng, world, o, openedAt);
  const resolution: ConflictResolution | null = o.open ? null : rng.chance(0.8) ? "AWARD_PARTNER" : "DISMISSED";
  const r2 = desk.register(rng, {
    status: o.open ? "SUBMITTED" : resolution === "AWARD_PARTNER" ? "REJECTED" : "WITHDRAWN",
    partner: second,
    account: r1.account,
    productLine: r1.productLine,
    acvCents: driftAcv(rng, Number(r1.row.estimatedAcvCents)),
    registeredFirst: false,
    holdsClaim: false,
    timesFor: () =>
      fixedTimes({
        submittedAt: openedAt,
        decidedAt: resolution === "AWARD_PARTNER" ? p.resolvedAt : null,
        endedAt: resolution === "DISMISSED" ? p.resolvedAt : null,
      }),
    decisionReason:
      "Duplicate registration: an earlier claim by another partner holds protection for this account and product line.",
    endReason: "Withdrawn after the duplicate-registration review.",
  });
  if (!r2) return null;
  const c: ConflictCase = {
    type: "DUPLICATE_REGISTRATION",
    path: p,
    account: r1.account,
    opportunity: null,
    registrations: [r1, r2],
    partners: [first, second],
    directUserId: null,
    summary: `Two partners registered ${r1.account.name} for ${r1.productLine.name}.`,
    resolution,
    rationale:
      resolution === "AWARD_PARTNER"
        ? "The earliest approved registration keeps protection; the later claim is rejected as a duplicate."
        : resolution === "DISMISSED"
          ? "The later registration was withdrawn by its partner; nothing left to decide."
          : null,
    tags: [],
    criteria: caseCriteria(
      rng,
      { account: r1.account, acvCents: Number(r1.row.estimatedAcvCents) },
      r1.decision,
      "PARTNER",
    ),
  };
  c.tags = resolutionTags(c, ["first-approved-wins"]);
  return c;
}

function openDirectDeal(
  rng: Random,
  ctx: ConflictContext,
  o: CaseOptions,
  partner: SeedPartner | undefined,
  before: Date,
  open: boolean,
): SeedOpportunity | null {
  const candidates = ctx.pipeline.opportunities.filter(
    (opp) =>
      opp.source === "DIRECT" &&
      !opp.partner &&
      !opp.account.namedAccount &&
      !ctx.recorder.used.has(opp.id) &&
      opp.account.region.directPresence &&
      (!o.aeId || opp.aeId === o.aeId) &&
      (!partner || partner.regionCodes.includes(opp.account.region.code)) &&
      opp.createdAt.getTime() < addDays(before, open ? -2 : -25).getTime() &&
      (open
        ? opp.row.closedAt === null && !ctx.claims.isActive(opp.account, opp.productLine)
        : (opp.row.closedAt?.getTime() ?? Infinity) > before.getTime()),
  );
  return candidates.length ? rng.pick(candidates) : null;
}

const DVP_RESOLUTIONS: ReadonlyArray<readonly [ConflictResolution, number]> = [
  ["AWARD_DIRECT", 40],
  ["CO_SELL", 25],
  ["SPLIT", 20],
  ["AWARD_PARTNER", 15],
];

const DVP_RATIONALE: Partial<Record<ConflictResolution, string>> = {
  AWARD_DIRECT: "The account team engaged the customer first and leads; the registration is rejected.",
  CO_SELL: "Both sides add value: the partner joins the direct opportunity as co-sell partner.",
  SPLIT: "Both sides sourced parts of the deal: credit is split between the partner and the account team.",
  AWARD_PARTNER:
    "The partner's relationship predates the direct opportunity; the partner leads under its registration.",
};

/** A partner registers a deal the direct team already works (docs/domain.md#duplicates-and-overlaps). */
export function directVsPartnerCase(rng: Random, ctx: ConflictContext, o: CaseOptions): ConflictCase | null {
  const { world, desk } = ctx;
  const path = o.open ? casePath(rng, world, o) : null;
  const probe = path?.openedAt ?? addDays(world.now, -rng.int(30, 600));
  const opp = openDirectDeal(rng, ctx, o, o.partner, probe, o.open);
  if (!opp) return null;
  const partner =
    o.partner ??
    pickPartner(rng, world, opp.account, { activeOnly: true, types: ["RESELLER", "DISTRIBUTOR", "MSP", "REFERRAL"] });
  if (!partner) return null;
  const openedAt = path?.openedAt ?? addDays(opp.createdAt, rng.int(5, 20));
  if (!o.open && openedAt.getTime() > addDays(world.now, -5).getTime()) return null;
  const p = path ?? casePath(rng, world, o, openedAt);
  const resolution = o.open ? null : rng.weighted(DVP_RESOLUTIONS);
  const status = o.open
    ? "SUBMITTED"
    : resolution === "AWARD_DIRECT"
      ? "REJECTED"
      : resolution === "AWARD_PARTNER"
        ? "CONVERTED"
        : "WITHDRAWN";
  const reg = desk.register(rng, {
    status,
    partner,
    account: opp.account,
    productLine: opp.productLine,
    acvCents: driftAcv(rng, opp.acvCents),
    registeredFirst: false,
    timesFor: (days) =>
      fixedTimes({
        submittedAt: openedAt,
        decidedAt: status === "REJECTED" || status === "CONVERTED" ? p.resolvedAt : null,
        protectionDays: status === "CONVERTED" ? days : null,
        endedAt: status === "WITHDRAWN" ? p.resolvedAt : status === "CONVERTED" ? addHours(p.resolvedAt!, 2) : null,
      }),
    decisionReason:
      status === "REJECTED" ? DVP_RATIONALE.AWARD_DIRECT : "Awarded to the partner by conflict resolution.",
    endReason: status === "WITHDRAWN" ? "Joined the direct opportunity as the co-sell partner." : undefined,
    convertInto: status === "CONVERTED" ? opp : undefined,
  });
  if (!reg) return null;
  if (resolution === "CO_SELL" || resolution === "SPLIT") ctx.pipeline.attachPartner(opp, partner);
  const c: ConflictCase = {
    type: "DIRECT_VS_PARTNER",
    path: p,
    account: opp.account,
    opportunity: opp,
    registrations: [reg],
    partners: [partner],
    directUserId: opp.aeId,
    summary: `A partner registration for ${opp.account.name} (${opp.productLine.name}) overlaps an open direct opportunity.`,
    resolution,
    rationale: resolution ? DVP_RATIONALE[resolution]! : null,
    splitPct: resolution === "SPLIT" ? rng.pick([30, 40, 50]) : undefined,
    tags: [],
    criteria: caseCriteria(rng, opp, reg.decision, "DIRECT"),
  };
  c.tags = resolutionTags(c, resolution === "CO_SELL" || resolution === "SPLIT" ? ["co-sell"] : []);
  return c;
}

const NAMED_RATIONALE: Partial<Record<ConflictResolution, string>> = {
  AWARD_DIRECT: "Named accounts are reserved for the direct team; the registration is rejected.",
  CO_SELL: "The partner is attached to the account team's deal for delivery.",
  DISMISSED: "The partner withdrew the registration.",
};

const NAMED_RESOLUTIONS: ReadonlyArray<readonly [ConflictResolution, number]> = [
  ["AWARD_DIRECT", 60],
  ["CO_SELL", 25],
  ["DISMISSED", 15],
];

/** A partner registers a named account, reserved for the direct team (rule 20). */
export function namedAccountCase(rng: Random, ctx: ConflictContext, o: CaseOptions): ConflictCase | null {
  const { world, desk, pools } = ctx;
  const partner = o.partner ?? activePartner(rng, world);
  const account = pools.draw(rng, partner.regionCodes, [["STRATEGIC", 1]], true);
  if (!account?.namedAccount) return null;
  const productLine = rng.pick(world.productLines);
  if (o.open && ctx.claims.isActive(account, productLine)) return null;
  const openedAt = o.open
    ? undefined
    : addDays(
        world.historyStart,
        rng.int(20, Math.max(21, (world.now.getTime() - world.historyStart.getTime()) / 86_400_000 - 10)),
      );
  const p = casePath(rng, world, o, openedAt);
  const resolution = o.open ? null : rng.weighted(NAMED_RESOLUTIONS);
  const reg = desk.register(rng, {
    status: o.open ? "SUBMITTED" : resolution === "AWARD_DIRECT" ? "REJECTED" : "WITHDRAWN",
    partner,
    account,
    productLine,
    timesFor: () =>
      fixedTimes({
        submittedAt: p.openedAt,
        decidedAt: resolution === "AWARD_DIRECT" ? p.resolvedAt : null,
        endedAt: resolution && resolution !== "AWARD_DIRECT" ? p.resolvedAt : null,
      }),
    decisionReason: "Named account reserved for the direct team (rules of engagement, rule 20).",
    endReason:
      resolution === "CO_SELL"
        ? "Attached to the account team's opportunity as delivery partner."
        : "Registered in error.",
  });
  if (!reg) return null;
  const directDeal =
    ctx.pipeline.opportunities.find(
      (x) => x.account === account && x.source === "DIRECT" && x.createdAt.getTime() < p.openedAt.getTime(),
    ) ?? null;
  if (resolution === "CO_SELL" && directDeal && !directDeal.partner) ctx.pipeline.attachPartner(directDeal, partner);
  const c: ConflictCase = {
    type: "NAMED_ACCOUNT",
    path: p,
    account,
    opportunity: directDeal,
    registrations: [reg],
    partners: [partner],
    directUserId: account.ownerId,
    summary: `A partner registered ${account.name}, a named account reserved for the direct team.`,
    resolution,
    rationale: resolution ? NAMED_RATIONALE[resolution]! : null,
    tags: [],
    criteria: caseCriteria(rng, { account, acvCents: Number(reg.row.estimatedAcvCents) }, reg.decision, "DIRECT"),
  };
  c.tags = resolutionTags(c, ["named-account"]);
  return c;
}
