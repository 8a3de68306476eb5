// The written side of the resolved cases (docs/domain.md#conflicts-and-escalation): a rationale and precedent tags per
// case, varied by type and outcome so that the precedent log (/conflicts/precedents) and the
// "similar past cases" of a decision screen have real reasoning to search: evidence of the first
// meeting, the customer's stated preference, services capability, deal desk exceptions, and so on.
// Free text never names a partner (prisma/seed/conflict-record.ts). Each case draws from its own
// stream (forked by case number), so the narratives never reshuffle the rest of the seed.
import type { ConflictResolution, ConflictType } from "../../lib/db/generated/sqlite/enums";
import type { ConflictCase } from "./conflict-record";
import type { Random } from "./random";

type Variant = readonly [rationale: string, tags: readonly string[]];

export const NARRATIVES: Readonly<Record<ConflictType, Partial<Record<ConflictResolution, readonly Variant[]>>>> = {
  DUPLICATE_REGISTRATION: {
    AWARD_PARTNER: [
      [
        "The earliest approved registration keeps protection: it was filed with a documented discovery " +
          "call and named the budget holder. The later claim is rejected as a duplicate.",
        ["first-approved-wins", "discovery-call-evidence"],
      ],
      [
        "Both partners met the customer, but only the first registration named the buying " +
          "committee and the timeline. Protection stays with the first registrant.",
        ["first-approved-wins", "buying-committee"],
      ],
      [
        "The later partner showed an older e-mail thread but never registered the deal; the rules of engagement protect registrations, not contacts.",
        ["registration-beats-contact", "first-approved-wins"],
      ],
      [
        "The customer confirmed in writing that it is working with the first registrant for implementation; the duplicate registration is rejected.",
        ["customer-preference", "first-approved-wins"],
      ],
    ],
    DISMISSED: [
      [
        "The later registration was withdrawn by its partner once the first claim was shown; nothing left to decide.",
        ["withdrawn", "duplicate-withdrawn"],
      ],
      [
        "The two registrations cover different subsidiaries with separate budgets; no overlap once the account hierarchy was checked.",
        ["account-hierarchy", "no-overlap"],
      ],
    ],
  },
  DIRECT_VS_PARTNER: {
    AWARD_DIRECT: [
      [
        "The account team engaged the customer first and leads: the opportunity was qualified " +
          "three weeks before the registration. The registration is rejected.",
        ["direct-engaged-first", "qualified-before-registration"],
      ],
      [
        "The customer asked to buy directly under its enterprise agreement; the partner " +
          "registration is rejected and the partner is thanked for the introduction.",
        ["customer-preference", "enterprise-agreement"],
      ],
      [
        "The direct team holds the executive relationship and ran the proof of concept; the partner's activity started after the evaluation.",
        ["direct-engaged-first", "proof-of-concept"],
      ],
    ],
    CO_SELL: [
      [
        "Both sides add value: the account team owns the commercial relationship and the partner " +
          "brings implementation services. The partner joins as co-sell partner.",
        ["co-sell", "services-capability"],
      ],
      [
        "The customer wants a local delivery partner for the rollout; co-sell keeps the direct team on the contract and the partner on delivery.",
        ["co-sell", "local-delivery"],
      ],
      [
        "Co-sell under the joint account plan: the partner covers the regional subsidiaries, the direct team the headquarters.",
        ["co-sell", "joint-account-plan"],
      ],
    ],
    SPLIT: [
      [
        "Both sides sourced parts of the deal: the partner brought the platform project, " +
          "the account team the expansion. Credit is split between them.",
        ["split-credit", "shared-sourcing"],
      ],
      [
        "The activity logs show parallel engagement from the same week; credit is split rather than awarding either side on a technicality.",
        ["split-credit", "parallel-engagement"],
      ],
    ],
    AWARD_PARTNER: [
      [
        "The partner's relationship predates the direct opportunity by months, with a " +
          "signed services contract; the partner leads under its registration.",
        ["partner-relationship", "prior-contract"],
      ],
      [
        "The direct opportunity was opened from a lead the partner had passed on; the partner leads and the account team supports.",
        ["partner-sourced-lead", "partner-relationship"],
      ],
    ],
  },
  NAMED_ACCOUNT: {
    AWARD_DIRECT: [
      [
        "Named accounts are reserved for the direct team under the rules of engagement; the " +
          "registration is rejected and the partner is invited to co-sell later.",
        ["named-account-reserved", "rules-of-engagement"],
      ],
      [
        "The account is on the strategic named list with an assigned executive sponsor; partner registrations are not accepted on it.",
        ["named-account-reserved", "executive-sponsor"],
      ],
    ],
    CO_SELL: [
      [
        "The partner is attached to the account team's deal for delivery: the customer requires a certified implementation partner in country.",
        ["co-sell", "services-capability", "certified-partner"],
      ],
      [
        "Exception for a named account: the partner holds the customer's managed-services contract, so it joins the direct deal as co-sell partner.",
        ["co-sell", "managed-services", "named-account-exception"],
      ],
    ],
    DISMISSED: [
      [
        "The partner withdrew the registration after the named-account list was shared.",
        ["withdrawn", "named-account-reserved"],
      ],
      ["Registered in error against the parent company; the partner withdrew it.", ["withdrawn", "account-hierarchy"]],
    ],
  },
  PRICING_UNDERCUT: {
    AWARD_PARTNER: [
      [
        "The direct quote undercut the partner's protected deal beyond the discount corridor; the " +
          "quote is withdrawn and the partner keeps the deal under its protection.",
        ["discount-corridor", "quote-withdrawn"],
      ],
      [
        "A direct discount on a protected registration breaks the rules of engagement; the " +
          "account team withdraws its quote and supports the partner's pricing.",
        ["discount-corridor", "protection-respected"],
      ],
    ],
    DISMISSED: [
      [
        "Deal desk approved the discount to displace a competitor; the partner was informed and its margin protected on renewal.",
        ["deal-desk-exception", "competitive-displacement"],
      ],
      [
        "The quote was a budgetary estimate sent at the customer's request, not an offer; no undercut.",
        ["budgetary-quote", "no-undercut"],
      ],
    ],
    SPLIT: [
      [
        "The customer bought on the direct paper after the partner's work on the evaluation: credit is split to honour the partner's investment.",
        ["split-credit", "partner-investment"],
      ],
    ],
  },
  ATTRIBUTION_DISPUTE: {
    SPLIT: [
      [
        "Both sides contributed to sourcing: the partner's event produced the first meeting, the account " +
          "team's outreach the executive sponsor. Credit is split as recorded on the parties.",
        ["split-credit", "attribution", "event-sourced"],
      ],
      [
        "Touches from both sides in the same quarter; credit is split in proportion to the documented activity.",
        ["split-credit", "attribution", "activity-log"],
      ],
    ],
    AWARD_PARTNER: [
      [
        "The partner's first meeting and registration trail show it sourced the deal; the " +
          "account team's activity started after the partner's introduction.",
        ["attribution", "partner-sourced-lead", "registration-trail"],
      ],
      [
        "The CRM shows the partner's referral as the lead source, confirmed by the customer; sourcing credit goes to the partner.",
        ["attribution", "lead-source", "customer-confirmed"],
      ],
    ],
    AWARD_DIRECT: [
      [
        "The account team's activity predates the partner's involvement by two quarters; direct keeps the sourcing credit.",
        ["attribution", "direct-engaged-first"],
      ],
      [
        "The partner joined at contract stage for fulfilment only; influence is recorded, but sourcing credit stays direct.",
        ["attribution", "fulfilment-only"],
      ],
    ],
    DISMISSED: [
      ["The attribution already reflects the recorded activity; no change.", ["attribution", "no-change"]],
      [
        "Raised after the commission period closed; the recorded attribution stands and the process was explained.",
        ["attribution", "late-dispute"],
      ],
    ],
  },
};

/** Who decided at each level, in words (docs/domain.md#conflicts-and-escalation). */
const LEVEL_NOTE: Readonly<Record<number, string>> = {
  2: "Decided by the VPs of sales and channel after the first level could not agree.",
  3: "Decided by the CRO after escalation past the VPs.",
  4: "Decided by the CEO as the last level of escalation.",
};

/**
 * Gives a resolved case its rationale and tags: a variant for its type and outcome (kept when none
 * is written), a note on who decided when it was escalated, and the facet tags of resolutionTags.
 */
export function narrate(rng: Random, c: ConflictCase): void {
  if (!c.resolution) return;
  const variants = NARRATIVES[c.type][c.resolution];
  const level = c.path.steps[c.path.steps.length - 1].level;
  if (variants?.length) {
    const [rationale, tags] = rng.pick(variants);
    c.rationale = rationale;
    c.tags = [...new Set([...c.tags, ...tags])];
  }
  const note = LEVEL_NOTE[level];
  if (note && c.rationale) c.rationale = `${c.rationale} ${note}`;
  if (level > 1) c.tags = [...new Set([...c.tags, "escalated"])];
}
