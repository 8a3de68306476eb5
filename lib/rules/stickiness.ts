// Versions, grandfathering and sticky ownership (docs/domain.md#rules-of-engagement). Time is always an argument: the
// caller passes the deal's first-claim time or the re-evaluation time, never "now".
import { compiledFor } from "./compile";
import { parseInstant } from "./instant";
import type { Decision, Facts, Route, RuleSet } from "./types";
import type { RuleSetStatus } from "./values";

/** An ISO-8601 string or a Date (Prisma rows carry Dates). */
export type Instant = string | Date;

export interface RuleSetWindow {
  version: number;
  status: RuleSetStatus;
  effectiveFrom: Instant | null;
  /** Set when the next version is published; null while in force. */
  effectiveTo: Instant | null;
}

function toMs(instant: Instant): number {
  const ms = typeof instant === "string" ? parseInstant(instant) : instant.getTime();
  if (ms !== ms) throw new TypeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

/**
 * The rule set a deal is decided under: the one whose [effectiveFrom, effectiveTo) contains the
 * deal's first claim. Retired sets count — they were in force then, and grandfathering is exactly
 * about deals claimed under them. Drafts never do. Should windows overlap (a data error), the one
 * that took effect last wins, then the higher version.
 */
export function ruleSetInForce<T extends RuleSetWindow>(ruleSets: readonly T[], at: Instant): T | null {
  const t = toMs(at);
  let best: T | null = null;
  let bestFrom = -Infinity;
  for (const set of ruleSets) {
    if (set.status === "DRAFT" || set.effectiveFrom === null) continue;
    const from = toMs(set.effectiveFrom);
    const to = set.effectiveTo === null ? Infinity : toMs(set.effectiveTo);
    if (t < from || t >= to) continue;
    if (best === null || from > bestFrom || (from === bestFrom && set.version > best.version)) {
      best = set;
      bestFrom = from;
    }
  }
  return best;
}

/** A partner is driving the deal when one is on it under an approved (or converted) registration. */
export function isPartnerDriving(facts: Facts): boolean {
  return (
    typeof facts.partnerId === "string" &&
    (facts.registrationStatus === "APPROVED" || facts.registrationStatus === "CONVERTED")
  );
}

export interface PriorOwnership {
  route: Route | null;
  partnerDriving: boolean;
}

export interface StickyOutcome {
  /** The route the deal keeps or moves to. */
  route: Route;
  /** The re-evaluation as the rules decided it, to be recorded either way. */
  decision: Decision;
  keptPriorRoute: boolean;
  /** Set when the facts now imply another route: a person should review the deal. */
  flaggedForReview: boolean;
  note: string | null;
}

export interface StickyOptions {
  /** Routes on which a driving partner keeps the deal. Default: PARTNER_LED. */
  stickyRoutes?: readonly Route[];
}

/**
 * Sticky ownership: a re-evaluation never moves a deal away from a partner that is driving it.
 * The new decision is kept for the record and the deal is flagged for review instead.
 */
export function applyStickyOwnership(
  prior: PriorOwnership,
  reevaluated: Decision,
  options: StickyOptions = {},
): StickyOutcome {
  const sticky = options.stickyRoutes ?? ["PARTNER_LED"];
  if (
    prior.route !== null &&
    prior.partnerDriving &&
    sticky.includes(prior.route) &&
    reevaluated.route !== prior.route
  ) {
    const rule = reevaluated.ruleName ? `rule "${reevaluated.ruleName}"` : "the default outcome";
    return {
      route: prior.route,
      decision: reevaluated,
      keptPriorRoute: true,
      flaggedForReview: true,
      note: `Kept ${prior.route}: a partner is driving this deal. Under rule set v${reevaluated.ruleSetVersion}, ${rule} would route it ${reevaluated.route}.`,
    };
  }
  return {
    route: reevaluated.route,
    decision: reevaluated,
    keptPriorRoute: false,
    flaggedForReview: false,
    note: null,
  };
}

/** Re-evaluates a deal that already has a route, with its explanation, then applies stickiness. */
export function reevaluate(
  ruleSet: RuleSet,
  facts: Facts,
  prior: PriorOwnership,
  options?: StickyOptions,
): StickyOutcome {
  return applyStickyOwnership(prior, compiledFor(ruleSet).explain(facts), options);
}
