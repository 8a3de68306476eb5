// MDF reads (docs/domain.md#mdf): funds with their balances, requests by status, one request, its
// proof, and the return on the activities paid for (mdfRomi, shared with the partner scorecard and
// the council). Every query is scoped by mdfFundScope / mdfRequestScope (lib/db/scope.ts): a foreign
// id answers like a missing one.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { forbidden, notFound } from "@/lib/errors";
import { romi, romiBy, type Romi, type RomiInput } from "@/lib/mdf/romi";
import { fundBalance, fundOpen, type MdfStatus } from "@/lib/mdf/state";
import { db } from "./client";
import { mdfFundScope, mdfRequestScope, opportunityScope } from "./scope";

function requireRead(ctx: Ctx) {
  if (!can(ctx, "mdf:read")) throw forbidden("MDF is for partners, their managers, executives and channel operations");
}

export type MdfFundRow = {
  id: string;
  quarter: string;
  owner: string;
  partnerId: string | null;
  motion: string | null;
  allocatedCents: bigint;
  committedCents: bigint;
  spentCents: bigint;
  balanceCents: bigint;
  expiresAt: Date | null;
  open: boolean;
};

/** The funds the caller may see, newest quarter first. */
export async function listMdfFunds(ctx: Ctx, now = new Date(), take = 100): Promise<MdfFundRow[]> {
  requireRead(ctx);
  const rows = await db.mdfFund.findMany({
    where: mdfFundScope(ctx),
    orderBy: [{ quarter: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    take,
    select: fundSelect,
  });
  return rows.map((f) => fundRow(f, now));
}

const fundSelect = {
  id: true,
  quarter: true,
  partnerId: true,
  motion: true,
  allocatedCents: true,
  committedCents: true,
  spentCents: true,
  expiresAt: true,
  partner: { select: { name: true } },
} as const;

function fundRow(
  { partner, ...f }: Omit<MdfFundRow, "owner" | "balanceCents" | "open"> & { partner: { name: string } | null },
  now: Date,
): MdfFundRow {
  return {
    ...f,
    owner: partner?.name ?? f.motion ?? "Unassigned",
    balanceCents: fundBalance(f),
    open: fundOpen(f, now),
  };
}

const FUND_PAGE = 25;

/** A page of the funds in the caller's scope, of one quarter and/or partner, newest quarter first. */
export async function pageMdfFunds(
  ctx: Ctx,
  q: { fundQuarter?: string; fundPartnerId?: string; fundPage?: number },
  now = new Date(),
): Promise<{ rows: MdfFundRow[]; total: number; page: number; pages: number }> {
  requireRead(ctx);
  const where = {
    AND: [
      mdfFundScope(ctx),
      q.fundQuarter ? { quarter: q.fundQuarter } : {},
      q.fundPartnerId ? { partnerId: q.fundPartnerId } : {},
    ],
  };
  const page = Math.max(1, q.fundPage ?? 1);
  const [total, rows] = await Promise.all([
    db.mdfFund.count({ where }),
    db.mdfFund.findMany({
      where,
      orderBy: [{ quarter: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * FUND_PAGE,
      take: FUND_PAGE,
      select: fundSelect,
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / FUND_PAGE)), rows: rows.map((f) => fundRow(f, now)) };
}

/** The quarters that have funds in the caller's scope, newest first (the funds filter's choices). */
export async function mdfFundQuarters(ctx: Ctx): Promise<string[]> {
  requireRead(ctx);
  const rows = await db.mdfFund.findMany({
    where: mdfFundScope(ctx),
    distinct: ["quarter"],
    orderBy: { quarter: "desc" },
    select: { quarter: true },
    take: 40,
  });
  return rows.map((r) => r.quarter);
}

export type MdfRequestRow = {
  id: string;
  status: MdfStatus;
  activity: string;
  amountCents: bigint;
  expectedPipelineCents: bigint;
  partnerName: string;
  fundQuarter: string;
  fundOwner: string;
  requestedAt: Date;
  requestedBy: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionReason: string | null;
  claimedAt: Date | null;
  proofName: string | null;
  paidAt: Date | null;
  paidBy: string | null;
  /** Deals linked to the request that the caller may see (lib/db/opportunity-mdf.ts), the first few; and how many. */
  deals: { id: string; name: string; stage: string }[];
  dealCount: number;
};

const DEALS_SHOWN = 5;

const PAGE = 25;

/** Requests in the caller's scope, optionally of one status, newest first, a page at a time. */
export async function listMdfRequests(
  ctx: Ctx,
  opts: { status?: MdfStatus; page?: number } = {},
): Promise<{ rows: MdfRequestRow[]; total: number; page: number; pages: number }> {
  requireRead(ctx);
  const where = { AND: [mdfRequestScope(ctx), opts.status ? { status: opts.status } : {}] };
  const page = Math.max(1, opts.page ?? 1);
  const [total, rows] = await Promise.all([
    db.mdfRequest.count({ where }),
    db.mdfRequest.findMany({
      where,
      orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: {
        id: true,
        status: true,
        activity: true,
        amountCents: true,
        expectedPipelineCents: true,
        requestedAt: true,
        decidedAt: true,
        decisionReason: true,
        claimedAt: true,
        proofName: true,
        paidAt: true,
        partner: { select: { name: true } },
        fund: { select: { quarter: true, motion: true, partner: { select: { name: true } } } },
        requestedBy: { select: { name: true } },
        decidedBy: { select: { name: true } },
        paidBy: { select: { name: true } },
        opportunities: {
          where: opportunityScope(ctx),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: DEALS_SHOWN,
          select: { id: true, name: true, stage: true },
        },
        _count: { select: { opportunities: { where: opportunityScope(ctx) } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE)),
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      activity: r.activity,
      amountCents: r.amountCents,
      expectedPipelineCents: r.expectedPipelineCents,
      partnerName: r.partner.name,
      fundQuarter: r.fund.quarter,
      fundOwner: r.fund.partner?.name ?? r.fund.motion ?? "Unassigned",
      requestedAt: r.requestedAt,
      requestedBy: r.requestedBy?.name ?? null,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedBy?.name ?? null,
      decisionReason: r.decisionReason,
      claimedAt: r.claimedAt,
      proofName: r.proofName,
      paidAt: r.paidAt,
      paidBy: r.paidBy?.name ?? null,
      deals: r.opportunities,
      dealCount: r._count.opportunities,
    })),
  };
}

/** Counts per status in the caller's scope (the queue's tabs). */
export async function countMdfRequests(ctx: Ctx): Promise<Record<MdfStatus, number>> {
  requireRead(ctx);
  const groups = await db.mdfRequest.groupBy({ by: ["status"], where: mdfRequestScope(ctx), _count: { _all: true } });
  const out: Record<MdfStatus, number> = { REQUESTED: 0, APPROVED: 0, REJECTED: 0, CLAIMED: 0, PAID: 0 };
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}

/** A claim's proof file, for the scoped download route; NOT_FOUND when out of scope or without proof. */
export async function getMdfProof(ctx: Ctx, requestId: string) {
  requireRead(ctx);
  const row = await db.mdfRequest.findFirst({
    where: { AND: [{ id: requestId }, mdfRequestScope(ctx)] },
    select: { proofPath: true, proofName: true, proofType: true },
  });
  if (!row?.proofPath || !row.proofType) throw notFound("Proof");
  return { path: row.proofPath, name: row.proofName ?? "proof", type: row.proofType };
}

export type MdfRomi = { total: Romi; byFund: Map<string, Romi>; byMotion: Map<string, Romi> };

/** The motion a fund's ROMI is grouped under: its own, or "Partner funds" for a partner's fund. */
const PARTNER_FUNDS = "Partner funds";

/**
 * ROMI (lib/mdf/romi.ts) of the PAID requests in the caller's scope, optionally of one partner or
 * quarter: Σ ACV of CLOSED_WON opportunities linked to them ÷ Σ their amounts, in total, per fund and
 * per motion. The partner scorecard passes `{ partnerId }`, the council `{ quarters }`.
 */
export async function mdfRomi(ctx: Ctx, filter: { partnerId?: string; quarters?: string[] } = {}): Promise<MdfRomi> {
  requireRead(ctx);
  const paid = await db.mdfRequest.findMany({
    where: {
      AND: [
        mdfRequestScope(ctx),
        { status: "PAID" },
        filter.partnerId ? { partnerId: filter.partnerId } : {},
        filter.quarters ? { fund: { quarter: { in: filter.quarters } } } : {},
      ],
    },
    select: {
      amountCents: true,
      partnerId: true,
      fund: { select: { id: true, motion: true } },
      opportunities: { where: { stage: "CLOSED_WON" }, select: { acvCents: true } },
    },
  });
  const rows: RomiInput[] = paid.map((r) => ({
    fundId: r.fund.id,
    motion: r.fund.motion ?? PARTNER_FUNDS,
    partnerId: r.partnerId,
    paidCents: r.amountCents,
    wonCents: r.opportunities.reduce((s, o) => s + o.acvCents, 0n),
  }));
  return { total: romi(rows), byFund: romiBy(rows, (r) => r.fundId), byMotion: romiBy(rows, (r) => r.motion) };
}
