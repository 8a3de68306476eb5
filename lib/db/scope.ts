// One where-clause builder per model: what the caller may see. Every query in lib/db combines its
// own filters with these (AND), so a row outside the caller's scope is indistinguishable from a
// missing one. This is the one place that branches on the caller's role to build a where clause;
// whether a role may act at all is lib/auth/permissions.ts (can()).
import { CONFLICT_LEVEL_DECIDERS } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import type { Prisma } from "./generated/sqlite/client";

const NOTHING = { id: { in: [] as string[] } };

export function partnerScope(ctx: Ctx): Prisma.PartnerWhereInput {
  switch (ctx.role) {
    case "PARTNER":
      return ctx.partnerId ? { id: ctx.partnerId } : NOTHING;
    default:
      return {};
  }
}

export function registrationScope(ctx: Ctx): Prisma.DealRegistrationWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return {};
    case "PARTNER_MANAGER":
      return { partner: { managerId: ctx.userId ?? "" } };
    case "AE":
      return { account: { ownerId: ctx.userId ?? "" } };
    case "PARTNER":
      return ctx.partnerId ? { partnerId: ctx.partnerId } : NOTHING;
  }
}

export function opportunityScope(ctx: Ctx): Prisma.OpportunityWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return {};
    case "PARTNER_MANAGER":
      return { partner: { managerId: ctx.userId ?? "" } };
    case "AE":
      return { aeId: ctx.userId ?? "" };
    case "PARTNER":
      return ctx.partnerId ? { partnerId: ctx.partnerId } : NOTHING;
  }
}

export function accountScope(ctx: Ctx): Prisma.AccountWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
    case "PARTNER_MANAGER":
      return {};
    case "AE":
      return { OR: [{ ownerId: ctx.userId ?? "" }, { opportunities: { some: { aeId: ctx.userId ?? "" } } }] };
    case "PARTNER":
      // a partner sees the accounts it registered or sells to, never the vendor's whole book
      return ctx.partnerId
        ? {
            OR: [
              { registrations: { some: { partnerId: ctx.partnerId } } },
              { opportunities: { some: { partnerId: ctx.partnerId } } },
            ],
          }
        : NOTHING;
  }
}

/** Conflicts through their parties (indexed ConflictParty.partnerId / userId). */
export function conflictScope(ctx: Ctx): Prisma.ConflictWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return {};
    case "PARTNER_MANAGER":
      return { parties: { some: { partner: { managerId: ctx.userId ?? "" } } } };
    case "AE":
      return { parties: { some: { userId: ctx.userId ?? "" } } };
    case "PARTNER":
      return ctx.partnerId ? { parties: { some: { partnerId: ctx.partnerId } } } : NOTHING;
  }
}

/** Rule sets: partners read the published versions (and retired ones), never drafts. */
export function ruleSetScope(ctx: Ctx): Prisma.RuleSetWhereInput {
  return ctx.role === "PARTNER" ? { status: { not: "DRAFT" } } : {};
}

/** Attribution rows: a partner sees its own and the vendor's, never another partner's (docs/domain.md#roles-and-visibility). */
export function attributionScope(ctx: Ctx): Prisma.AttributionWhereInput {
  return ctx.role === "PARTNER" ? { OR: [{ partnerId: ctx.partnerId ?? "" }, { party: "DIRECT" }] } : {};
}

/** API keys: a partner's users hold their company's keys, channel operations the admin keys. */
export function apiKeyScope(ctx: Ctx): { scope: "PARTNER"; partnerId: string } | { scope: "ADMIN" } {
  return ctx.role === "PARTNER" ? { scope: "PARTNER", partnerId: ctx.partnerId ?? "" } : { scope: "ADMIN" };
}

/**
 * The caller's own slice of the conflicts their scope holds (the "mine" tab of /conflicts,
 * lib/validation/conflict-filters.ts): an executive's escalation level (the levels their title
 * decides, lib/auth/permissions.ts CONFLICT_LEVEL_DECIDERS), a partner manager's partners, an
 * AE's deals (owner of the account, AE of the opportunity, or the direct party); channel
 * operations and partners have no narrower slice than their scope.
 */
export function conflictSliceScope(ctx: Ctx): Prisma.ConflictWhereInput {
  const me = ctx.userId ?? "";
  switch (ctx.role) {
    case "EXEC": {
      const levels = Object.entries(CONFLICT_LEVEL_DECIDERS)
        .filter(([, d]) => d.roles.includes("EXEC") && !!ctx.title && !!d.titles?.includes(ctx.title))
        .map(([level]) => Number(level));
      return levels.length ? { level: { in: levels } } : {};
    }
    case "PARTNER_MANAGER":
      return { parties: { some: { partner: { managerId: me } } } };
    case "AE":
      return conflictAeScope(me);
    case "ADMIN":
    case "PARTNER":
      return {};
  }
}

/** Cases on one AE's deals: the account they own, the opportunity they sell, or the direct party. */
export function conflictAeScope(userId: string): Prisma.ConflictWhereInput {
  return {
    OR: [{ account: { ownerId: userId } }, { opportunity: { aeId: userId } }, { parties: { some: { userId } } }],
  };
}

/** Whose AE payout statement the caller may open (lib/db/payouts.ts): ops any AE's, an AE its own. */
export function statementUserScope(ctx: Ctx): Prisma.UserWhereInput {
  switch (ctx.role) {
    case "ADMIN":
      return { role: "AE" };
    case "AE":
      return { id: ctx.userId ?? "", role: "AE" };
    default:
      return NOTHING;
  }
}

/** Whose partner payout statement the caller may open: ops any, a manager its partners', a partner its own. */
export function statementPartnerScope(ctx: Ctx): Prisma.PartnerWhereInput {
  switch (ctx.role) {
    case "ADMIN":
      return {};
    case "PARTNER_MANAGER":
      return { managerId: ctx.userId ?? "" };
    case "PARTNER":
      return ctx.partnerId ? { id: ctx.partnerId } : NOTHING;
    default:
      return NOTHING;
  }
}

/** Closed deals a caller may dispute the attribution of: its own deals; a partner's, any deal it is credited on. */
export function disputeOpportunityScope(ctx: Ctx): Prisma.OpportunityWhereInput {
  return ctx.role === "PARTNER" && ctx.partnerId
    ? { OR: [{ partnerId: ctx.partnerId }, { attributions: { some: { partnerId: ctx.partnerId } } }] }
    : opportunityScope(ctx);
}

/** Hand-off offers (docs/domain.md#hand-offs): a partner reads only the offers made to it, a partner manager its partners'. */
export function handoffScope(ctx: Ctx): Prisma.HandoffWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return {};
    case "PARTNER_MANAGER":
      return { partner: { managerId: ctx.userId ?? "" } };
    case "AE":
      return NOTHING;
    case "PARTNER":
      return ctx.partnerId ? { partnerId: ctx.partnerId } : NOTHING;
  }
}

/** MDF funds (docs/domain.md#mdf): a partner its own; a partner manager its partners' and the motion funds; an AE none. */
export function mdfFundScope(ctx: Ctx): Prisma.MdfFundWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return {};
    case "PARTNER_MANAGER":
      return { OR: [{ partner: { managerId: ctx.userId ?? "" } }, { partnerId: null }] };
    case "AE":
      return NOTHING;
    case "PARTNER":
      return ctx.partnerId ? { partnerId: ctx.partnerId } : NOTHING;
  }
}

/** MDF requests: a partner its own company's, a partner manager its partners', an AE none. */
export function mdfRequestScope(ctx: Ctx): Prisma.MdfRequestWhereInput {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return {};
    case "PARTNER_MANAGER":
      return { partner: { managerId: ctx.userId ?? "" } };
    case "AE":
      return NOTHING;
    case "PARTNER":
      return ctx.partnerId ? { partnerId: ctx.partnerId } : NOTHING;
  }
}
