// Opportunities: how one is created (routed by the engine at creation, then run through its sales
// cycle to an outcome consistent with `now`), and the direct team's own pipeline.
import type { AttributionCategory, DealSource, Route, Stage } from "../../lib/db/generated/sqlite/enums";
import type { RegistrationStatusFact } from "../../lib/rules";
import { drawCycleDays, drawPricing, openStage, winProbability } from "./economics";
import { IdSequence } from "./ids";
import type { Random } from "./random";
import { Router, dealFacts } from "./routing";
import { DAY, addDays, addHours, startOfDay } from "./time";
import type { SeedAccount, SeedPartner, SeedProductLine, World } from "./world";

/** An opportunity while the seed is being planned; `row` is what gets inserted. */
export interface SeedOpportunity {
  id: string;
  account: SeedAccount;
  productLine: SeedProductLine;
  acvCents: number;
  createdAt: Date;
  closeDate: Date;
  stage: Stage;
  route: Route;
  source: DealSource;
  partner: SeedPartner | null;
  aeId: string | null;
  registrationId: string | null;
  /** A partner touch is recorded on this direct deal (PARTNER_INFLUENCED). */
  influencedBy: SeedPartner | null;
  row: {
    id: string;
    name: string;
    accountId: string;
    productLineId: string;
    acvCents: bigint;
    stage: Stage;
    closeDate: Date;
    listPriceCents: bigint;
    discountPct: number;
    source: DealSource;
    aeId: string | null;
    partnerId: string | null;
    route: Route;
    routeDecisionId: string;
    createdAt: Date;
    closedAt: Date | null;
    updatedAt: Date;
    /** set by ./attribution.ts with the deal's attribution rows (lib/db/attribution-writes.ts at runtime) */
    category?: AttributionCategory;
  };
}

export interface OpportunityInput {
  account: SeedAccount;
  productLine: SeedProductLine;
  acvCents: number;
  createdAt: Date;
  source: DealSource;
  partner: SeedPartner | null;
  aeId: string | null;
  registrationStatus: RegistrationStatusFact;
  priorRoute?: Route | null;
  registrationId?: string | null;
  /** An AE pricing below the partner's quote (PRICING_UNDERCUT cases). */
  aggressiveDiscount?: boolean;
  /** Force the outcome of a closed deal instead of drawing it. */
  outcome?: "WON" | "LOST";
}

const NAME_SUFFIX: Readonly<Record<string, readonly string[]>> = {
  CORE: ["new logo", "expansion", "enterprise rollout", "renewal uplift"],
  ADDON: ["add-on", "expansion", "pilot"],
  SERVICES: ["implementation", "migration services", "onboarding"],
};

export class Pipeline {
  readonly opportunities: SeedOpportunity[] = [];
  private readonly ids = new IdSequence("opp");

  constructor(
    private readonly world: World,
    private readonly router: Router,
  ) {}

  /** The route the engine would give the deal, without recording a decision. */
  peekRoute(input: OpportunityInput): Route {
    return this.router.peek(this.facts(input)).route;
  }

  /** Routes the deal at its creation under the rule set in force, then plays out its cycle. */
  create(rng: Random, input: OpportunityInput): SeedOpportunity {
    const id = this.ids.next();
    const decision = this.router.decide("OPPORTUNITY", id, this.facts(input));
    const cycle = drawCycleDays(rng, input.acvCents);
    const { stage, closeDate, closedAt } = this.playOut(rng, input, decision.route, cycle);
    const pricing = drawPricing(rng, input.acvCents, input.productLine.kind, decision.route, input.aggressiveDiscount);
    const opp: SeedOpportunity = {
      id,
      account: input.account,
      productLine: input.productLine,
      acvCents: input.acvCents,
      createdAt: input.createdAt,
      closeDate,
      stage,
      route: decision.route,
      source: input.source,
      partner: input.partner,
      aeId: input.aeId,
      registrationId: input.registrationId ?? null,
      influencedBy: null,
      row: {
        id,
        name: `${input.account.name} — ${input.productLine.name} ${rng.pick(NAME_SUFFIX[input.productLine.kind])}`,
        accountId: input.account.id,
        productLineId: input.productLine.id,
        acvCents: BigInt(input.acvCents),
        stage,
        closeDate,
        listPriceCents: BigInt(pricing.listPriceCents),
        discountPct: pricing.discountPct,
        source: input.source,
        aeId: input.aeId,
        partnerId: input.partner?.id ?? null,
        route: decision.route,
        routeDecisionId: decision.id,
        createdAt: input.createdAt,
        closedAt,
        updatedAt: closedAt ?? input.createdAt,
      },
    };
    this.opportunities.push(opp);
    return opp;
  }

  private facts(input: OpportunityInput) {
    return dealFacts({
      account: input.account,
      productLine: input.productLine,
      acvCents: input.acvCents,
      partner: input.partner,
      registrationStatus: input.registrationStatus,
      registeredFirst: input.registrationStatus === "NONE" ? null : true,
      priorRoute: input.priorRoute ?? null,
      stage: "PROSPECT",
      at: input.createdAt,
    });
  }

  /** Attaches a partner to a direct deal after routing (co-sell or fulfilment partner). */
  attachPartner(opp: SeedOpportunity, partner: SeedPartner): void {
    opp.partner = partner;
    opp.row.partnerId = partner.id;
  }

  /**
   * A deal whose expected close has passed is closed (won or lost) on that day; any other is open,
   * at the stage its elapsed cycle suggests. Close dates are dates (00:00 UTC); closedAt is the
   * moment it was marked closed.
   */
  private playOut(rng: Random, input: OpportunityInput, route: Route, cycleDays: number) {
    const now = this.world.now;
    const expected = startOfDay(addDays(input.createdAt, cycleDays));
    if (expected.getTime() + DAY <= now.getTime()) {
      const won = input.outcome ? input.outcome === "WON" : rng.chance(winProbability(route, input.partner !== null));
      // lost deals often die before their expected close
      const closeDay = won
        ? expected
        : startOfDay(addDays(input.createdAt, Math.max(7, Math.round(cycleDays * rng.real(0.5, 1)))));
      const closedAt = addHours(closeDay, rng.int(14, 22));
      const stage: Stage = won ? "CLOSED_WON" : "CLOSED_LOST";
      return {
        stage,
        closeDate: closeDay,
        closedAt: closedAt.getTime() < now.getTime() ? closedAt : new Date(now.getTime() - 60_000),
      };
    }
    const closeDate = expected.getTime() > now.getTime() ? expected : startOfDay(addDays(now, 1));
    const elapsed = (now.getTime() - input.createdAt.getTime()) / (closeDate.getTime() - input.createdAt.getTime());
    return { stage: openStage(elapsed), closeDate, closedAt: null };
  }
}
