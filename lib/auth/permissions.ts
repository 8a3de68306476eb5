// The permission table: which role may do what. Pure; unit-tested for every role × action.
// Row-level scoping (which partner's rows) is not decided here but in lib/db/scope.ts.
import type { Ctx, ExecTitle, Role } from "./types";

export const ACTIONS = [
  "partner:read",
  "partner:manage",
  "partner:read-users",
  "account:read",
  "opportunity:read",
  "opportunity:manage",
  "registration:read",
  "registration:create",
  "registration:decide",
  "registration:extend",
  "registration:withdraw",
  "registration:update",
  "registration:read-partner",
  "registration:read-evidence",
  "ruleset:read",
  "ruleset:edit",
  "ruleset:publish",
  "route:evaluate",
  "route:reroute",
  "route:see-partner-clauses",
  "conflict:read",
  "conflict:read-parties",
  "conflict:raise",
  "conflict:comment",
  "conflict:escalate",
  "conflict:resolve",
  "conflict:precedents",
  "attribution:read",
  "forecast:read",
  "council:read",
  "council:manage",
  "maturity:read",
  "maturity:assess",
  "audit:read",
  "outbox:manage",
  "apikey:manage",
  "user:manage",
  "settings:manage",
  // --- issue 12 D1: the opportunity write path (lib/db/opportunity-writes.ts) ---
  "opportunity:create",
  "opportunity:update",
  "opportunity:close",
  "opportunity:touch",
  "opportunity:accept-route",
  // --- pricing guardrails (docs/domain.md#pricing-guardrails) ---
  "pricing:read",
  "pricing:manage",
  "pricing:direct-discount",
  // --- issue 12 D3: attribution and pay (lib/db/payouts.ts, lib/db/attribution-dispute.ts) ---
  "payout:read",
  "payout:adjust",
  "attribution:dispute",
  // hand-offs (docs/domain.md#hand-offs)
  "handoff:read",
  "handoff:manage",
  "handoff:respond",
  "handoff:read-stats",
  // the monthly council pack (docs/domain.md#council-pack)
  "council-pack:read",
  "council-pack:record",
  // MDF (docs/domain.md#mdf, lib/db/mdf.ts)
  "mdf:read",
  "mdf:request",
  "mdf:claim",
  "mdf:decide",
  "mdf:pay",
  "mdf:link-deal",
  // --- scorecards and tiers (docs/domain.md#scorecards-and-tiers) ---
  "scorecard:read",
  "tier:manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL_STAFF: Role[] = ["ADMIN", "PARTNER_MANAGER", "AE", "EXEC"];

const TABLE: Record<Action, readonly Role[]> = {
  "partner:read": [...ALL_STAFF, "PARTNER"],
  "partner:manage": ["ADMIN"],
  // the company's own user list (portal "Company" page); partnerScope keeps it to the own company
  "partner:read-users": ["PARTNER"],
  "account:read": [...ALL_STAFF, "PARTNER"],
  "opportunity:read": [...ALL_STAFF, "PARTNER"],
  "opportunity:manage": ["ADMIN", "AE"],
  "registration:read": [...ALL_STAFF, "PARTNER"],
  "registration:create": ["PARTNER"],
  "registration:decide": ["ADMIN", "PARTNER_MANAGER"],
  "registration:extend": ["PARTNER"],
  "registration:withdraw": ["PARTNER"],
  "registration:update": ["PARTNER"],
  // which partner registered a deal (a partner reads only its own registrations, so needs no name)
  "registration:read-partner": ALL_STAFF,
  // competing claims and the direct team's opportunities on the account: they name other partners
  "registration:read-evidence": ALL_STAFF,
  "ruleset:read": [...ALL_STAFF, "PARTNER"],
  "ruleset:edit": ["ADMIN"],
  "ruleset:publish": ["ADMIN"],
  "route:evaluate": [...ALL_STAFF, "PARTNER"],
  "route:reroute": ["ADMIN"],
  // a route trace whole: conditions naming particular partners, the vendor's own facts, the technical form (lib/db/trace.ts)
  "route:see-partner-clauses": ALL_STAFF,
  // rows scoped by conflictScope (lib/db/scope.ts): a partner reads only the cases it is party to
  "conflict:read": [...ALL_STAFF, "PARTNER"],
  // the names of the parties to a case; a partner reads "the vendor" / "another partner" instead
  "conflict:read-parties": ALL_STAFF,
  // an AE on its own opportunity, a partner on its own registration, channel operations on any
  "conflict:raise": ["ADMIN", "AE", "PARTNER"],
  "conflict:comment": [...ALL_STAFF, "PARTNER"],
  // the deciders of the case's current level, and channel operations at every level (CONFLICT_LEVEL_DECIDERS)
  "conflict:escalate": ["ADMIN", "AE", "PARTNER_MANAGER", "EXEC"],
  "conflict:resolve": ["ADMIN", "AE", "PARTNER_MANAGER", "EXEC"],
  // the precedent log and similar past cases name partners
  "conflict:precedents": ALL_STAFF,
  "attribution:read": [...ALL_STAFF, "PARTNER"],
  // the joint forecast is a whole-company figure (lib/db/forecast.ts): executives and channel operations
  "forecast:read": ["ADMIN", "EXEC"],
  "council:read": ["ADMIN", "EXEC"],
  "council:manage": ["EXEC", "ADMIN"],
  "maturity:read": ["ADMIN", "EXEC", "PARTNER_MANAGER"],
  "maturity:assess": ["ADMIN", "EXEC"],
  "audit:read": ["ADMIN"],
  "outbox:manage": ["ADMIN"],
  "apikey:manage": ["ADMIN", "PARTNER"],
  "user:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
  // --- issue 12 D1: opportunities. An AE writes its own deals (opportunityScope keeps it to them),
  // channel operations on anyone's behalf; everyone else reads only. Accepting a route the rules
  // re-ran to (sticky ownership kept the old one, docs/domain.md) is channel operations' call.
  "opportunity:create": ["ADMIN", "AE"],
  "opportunity:update": ["ADMIN", "AE"],
  "opportunity:close": ["ADMIN", "AE"],
  "opportunity:touch": ["ADMIN", "AE"],
  "opportunity:accept-route": ["ADMIN"],
  // --- pricing guardrails (docs/domain.md#pricing-guardrails) ---
  // the corridor table and the discount-leakage report; the deals behind it are scoped by
  // opportunityScope (lib/db/scope.ts), so an AE's report counts its own deals only
  "pricing:read": ALL_STAFF,
  // create and edit corridors: channel operations
  "pricing:manage": ["ADMIN"],
  // whose discount is the direct team's: on a deal under a partner's protection it opens a
  // PRICING_UNDERCUT case (lib/db/pricing-guardrails.ts)
  "pricing:direct-discount": ["AE"],
  // --- issue 12 D3: payout statements. Whose statement a caller may open is scoped in lib/db/scope.ts
  // (statementUserScope / statementPartnerScope): channel operations any AE's or partner's, an AE its
  // own, a partner manager its partners', a partner its own company's. Executives read the forecast,
  // not individual pay. Adjustments are channel operations' alone (with a reason, audited).
  "payout:read": ["ADMIN", "PARTNER_MANAGER", "AE", "PARTNER"],
  "payout:adjust": ["ADMIN"],
  // an attribution dispute on a closed deal: its AE, a partner credited on it, or channel operations
  "attribution:dispute": ["ADMIN", "AE", "PARTNER"],

  // ── hand-offs (docs/domain.md#hand-offs) ──
  // rows scoped by handoffScope (lib/db/scope.ts): a partner reads only the offers made to it
  "handoff:read": ["ADMIN", "PARTNER_MANAGER", "EXEC", "PARTNER"],
  // the queue: offer a direct lead to partners, re-offer a deal that came back, withdraw an offer
  "handoff:manage": ["ADMIN"],
  // accept or decline an offer made to the caller's own company
  "handoff:respond": ["PARTNER"],
  // acceptance rate and time-to-accept per partner (they name partners)
  "handoff:read-stats": ["ADMIN", "PARTNER_MANAGER", "EXEC"],

  // ── the monthly council pack (docs/domain.md#council-pack) ──
  // every staff role reads the meetings, their agenda (each item counted in the reader's own scope),
  // decisions and action items; the council's members record them. A RULE_CHANGE decision creates a
  // rule-set draft without ruleset:edit: the council decides the change, channel operations edit it.
  "council-pack:read": ALL_STAFF,
  "council-pack:record": ["EXEC", "ADMIN"],
  // ── MDF (docs/domain.md#mdf) ──
  // funds and requests scoped by mdfFundScope / mdfRequestScope (lib/db/scope.ts): a partner its own,
  // a partner manager its partners' (and the motion funds), channel operations and executives all
  "mdf:read": ["ADMIN", "PARTNER_MANAGER", "EXEC", "PARTNER"],
  // request funds for an activity, and claim an approved request with proof: the partner
  "mdf:request": ["PARTNER"],
  "mdf:claim": ["PARTNER"],
  // approve or reject a request: the partner's manager, or channel operations
  "mdf:decide": ["ADMIN", "PARTNER_MANAGER"],
  // mark a claimed request paid: channel operations
  "mdf:pay": ["ADMIN"],
  // link a deal to the MDF activity that sourced it (lib/db/opportunity-mdf.ts): whoever edits deals,
  // on a deal they may edit; they see only the deal's own partner's approved activities, by name
  "mdf:link-deal": ["ADMIN", "AE"],
  // ── scorecards and tiers (docs/domain.md#scorecards-and-tiers) ──
  // which partners' scorecards is scorecardPartnerScope (lib/db/scorecards.ts): a partner its own, a
  // partner manager its partners, channel operations and executives all. AEs sell direct: none.
  "scorecard:read": ["ADMIN", "PARTNER_MANAGER", "EXEC", "PARTNER"],
  // tier criteria, and confirming or dismissing the quarterly tier proposals: channel operations
  "tier:manage": ["ADMIN"],
};

/**
 * Who decides (resolves or escalates) a conflict at each escalation level
 * (docs/domain.md#conflicts-and-escalation). Channel operations (ADMIN) may act at every level.
 * At level 1 the row decides too: the AE of the case's deal, the manager of a partner party
 * (lib/db/conflict-writes.ts).
 */
export const CONFLICT_LEVEL_DECIDERS: Record<1 | 2 | 3 | 4, { roles: Role[]; titles?: ExecTitle[] }> = {
  1: { roles: ["AE", "PARTNER_MANAGER"] },
  2: { roles: ["EXEC"], titles: ["VP_SALES", "VP_CHANNEL"] },
  3: { roles: ["EXEC"], titles: ["CRO"] },
  4: { roles: ["EXEC"], titles: ["CEO"] },
};

/** The actions decided per escalation level: pass `{ conflictLevel }` to can(). */
const LEVEL_ACTIONS: readonly Action[] = ["conflict:resolve", "conflict:escalate"];

export type Resource = { conflictLevel?: number };

export function can(ctx: Pick<Ctx, "role" | "title"> | null, action: Action, resource: Resource = {}): boolean {
  if (!ctx) return false;
  if (!TABLE[action].includes(ctx.role)) return false;
  if (LEVEL_ACTIONS.includes(action) && resource.conflictLevel !== undefined) {
    return decidesLevel(ctx, resource.conflictLevel);
  }
  return true;
}

/** Whether the caller's role (and title) decides conflicts at this level; ADMIN decides every level. */
function decidesLevel(ctx: Pick<Ctx, "role" | "title">, level: number): boolean {
  const deciders = CONFLICT_LEVEL_DECIDERS[level as 1 | 2 | 3 | 4];
  if (!deciders) return false;
  if (ctx.role === "ADMIN") return true;
  if (!deciders.roles.includes(ctx.role)) return false;
  if (deciders.titles && (!ctx.title || !deciders.titles.includes(ctx.title))) return false;
  return true;
}
