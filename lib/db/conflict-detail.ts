// One conflict case as its reader may see it: the case page (/conflicts/[id], /portal/conflicts/[id])
// and GET /api/v1/conflicts/{id}. Staff read every party, registration and deal with their
// timelines and rule traces; a partner reads its own registrations, "the vendor" and "another
// partner", the outcome and the rationale, never another partner's name, comment or count
// (docs/domain.md#roles-and-visibility). A foreign id is NOT_FOUND exactly like a missing one.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { db } from "./client";
import { OTHER_PARTNER_LABEL, opportunityFor, partiesFor, subjectFor, VENDOR_LABEL, type PartyView } from "./conflicts";
import { conflictScope } from "./scope";
import { storedDecisionFor, type StoredDecisionView } from "./trace";
import type { Prisma } from "./generated/sqlite/client";

const decisionSelect = {
  route: true,
  ruleSetId: true,
  ruleSetVersion: true,
  decidedAt: true,
  facts: true,
  trace: true,
  rule: { select: { name: true } },
} satisfies Prisma.RouteDecisionSelect;

const detailSelect = {
  id: true,
  type: true,
  status: true,
  level: true,
  summary: true,
  slaDueAt: true,
  openedAt: true,
  resolvedAt: true,
  resolution: true,
  rationale: true,
  tags: true,
  account: {
    select: {
      id: true,
      name: true,
      country: true,
      vertical: true,
      tier: true,
      namedAccount: true,
      region: { select: { code: true, name: true } },
      owner: { select: { name: true } },
    },
  },
  opportunity: {
    select: {
      id: true,
      name: true,
      stage: true,
      acvCents: true,
      currency: true,
      closeDate: true,
      createdAt: true,
      route: true,
      partnerId: true,
      ae: { select: { name: true } },
      partner: { select: { name: true } },
      routeDecision: { select: decisionSelect },
    },
  },
  parties: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      kind: true,
      partnerId: true,
      creditPct: true,
      partner: { select: { name: true } },
      user: { select: { id: true, name: true } },
    },
  },
  registrations: {
    select: {
      registration: {
        select: {
          id: true,
          partnerId: true,
          partner: { select: { name: true } },
          accountName: true,
          status: true,
          submittedAt: true,
          protectedUntil: true,
          activeClaimKey: true,
          estimatedAcvCents: true,
          currency: true,
          productLine: { select: { name: true } },
          routeDecision: { select: decisionSelect },
          events: {
            orderBy: { at: "asc" },
            select: { id: true, fromStatus: true, toStatus: true, actorLabel: true, reason: true, at: true },
          },
        },
      },
    },
  },
  events: {
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      fromLevel: true,
      toLevel: true,
      body: true,
      at: true,
      actor: { select: { name: true, role: true, partnerId: true } },
    },
  },
} satisfies Prisma.ConflictSelect;

type Row = Prisma.ConflictGetPayload<{ select: typeof detailSelect }>;
type DecisionRow = Prisma.RouteDecisionGetPayload<{ select: typeof decisionSelect }>;
export type DecisionView = StoredDecisionView<DecisionRow>;
type RegistrationRow = Row["registrations"][number]["registration"];
export type EvidenceRegistration = Omit<RegistrationRow, "routeDecision" | "activeClaimKey" | "partner"> & {
  partner: { name: string } | null;
  holdsClaim: boolean;
  routeDecision: DecisionView | null;
};
type EvidenceOpportunity = Omit<NonNullable<Row["opportunity"]>, "routeDecision" | "partner"> & {
  partner: { name: string } | null;
  routeDecision: DecisionView | null;
};
export type EventView = Omit<Row["events"][number], "actor"> & { actorLabel: string };
/** Who claimed the deal first, in the reader's words. */
type FirstClaim = { label: string; at: Date; self: boolean } | null;

export type ConflictDetail = Omit<Row, "parties" | "registrations" | "events" | "opportunity" | "tags"> & {
  /** What the case is about, in words (lib/db/conflicts.ts subjectFor). */
  subject: string;
  parties: PartyView[];
  tags: string[];
  registrations: EvidenceRegistration[];
  opportunity: EvidenceOpportunity | null;
  firstClaim: FirstClaim;
  events: EventView[];
  /** Whether the reader sees the vendor's side (names, every claim, the deal): staff. */
  staffView: boolean;
};

const decisionFor = (ctx: Ctx, d: DecisionRow | null): Promise<DecisionView | null> => storedDecisionFor(ctx, d);

const SYSTEM_ACTOR = "Accord (automatic)";

function actorLabel(ctx: Ctx, staff: boolean, actor: Row["events"][number]["actor"]): string {
  if (!actor) return SYSTEM_ACTOR;
  if (staff) return actor.name;
  if (actor.partnerId === ctx.partnerId) return actor.name;
  return actor.partnerId ? OTHER_PARTNER_LABEL : VENDOR_LABEL;
}

/** The earliest claim among the case's registrations and its direct deal. */
function firstClaimOf(ctx: Ctx, staff: boolean, row: Row): FirstClaim {
  const claims = [
    ...row.registrations.map(({ registration: r }) => ({
      at: r.submittedAt,
      partnerId: r.partnerId as string | null,
      name: r.partner.name,
    })),
    ...(row.opportunity && !row.opportunity.partnerId
      ? [{ at: row.opportunity.createdAt, partnerId: null, name: `Direct (${row.opportunity.ae?.name ?? "vendor"})` }]
      : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = claims[0];
  if (!first) return null;
  const self = !staff && first.partnerId === ctx.partnerId;
  const label = staff ? first.name : self ? "Your company" : first.partnerId ? OTHER_PARTNER_LABEL : VENDOR_LABEL;
  return { label, at: first.at, self };
}

export async function findConflict(ctx: Ctx, id: string): Promise<ConflictDetail | null> {
  const row = await db.conflict.findFirst({ where: { AND: [conflictScope(ctx), { id }] }, select: detailSelect });
  if (!row) return null;
  const staff = can(ctx, "conflict:read-parties");
  const registrations = await Promise.all(
    row.registrations
      .map((l) => l.registration)
      // a partner reads its own registrations only: another partner's claim is not its to see
      .filter((r) => staff || r.partnerId === ctx.partnerId)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
      .map(async ({ routeDecision, activeClaimKey, partner, ...r }) => ({
        ...r,
        partner: staff ? partner : null,
        holdsClaim: activeClaimKey !== null,
        routeDecision: await decisionFor(ctx, routeDecision),
      })),
  );
  const visibleOpp = opportunityFor(ctx, row.opportunity);
  const opportunity =
    visibleOpp && row.opportunity
      ? {
          ...row.opportunity,
          partner: staff ? row.opportunity.partner : null,
          routeDecision: await decisionFor(ctx, row.opportunity.routeDecision),
        }
      : null;
  const events = row.events
    // another partner's comments may name it: a partner reads its own company's and the vendor's
    .filter((e) => staff || e.kind !== "COMMENTED" || !e.actor?.partnerId || e.actor.partnerId === ctx.partnerId)
    .map(({ actor, ...e }) => ({
      ...e,
      // what another partner wrote (a reason for raising the case) stays with the vendor
      body: staff || !actor?.partnerId || actor.partnerId === ctx.partnerId ? e.body : "",
      actorLabel: actorLabel(ctx, staff, actor),
    }));
  return {
    ...row,
    subject: subjectFor(ctx, row),
    parties: partiesFor(ctx, row.parties),
    tags: Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === "string") : [],
    registrations,
    opportunity,
    firstClaim: firstClaimOf(ctx, staff, row),
    events,
    staffView: staff,
  };
}

export async function getConflict(ctx: Ctx, id: string): Promise<ConflictDetail> {
  const row = await findConflict(ctx, id);
  if (!row) throw notFound("Conflict");
  return row;
}
