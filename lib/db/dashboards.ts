// Read models of the role home pages (/ops, /manager, /ae, /exec, /portal). Every function takes the
// caller first and combines its filters with the caller's scope, so a dashboard tile can never
// count rows its reader could not open one by one.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { db } from "./client";
import { openOpportunity } from "./opportunities";
import { ruleSetInForceAt } from "./rule-sets";
import { accountScope, opportunityScope, partnerScope, registrationScope } from "./scope";
import type { Prisma } from "./generated/sqlite/client";

const DAY_MS = 86_400_000;

// ─────────────── registrations ───────────────

/** Queue health: awaiting a decision, overdue past SLA, protected now, protection ending soon. */
export async function registrationPulse(ctx: Ctx, now: Date, soonDays = 14) {
  const scoped = (w: Prisma.DealRegistrationWhereInput) =>
    db.dealRegistration.count({ where: { AND: [registrationScope(ctx), w] } });
  const soon = new Date(now.getTime() + soonDays * DAY_MS);
  const [awaiting, overdue, protectedNow, expiringSoon] = await Promise.all([
    scoped({ status: "SUBMITTED" }),
    scoped({ status: "SUBMITTED", slaDueAt: { lt: now } }),
    scoped({ status: "APPROVED", protectedUntil: { gte: now } }),
    scoped({ status: "APPROVED", protectedUntil: { gte: now, lt: soon } }),
  ]);
  return { awaiting, overdue, protectedNow, expiringSoon };
}

const queueSelect = {
  id: true,
  accountName: true,
  estimatedAcvCents: true,
  currency: true,
  status: true,
  route: true,
  slaDueAt: true,
  submittedAt: true,
  protectedUntil: true,
  decidedAt: true,
  decisionReason: true,
  partner: { select: { name: true } },
  productLine: { select: { name: true } },
} satisfies Prisma.DealRegistrationSelect;

export type QueueRow = Prisma.DealRegistrationGetPayload<{ select: typeof queueSelect }>;

/** Registrations awaiting a decision, the most urgent (earliest SLA) first. */
export async function listApprovalQueue(ctx: Ctx, take = 10): Promise<QueueRow[]> {
  return db.dealRegistration.findMany({
    where: { AND: [registrationScope(ctx), { status: "SUBMITTED" }] },
    orderBy: [{ slaDueAt: "asc" }, { id: "asc" }],
    take,
    select: queueSelect,
  });
}

/** Approved registrations whose protection ends within `days`, soonest first. */
export async function listExpiringRegistrations(ctx: Ctx, now: Date, days = 14, take = 10): Promise<QueueRow[]> {
  return db.dealRegistration.findMany({
    where: {
      AND: [
        registrationScope(ctx),
        { status: "APPROVED", protectedUntil: { gte: now, lt: new Date(now.getTime() + days * DAY_MS) } },
      ],
    },
    orderBy: [{ protectedUntil: "asc" }, { id: "asc" }],
    take,
    select: queueSelect,
  });
}

/** The latest approvals and rejections, with the reason the partner can read. */
export async function listRecentDecisions(ctx: Ctx, take = 8): Promise<QueueRow[]> {
  return db.dealRegistration.findMany({
    where: { AND: [registrationScope(ctx), { status: { in: ["APPROVED", "REJECTED"] }, decidedAt: { not: null } }] },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take,
    select: queueSelect,
  });
}

// Conflict counts and previews: lib/db/conflicts.ts (conflictTile, conflictPreview), one where clause with /conflicts.

// ─────────────── rules ───────────────

/** The published rule set in force at `now` (rule sets are readable by every role). */
export async function findRuleSetInForce(_ctx: Ctx, now: Date) {
  const inForce = await ruleSetInForceAt(now);
  if (!inForce) return null;
  return db.ruleSet.findUnique({
    where: { id: inForce.id },
    select: {
      id: true,
      version: true,
      effectiveFrom: true,
      changeNote: true,
      publisher: { select: { name: true } },
      _count: { select: { rules: true } },
    },
  });
}

// ─────────────── partners and book ───────────────

/** The partners the caller manages, with the registration and pipeline counts they act on. */
export async function listManagedPartners(ctx: Ctx, take = 25) {
  const regs = registrationScope(ctx);
  return db.partner.findMany({
    where: { AND: [partnerScope(ctx), { managerId: ctx.userId ?? "" }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      name: true,
      tier: true,
      type: true,
      status: true,
      _count: {
        select: {
          registrations: { where: { AND: [regs, { status: "SUBMITTED" }] } },
          opportunities: { where: { AND: [opportunityScope(ctx), openOpportunity] } },
        },
      },
    },
  });
}

export async function countManagedPartners(ctx: Ctx): Promise<number> {
  return db.partner.count({ where: { AND: [partnerScope(ctx), { managerId: ctx.userId ?? "" }] } });
}

/** Accounts the caller owns, and how many of them are named (reserved for direct). */
export async function countOwnedAccounts(ctx: Ctx) {
  const mine = { AND: [accountScope(ctx), { ownerId: ctx.userId ?? "" }] };
  const [accounts, named] = await Promise.all([
    db.account.count({ where: mine }),
    db.account.count({ where: { AND: [mine, { namedAccount: true }] } }),
  ]);
  return { accounts, named };
}

// ─────────────── pipeline ───────────────

// ACV sums add cents across deals as one reporting currency (USD in the demo company); a
// multi-currency install needs conversion here before these totals mean anything.
type Bucket = { key: string; count: number; acvCents: bigint };

function buckets<K extends string | null>(
  rows: { key: K; _count: { _all: number }; _sum: { acvCents: bigint | null } }[],
): Bucket[] {
  return rows.map((r) => ({ key: r.key ?? "UNROUTED", count: r._count._all, acvCents: r._sum.acvCents ?? BigInt(0) }));
}

/** Open pipeline (count and ACV) grouped by stage or by route. */
export async function openPipelineBy(ctx: Ctx, by: "stage" | "route" | "source"): Promise<Bucket[]> {
  const where = { AND: [opportunityScope(ctx), openOpportunity] };
  const rows = await db.opportunity.groupBy({ by: [by], where, _count: { _all: true }, _sum: { acvCents: true } });
  return buckets(rows.map((r) => ({ key: r[by] as string | null, _count: r._count, _sum: r._sum })));
}

/** The caller's open deals, the ones closing soonest first. */
export async function listOpenOpportunities(ctx: Ctx, take = 10) {
  return db.opportunity.findMany({
    where: { AND: [opportunityScope(ctx), openOpportunity] },
    orderBy: [{ closeDate: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      name: true,
      stage: true,
      route: true,
      partnerId: true,
      acvCents: true,
      currency: true,
      closeDate: true,
      account: { select: { name: true } },
      partner: { select: { name: true } },
    },
  });
}
