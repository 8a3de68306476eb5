// Deal registrations (docs/domain.md#deal-registration): each is routed by the engine at submission, timed consistently
// with its status, recorded with its timeline, and — when converted — becomes a partner-sourced
// opportunity routed again at conversion (where sticky ownership keeps a partner-led route).
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { AccountTier, ProductKind, RegistrationStatus } from "../../lib/db/generated/sqlite/enums";
import { claimKeys, NO_CLAIM, NO_PARTNER_CLAIM, partnerClaimKeys } from "../../lib/registrations/claim-key";
import type { ClaimBook } from "./claims";
import { pickProductLine } from "./direct";
import { drawAcv, driftAcv } from "./economics";
import { IdSequence } from "./ids";
import type { AccountPools } from "./matching";
import type { Pipeline, SeedOpportunity } from "./opportunities";
import type { Random } from "./random";
import { type RegistrationTimes, type RegistrationVariant, registrationTimes } from "./registration-times";
import { RegistrationTimeline, SYSTEM, actor, pendingExtensionRequest } from "./registration-timeline";
import { type RoutedDecision, type Router, dealFacts } from "./routing";
import { addDays, startOfDay } from "./time";
import {
  REJECTION_REASONS,
  WITHDRAWAL_REASONS,
  registrationDescription,
  typedAccountDomain,
  typedAccountName,
} from "./typing";
import type { SeedAccount, SeedPartner, SeedProductLine, World } from "./world";

export interface SeedRegistration {
  id: string;
  partner: SeedPartner;
  account: SeedAccount;
  productLine: SeedProductLine;
  status: RegistrationStatus;
  times: RegistrationTimes;
  decision: RoutedDecision;
  opportunity: SeedOpportunity | null;
  row: Prisma.DealRegistrationCreateManyInput;
}

export interface RegistrationRequest {
  status: RegistrationStatus;
  variant?: RegistrationVariant;
  partner: SeedPartner;
  /** Fixed deal (conflict cases); otherwise an account the partner would plausibly register. */
  account?: SeedAccount;
  productLine?: SeedProductLine;
  acvCents?: number;
  /** Fixed timing (conflict cases), given the protection days the route decision grants. */
  timesFor?: (protectionDays: number | null) => RegistrationTimes;
  /** CONVERTED into this existing opportunity instead of a new one (a conflict awarded to the partner). */
  convertInto?: SeedOpportunity;
  registeredFirst?: boolean;
  /** false: an active registration that does not hold the claim key (the later of two duplicates). */
  holdsClaim?: boolean;
  decisionReason?: string;
  endReason?: string;
}

const PARTNER_TIERS_MIX: ReadonlyArray<readonly [AccountTier, number]> = [
  ["SMB", 40],
  ["MIDMARKET", 38],
  ["ENTERPRISE", 18],
  ["STRATEGIC", 4],
];
const PARTNER_PRODUCT_MIX: ReadonlyArray<readonly [ProductKind, number]> = [
  ["CORE", 55],
  ["ADDON", 25],
  ["SERVICES", 20],
];
const ACTIVE: ReadonlySet<RegistrationStatus> = new Set(["SUBMITTED", "APPROVED"]);
const NEEDS_PROTECTION: ReadonlySet<RegistrationStatus> = new Set(["APPROVED", "EXPIRED"]);
/** Suspended and terminated partners stopped registering this long before `now`. */
const INACTIVE_PARTNER_CUTOFF_DAYS = 120;

interface Deal {
  account: SeedAccount;
  productLine: SeedProductLine;
  acvCents: number;
}

export class RegistrationDesk {
  readonly registrations: SeedRegistration[] = [];
  private readonly ids = new IdSequence("reg");
  private readonly timeline: RegistrationTimeline;

  constructor(
    private readonly world: World,
    private readonly router: Router,
    private readonly pipeline: Pipeline,
    private readonly pools: AccountPools,
    private readonly claims: ClaimBook,
  ) {
    this.timeline = new RegistrationTimeline(world.rows);
  }

  /** Plans one registration; null when no fitting deal was found for the partner. */
  register(rng: Random, req: RegistrationRequest): SeedRegistration | null {
    const deal = this.chooseDeal(rng, req);
    if (!deal) return null;
    const id = this.ids.next();
    const now =
      req.partner.status === "ACTIVE" ? this.world.now : addDays(this.world.now, -INACTIVE_PARTNER_CUTOFF_DAYS);
    const peek = this.router.peek(this.facts(deal, req, this.world.now));
    const times =
      req.timesFor?.(peek.protectionDays) ??
      registrationTimes(
        rng,
        req.status,
        req.variant ?? "normal",
        { start: this.world.historyStart, now },
        peek.protectionDays,
      );
    const decision = this.router.decide("REGISTRATION", id, this.facts(deal, req, times.submittedAt));
    const reg: SeedRegistration = {
      id,
      partner: req.partner,
      ...deal,
      status: req.status,
      times,
      decision,
      opportunity: null,
      row: this.row(rng, id, deal, req, times, decision),
    };
    if (req.status === "CONVERTED" && reg.row.partnerClaimKey == null && times.protectedUntil && times.endedAt) {
      // converted without holding the claim: its protection ended when the deal was created
      const ended = times.protectedUntil < times.endedAt ? times.protectedUntil : times.endedAt;
      reg.times = { ...times, protectedUntil: ended };
      reg.row.protectedUntil = ended;
    }
    this.record(rng, reg, req);
    if (req.status === "CONVERTED") this.convert(rng, reg, req.convertInto);
    this.registrations.push(reg);
    return reg;
  }

  private facts(deal: Deal, req: RegistrationRequest, at: Date) {
    return dealFacts({
      ...deal,
      partner: req.partner,
      registrationStatus: "SUBMITTED",
      registeredFirst: req.registeredFirst ?? true,
      stage: null,
      at,
    });
  }

  /** A deal the partner can claim now: the claim is free (if it will be active) and the route grants the protection the status implies. */
  private chooseDeal(rng: Random, req: RegistrationRequest): Deal | null {
    if (req.account && req.productLine) {
      return {
        account: req.account,
        productLine: req.productLine,
        acvCents: req.acvCents ?? drawAcv(rng, req.account.tier, req.productLine.kind),
      };
    }
    for (let attempt = 0; attempt < 60; attempt++) {
      const account = this.pools.drawForPartner(rng, req.partner, PARTNER_TIERS_MIX);
      if (!account) return null;
      const productLine = pickProductLine(rng, this.world, PARTNER_PRODUCT_MIX);
      if (ACTIVE.has(req.status) && !this.claims.isFree(account, productLine)) continue;
      const deal = { account, productLine, acvCents: drawAcv(rng, account.tier, productLine.kind) };
      if (
        NEEDS_PROTECTION.has(req.status) &&
        this.router.peek(this.facts(deal, req, this.world.now)).protectionDays === null
      )
        continue;
      return deal;
    }
    return null;
  }

  private row(
    rng: Random,
    id: string,
    deal: Deal,
    req: RegistrationRequest,
    times: RegistrationTimes,
    decision: RoutedDecision,
  ): Prisma.DealRegistrationCreateManyInput {
    const { account, productLine } = deal;
    const typedDomain = typedAccountDomain(rng, account);
    const decided = times.decidedAt !== null;
    const partnerKeys = partnerClaimKeys(
      req.partner.id,
      claimKeys(account.id, account.nameKey, typedDomain ? account.domainKey : null, productLine.id),
    );
    // A converted registration keeps protecting until protectedUntil (lib/registrations/lifecycle.ts): one
    // still protected holds its claim when it is free; otherwise its protection ended at conversion
    // (register() then caps protectedUntil at the conversion).
    const convertedHolds =
      req.status === "CONVERTED" &&
      times.protectedUntil !== null &&
      times.protectedUntil > this.world.now &&
      req.holdsClaim !== false &&
      this.claims.isFree(account, productLine) &&
      this.claims.takePartnerKeys(Object.values(partnerKeys));
    const holdsClaim = (ACTIVE.has(req.status) && req.holdsClaim !== false) || convertedHolds;
    if (ACTIVE.has(req.status)) this.claims.takePartnerKeys(Object.values(partnerKeys));
    return {
      id,
      partnerId: req.partner.id,
      submittedById: req.partner.userId,
      accountName: typedAccountName(rng, account),
      accountDomain: typedDomain,
      accountCountry: account.country,
      accountVertical: account.vertical,
      accountNameKey: account.nameKey,
      accountDomainKey: typedDomain ? account.domainKey : null,
      accountId: account.id,
      productLineId: productLine.id,
      estimatedAcvCents: BigInt(deal.acvCents),
      expectedCloseDate: startOfDay(addDays(times.submittedAt, rng.int(45, 200))),
      description: registrationDescription(rng),
      status: req.status,
      route: decision.route,
      routeDecisionId: decision.id,
      slaDueAt: times.slaDueAt,
      protectedUntil: times.protectedUntil,
      extensionCount: times.extensionApprovals.length,
      reviewerId: decided ? req.partner.managerId : null,
      decisionReason: decided
        ? (req.decisionReason ??
          (req.status === "REJECTED" ? rng.pick(REJECTION_REASONS) : "Qualified opportunity; no competing claim."))
        : null,
      decidedAt: times.decidedAt,
      ...(holdsClaim ? this.claims.takeActive(account, productLine, typedDomain ? account.domainKey : null) : NO_CLAIM),
      // every active registration holds its partner's keys, claim or not (as the app writes them)
      ...(ACTIVE.has(req.status) || convertedHolds ? partnerKeys : NO_PARTNER_CLAIM),
      submittedAt: times.submittedAt,
    };
  }

  private record(rng: Random, reg: SeedRegistration, req: RegistrationRequest): void {
    const partnerUser = this.world.usersById.get(reg.partner.userId)!;
    const manager = this.world.usersById.get(reg.partner.managerId)!;
    const endReason =
      {
        WITHDRAWN: req.endReason ?? rng.pick(WITHDRAWAL_REASONS),
        EXPIRED: "Protection period ended without conversion.",
        CONVERTED: "Converted to an opportunity.",
      }[reg.status as string] ?? "";
    const last = this.timeline.record({
      registrationId: reg.id,
      status: reg.status,
      times: reg.times,
      protectionDays: reg.decision.protectionDays,
      submitter: actor(partnerUser),
      reviewer: actor(manager),
      decisionReason: String(reg.row.decisionReason ?? ""),
      endReason,
      endedBy: reg.status === "WITHDRAWN" ? actor(partnerUser) : reg.status === "EXPIRED" ? SYSTEM : actor(manager),
      pendingExtensionAt:
        reg.status === "APPROVED" && rng.chance(0.5)
          ? pendingExtensionRequest(reg.times, this.world.now, reg.times.extensionApprovals.length < 2)
          : null,
    });
    reg.row.lastActivityAt = last;
    reg.row.updatedAt = last;
  }

  /** The approved registration becomes an opportunity; the route is decided again with the prior route known. */
  private convert(rng: Random, reg: SeedRegistration, existing?: SeedOpportunity): void {
    if (existing) {
      this.pipeline.attachPartner(existing, reg.partner);
      existing.source = existing.row.source = "PARTNER";
      existing.registrationId = reg.id;
      reg.opportunity = existing;
      reg.row.opportunityId = existing.id;
      return;
    }
    const opp = this.pipeline.create(rng, {
      account: reg.account,
      productLine: reg.productLine,
      acvCents: driftAcv(rng, Number(reg.row.estimatedAcvCents)),
      createdAt: reg.times.endedAt!,
      source: "PARTNER",
      partner: reg.partner,
      aeId: reg.account.ownerId,
      registrationStatus: "APPROVED",
      priorRoute: reg.decision.route,
      registrationId: reg.id,
    });
    reg.opportunity = opp;
    reg.row.opportunityId = opp.id;
  }
}
