// Query-string schemas of the list pages and list endpoints: sort, direction, cursors, filters.
// Shared by pages (searchParams) and the API (URL query), so a page view is a shareable link.
import { z } from "zod";
import { noNul } from "./nul";
import { parseQuarter } from "@/lib/dates/quarters";
import { PARTNER_NEEDED } from "@/lib/opportunities/coverage";
import {
  ACCOUNT_TIERS,
  PARTNER_TIERS,
  PARTNER_TYPES,
  REGISTRATION_STATUS_FACTS,
  ROUTES,
  STAGES,
  VERTICALS,
} from "@/lib/rules";

export const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");
// An opaque cursor from a page's nextCursor/prevCursor (lib/security/cursor.ts): base64url payload
// and signature. The message is the one a cursor that fails to verify gets (lib/db/pagination.ts).
export const cursor = z
  .string()
  .trim()
  .max(2_000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "Invalid cursor: start again from the first page")
  .describe(
    "An opaque cursor: nextCursor or prevCursor of the previous page, valid only for the same caller, sort and direction",
  );
export const optionalText = z
  .string()
  .trim()
  .max(100)
  .refine(noNul, "Invalid character")
  .optional()
  .transform((v) => (v ? v : undefined));

export function listSchema<S extends readonly [string, ...string[]], F extends z.ZodRawShape>(
  sorts: S,
  defaultSort: S[number],
  filters: F,
) {
  return z.object({
    sort: z.enum(sorts).default(defaultSort as never),
    dir: z.enum(["asc", "desc"]).optional(),
    after: cursor.optional(),
    before: cursor.optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    q: optionalText,
    ...filters,
  });
}

// One source for the closed value sets: the routing engine's lists, which a unit test keeps in step
// with the Prisma enums. Registration status NONE is a fact value only, never a stored status.
export { ACCOUNT_TIERS, PARTNER_TIERS, PARTNER_TYPES, ROUTES, STAGES, VERTICALS };
export const REGISTRATION_STATUSES = z.enum(REGISTRATION_STATUS_FACTS).exclude(["NONE"]).options;
export const CONFLICT_TYPES = [
  "DUPLICATE_REGISTRATION",
  "DIRECT_VS_PARTNER",
  "NAMED_ACCOUNT",
  "PRICING_UNDERCUT",
  "ATTRIBUTION_DISPUTE",
] as const;
export const PARTNER_STATUSES = ["ACTIVE", "SUSPENDED", "TERMINATED"] as const;

export const registrationListQuery = listSchema(
  ["submittedAt", "slaDueAt", "estimatedAcvCents", "accountName", "protectedUntil"] as const,
  "submittedAt",
  {
    status: z.enum(REGISTRATION_STATUSES).optional(),
    partnerId: id.optional(),
    route: z.enum(ROUTES).optional(),
    region: z
      .string()
      .trim()
      .regex(/^[A-Z-]{2,32}$/)
      .optional(),
    // decidedFrom/decidedTo (decided in a period) come with the maturity block, which both use
    ...maturityRegistrationFilters(),
    // --- revenue council (lib/council/links.ts) and maturity (lib/db/maturity.ts): decided by the review
    // deadline or after it, and by who leads (the registration's route) ---
    sla: z.enum(["met", "missed"]).optional(),
    lead: z.enum(["AE", "JOINT", "PARTNER"]).optional(),
    // --- scorecards (lib/scorecards/links.ts): decided either way; a registration approved and since
    // converted, expired or withdrawn still counts as approved (decidedAt is set by a decision only) ---
    decision: z.enum(["approved", "rejected"]).optional(),
  },
);
export type RegistrationListQuery = z.infer<typeof registrationListQuery>;

/** joint forecast: the attribution categories the list filters on (lib/db/forecast-filters.ts) */
const FORECAST_LIST_CATEGORIES = [
  "DIRECT",
  "PARTNER_SOURCED",
  "PARTNER_COSELL",
  "PARTNER_INFLUENCED",
  "MARKETPLACE",
] as const;

export const opportunityListQuery = listSchema(["createdAt", "closeDate", "acvCents", "name"] as const, "createdAt", {
  stage: z.enum(STAGES).optional(),
  // PARTNER_NEEDED: a partner route with no partner on the deal (lib/opportunities/coverage.ts)
  route: z.enum([...ROUTES, PARTNER_NEEDED]).optional(),
  partnerId: id.optional(),
  accountId: id.optional(),
  ...pricingListFilters(),
  ...maturityOpportunityFilters(),
  ...councilListFilters(),
  ...forecastListFilters(),
});
export type OpportunityListQuery = z.infer<typeof opportunityListQuery>;

// --- pricing guardrails: the opportunity list's filters that the corridor grid and the discount-leakage
// report link to (lib/db/pricing-filters.ts turns them into the where clause both use) ---
/** `aeId=_none`: deals without an AE (a partner-sourced deal may have none). */
export const NO_AE = "_none";
function pricingListFilters() {
  const day = z.iso.date("Use a date like 2026-12-31").optional();
  return {
    /** yes: discount beyond the corridor (Opportunity.corridorBreach); no: within it or without one */
    breach: z.enum(["yes", "no"]).optional(),
    productLineId: id.optional(),
    aeId: id.optional(),
    /** closed on or after / on or before, UTC days (inclusive) */
    closedFrom: day,
    closedTo: day,
  };
}

// --- maturity (docs/domain.md#maturity): the filters the measured indicators link to
// (lib/db/maturity-filters.ts turns them into where clauses; lib/db/maturity.ts counts through them) ---
function maturityOpportunityFilters() {
  return {
    /** yes: the deal's route came from a rules-engine decision (Opportunity.routeDecisionId); no: it did not */
    routed: z.enum(["yes", "no"]).optional(),
    /** who sourced the deal (Opportunity.source) */
    source: z.enum(["DIRECT", "PARTNER"]).optional(),
  };
}
function maturityRegistrationFilters() {
  const day = z.iso.date("Use a date like 2026-12-31").optional();
  return {
    /** decided (approved or rejected) on or after / on or before, UTC days (inclusive) */
    decidedFrom: day,
    decidedTo: day,
    // decided by the deadline or after it: the council block's `sla` (met/missed), one filter for both
  };
}

// --- revenue council: the opportunity list's filters the council's figures link to
// (lib/council/links.ts; lib/db/council-filters.ts turns them into the where clause) ---
// (the opportunity schema above calls this before the module's constants exist: literals only)
function councilListFilters() {
  const day = z.iso.date("Use a date like 2026-12-31").optional();
  return {
    /** created on or after / on or before, UTC days (inclusive) */
    createdFrom: day,
    createdTo: day,
    /** who leads: AE (direct, direct with a partner attached), JOINT (co-sell), PARTNER (partner-led, marketplace) */
    lead: z.enum(["AE", "JOINT", "PARTNER"]).optional(),
    /** closed won, closed lost, or either */
    outcome: z.enum(["won", "lost", "closed"]).optional(),
    // category (who sourced it): the forecast block's filter, one meaning for both (a deal without
    // attribution rows is DIRECT; lib/db/forecast-filters.ts)
    /** yes: a payout adjustment was booked on the deal; no: none */
    adjusted: z.enum(["yes", "no"]).optional(),
  };
}

// --- joint forecast: the opportunity list's filters every forecast figure links to (lib/db/forecast-filters.ts
// turns them into the where clause; docs/domain.md#joint-forecast) ---
function forecastListFilters() {
  const day = z.iso.date("Use a date like 2026-12-31").optional();
  return {
    /** the deal's attribution category (a deal without attribution rows is DIRECT) */
    category: z.enum(FORECAST_LIST_CATEGORIES).optional(),
    /** expected close date on or after / on or before, UTC days (inclusive) */
    closeFrom: day,
    closeTo: day,
    /** yes: open deals only (any stage before closed won or lost) */
    open: z.enum(["yes"]).optional(),
    /** the deals in a quarter's forecast: won and closed in it, or open and expected to close in it */
    forecast: z
      .string()
      .trim()
      .refine((v) => parseQuarter(v) !== null, "Use a quarter like 2026-Q4")
      .optional(),
    /** with `forecast`: only the deals in its commit (won, or open in negotiation) */
    commit: z.enum(["yes"]).optional(),
  };
}

export const accountListQuery = listSchema(["name", "createdAt", "country"] as const, "name", {
  tier: z.enum(ACCOUNT_TIERS).optional(),
  vertical: z.enum(VERTICALS).optional(),
  region: z.string().trim().max(32).optional(),
  named: z.enum(["true", "false"]).optional(),
  ownerId: id.optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const partnerListQuery = listSchema(["name", "tier", "type", "createdAt"] as const, "name", {
  type: z.enum(PARTNER_TYPES).optional(),
  tier: z.enum(PARTNER_TIERS).optional(),
  status: z.enum(PARTNER_STATUSES).optional(),
  managerId: id.optional(),
});
export type PartnerListQuery = z.infer<typeof partnerListQuery>;

// Audit codes are dotted identifiers ("registration.approve"); anything else cannot match a row.
const auditCode = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, "Invalid code")
  .optional();

// A calendar day (UTC) bounding a date-range filter; both ends are inclusive.
const day = z.iso.date("Use a date like 2026-12-31").optional();

// The audit log is append-only and read newest first; `q` matches the entity id or the actor's label
// (API keys and the system have no user id), `actor` is a user's id, `from`/`to` bound the day.
export const auditEventListQuery = listSchema(["at"] as const, "at", {
  action: auditCode,
  entityType: auditCode,
  actor: id.optional(),
  from: day,
  to: day,
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "The end date must be on or after the start date",
  path: ["to"],
});
export type AuditEventListQuery = z.infer<typeof auditEventListQuery>;

// The e-mail outbox (ops): without a status filter it lists what is not yet delivered.
export const OUTBOX_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
export const outboxListQuery = listSchema(["createdAt", "nextAttemptAt", "attempts"] as const, "createdAt", {
  status: z.enum(OUTBOX_STATUSES).optional(),
});
export type OutboxListQuery = z.infer<typeof outboxListQuery>;

// Rule-set versions (ops): newest first, filtered by stored status.
export const RULE_SET_STATUSES = ["DRAFT", "PUBLISHED", "RETIRED"] as const;
export const ruleSetListQuery = listSchema(["version"] as const, "version", {
  status: z.enum(RULE_SET_STATUSES).optional(),
});
export type RuleSetListQuery = z.infer<typeof ruleSetListQuery>;

/** searchParams of a page → a plain record zod can parse (first value of repeated keys). */
export function fromSearchParams(
  sp: Record<string, string | string[] | undefined> | URLSearchParams,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (sp instanceof URLSearchParams) {
    for (const [k, v] of sp) if (!(k in out) && v !== "") out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && first !== "") out[k] = first;
  }
  return out;
}
