// Hand-off reads (docs/domain.md#hand-offs): the ops queue, a partner's offers, one offer, and the
// acceptance rate and time-to-accept per partner that the queue page, the scorecards and the
// council read. Every query is scoped (lib/db/scope.ts handoffScope); a partner reads only the offers
// made to it, and never how many offers came before or who declined.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { forbidden, notFound } from "@/lib/errors";
import { handoffStatsFromCounts, type PartnerHandoffStats } from "@/lib/handoffs/stats";
import type { HandoffListQuery, HandoffQueueQuery } from "@/lib/validation/handoffs";
import { offerFilterWhere, type OfferFilters } from "./handoff-filters";
import { db } from "./client";
import type { Prisma } from "./generated/sqlite/client";
import { ANSWERED } from "./handoff-offers";
import { paginate, scalar } from "./pagination";
import { handoffScope } from "./scope";
import { containsText } from "./text";

const NOTHING = { id: { in: [] as string[] } };

/** The queue names partners and deals without one: staff who read hand-offs (not partners, not AEs). */
function queueScope(ctx: Ctx): Prisma.HandoffQueueWhereInput {
  return can(ctx, "handoff:read-stats") ? {} : NOTHING;
}

const queueSelect = {
  id: true,
  state: true,
  origin: true,
  round: true,
  note: true,
  updatedAt: true,
  opportunity: {
    select: {
      id: true,
      name: true,
      acvCents: true,
      currency: true,
      route: true,
      partner: { select: { name: true } },
      account: { select: { id: true, name: true } },
    },
  },
  // the latest offer: the one open now, or the last one made
  handoffs: {
    orderBy: [{ offeredAt: "desc" }, { id: "desc" }],
    take: 1,
    select: {
      id: true,
      status: true,
      offerNumber: true,
      offeredAt: true,
      dueAt: true,
      rank: true,
      reasons: true,
      declineReason: true,
      partner: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.HandoffQueueSelect;

export type QueueRow = Prisma.HandoffQueueGetPayload<{ select: typeof queueSelect }>;

export async function listHandoffQueue(ctx: Ctx, q: HandoffQueueQuery, now = new Date()) {
  if (!can(ctx, "handoff:read-stats")) throw forbidden("The hand-off queue is for staff");
  const where: Prisma.HandoffQueueWhereInput = {
    AND: [
      queueScope(ctx),
      {
        ...(q.state ? { state: q.state } : {}),
        ...(q.overdue ? { state: "OFFERED", handoffs: { some: { status: "OFFERED", dueAt: { lte: now } } } } : {}),
        ...(q.partnerId ? { handoffs: { some: { partnerId: q.partnerId } } } : {}),
        ...(q.q
          ? { opportunity: { OR: [{ name: containsText(q.q) }, { account: { name: containsText(q.q) } }] } }
          : {}),
      },
    ],
  };
  return paginate<QueueRow, Prisma.HandoffQueueWhereInput, Prisma.HandoffQueueOrderByWithRelationInput>(
    (args) =>
      db.handoffQueue.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: queueSelect,
      }),
    (take) => db.handoffQueue.count({ where, take }),
    {
      list: "handoff-queue",
      ctx,
      sort: q.sort,
      column: scalar(),
      dir: q.dir ?? "desc",
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
}

/** The queue row of one deal, for its page ("Offer to partners"); null when it never entered the queue. */
export async function findHandoffQueueOf(ctx: Ctx, opportunityId: string): Promise<QueueRow | null> {
  if (!can(ctx, "handoff:read-stats")) return null;
  return db.handoffQueue.findFirst({ where: { AND: [queueScope(ctx), { opportunityId }] }, select: queueSelect });
}

// What a partner sees of an offer: the account and deal it needs to act, never the offer's number,
// rank, reasons or anything about other partners.
const offerSelect = {
  id: true,
  status: true,
  offeredAt: true,
  dueAt: true,
  respondedAt: true,
  declineReason: true,
  opportunity: {
    select: {
      id: true,
      name: true,
      acvCents: true,
      currency: true,
      stage: true,
      closeDate: true,
      productLine: { select: { name: true } },
      account: { select: { name: true, domain: true, country: true, vertical: true, tier: true } },
    },
  },
} satisfies Prisma.HandoffSelect;

// What staff see besides: which partner, the offer's place in its round and why the partner ranked there.
const staffOfferSelect = {
  ...offerSelect,
  partnerId: true,
  partner: { select: { name: true } },
  round: true,
  offerNumber: true,
  rank: true,
  reasons: true,
} satisfies Prisma.HandoffSelect;

type PartnerOffer = Prisma.HandoffGetPayload<{ select: typeof offerSelect }>;
type StaffOffer = Prisma.HandoffGetPayload<{ select: typeof staffOfferSelect }>;
export type Offer = PartnerOffer & Partial<Omit<StaffOffer, keyof PartnerOffer>>;

function selectFor(ctx: Ctx) {
  return ctx.role === "PARTNER" ? offerSelect : staffOfferSelect;
}

/** Offers in the caller's scope: the portal's Offers page, GET /api/v1/handoffs and staff's /handoffs/offers. */
export async function listOffers(ctx: Ctx, q: HandoffListQuery & OfferFilters) {
  if (!can(ctx, "handoff:read")) throw forbidden("You cannot read hand-offs");
  const where: Prisma.HandoffWhereInput = {
    AND: [
      handoffScope(ctx),
      {
        ...(q.status ? { status: q.status } : {}),
        ...(q.partnerId ? { partnerId: q.partnerId } : {}),
        ...(q.opportunityId ? { opportunityId: q.opportunityId } : {}),
      },
      offerFilterWhere(q),
    ],
  };
  return paginate<Offer, Prisma.HandoffWhereInput, Prisma.HandoffOrderByWithRelationInput>(
    (args) =>
      db.handoff.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: selectFor(ctx),
      }) as Promise<Offer[]>,
    (take) => db.handoff.count({ where, take }),
    {
      list: "handoffs",
      ctx,
      sort: q.sort,
      column: scalar(),
      dir: q.dir ?? "desc",
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
}

export async function getOffer(ctx: Ctx, id: string): Promise<Offer> {
  if (!can(ctx, "handoff:read")) throw notFound("Offer");
  const row = (await db.handoff.findFirst({
    where: { AND: [handoffScope(ctx), { id }] },
    select: selectFor(ctx),
  })) as Offer | null;
  if (!row) throw notFound("Offer");
  return row;
}

export type HandoffStatsRow = PartnerHandoffStats & { partnerName: string };

/**
 * Acceptance rate and median time-to-accept per partner over the offers MADE in [from, to) that the
 * partner answered or let expire (open and withdrawn offers are not counted), optionally for one
 * partner. Staff only (it names partners): the scorecards and the council read the same numbers.
 */
export async function handoffStats(
  ctx: Ctx,
  opts: { partnerId?: string; from: Date; to: Date },
): Promise<HandoffStatsRow[]> {
  if (!can(ctx, "handoff:read-stats")) throw forbidden("Hand-off statistics are for staff");
  const where = {
    AND: [
      handoffScope(ctx),
      { status: { in: [...ANSWERED] }, offeredAt: { gte: opts.from, lt: opts.to } },
      opts.partnerId ? { partnerId: opts.partnerId } : {},
    ],
  };
  // counts by partner and outcome in the database; only accepted offers' two times are read, for the median
  const [counts, accepted] = await Promise.all([
    db.handoff.groupBy({ by: ["partnerId", "status"], where, _count: { _all: true } }),
    db.handoff.findMany({
      where: { AND: [where, { status: "ACCEPTED" }] },
      select: { partnerId: true, offeredAt: true, respondedAt: true },
    }),
  ]);
  const names = new Map(
    (
      await db.partner.findMany({
        where: { id: { in: [...new Set(counts.map((c) => c.partnerId))] } },
        select: { id: true, name: true },
      })
    ).map((p) => [p.id, p.name]),
  );
  return handoffStatsFromCounts(
    counts.map((c) => ({
      partnerId: c.partnerId,
      status: c.status as (typeof ANSWERED)[number],
      count: c._count._all,
    })),
    accepted,
  )
    .map((s) => ({ ...s, partnerName: names.get(s.partnerId) ?? "" }))
    .sort((a, b) => (a.partnerName < b.partnerName ? -1 : a.partnerName > b.partnerName ? 1 : 0));
}
