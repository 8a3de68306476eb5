// Payout statements (docs/domain.md#attribution-and-pay): per AE and per partner, per month or
// quarter — the won deals closed in the period with their final attribution for that party, plus
// the adjustments booked to the period's months; every line names its deal, category and the rule
// that produced it. Whose statement a caller may open is scoped (lib/db/scope.ts
// statementUserScope / statementPartnerScope): a statement outside it answers 404 like a missing
// one. A partner's statement holds its own figures only, never another party's.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import type { AttributionCategory, Period } from "@/lib/attribution";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { AdjustmentData } from "@/lib/validation/payouts";
import { audit } from "./audit";
import { db } from "./client";
import { notify } from "./outbox";
import { statementPartnerScope, statementUserScope } from "./scope";
import { transaction } from "./transaction";

export type StatementSubject = { kind: "AE"; id: string } | { kind: "PARTNER"; id: string };

export type StatementLine = {
  opportunityId: string;
  dealName: string;
  accountName: string;
  closedAt: Date;
  acvCents: bigint;
  currency: string;
  category: AttributionCategory;
  creditPct: number;
  /** AE statements only (zero on a partner's). */
  quotaCreditCents: bigint;
  spiffCents: bigint;
  /** Partner statements only (null on an AE's). */
  partnerMarginPct: number | null;
  partnerMarginCents: bigint;
  basis: string;
};

export type StatementAdjustment = {
  id: string;
  kind: "QUOTA_CREDIT" | "SPIFF" | "MARGIN";
  amountCents: bigint;
  month: string;
  reason: string;
  createdAt: Date;
  by: string | null;
  opportunity: { id: string; name: string } | null;
};

type StatementTotals = {
  deals: number;
  acvCents: bigint;
  quotaCreditCents: bigint;
  spiffCents: bigint;
  partnerMarginCents: bigint;
};

export type Statement = {
  subject: StatementSubject & { name: string };
  period: Period;
  lines: StatementLine[];
  adjustments: StatementAdjustment[];
  /** The deal lines alone … */
  lineTotals: StatementTotals;
  /** … and with the adjustments added (what is paid). */
  totals: StatementTotals;
};

function requireRead(ctx: Ctx) {
  if (!can(ctx, "payout:read")) throw forbidden("You cannot open payout statements");
}

/** The subject in the caller's scope, with its name; outside it: NOT_FOUND. */
async function findStatementSubject(
  ctx: Ctx,
  subject: StatementSubject,
): Promise<(StatementSubject & { name: string }) | null> {
  if (subject.kind === "AE") {
    const user = await db.user.findFirst({
      where: { AND: [statementUserScope(ctx), { id: subject.id }] },
      select: { id: true, name: true },
    });
    return user && { kind: "AE", id: user.id, name: user.name };
  }
  const partner = await db.partner.findFirst({
    where: { AND: [statementPartnerScope(ctx), { id: subject.id }] },
    select: { id: true, name: true },
  });
  return partner && { kind: "PARTNER", id: partner.id, name: partner.name };
}

/** The AEs and partners whose statements the caller may pick, by name (partners: the first 500). */
export async function listStatementSubjects(ctx: Ctx) {
  requireRead(ctx);
  const [aes, partners] = await Promise.all([
    db.user.findMany({
      where: statementUserScope(ctx),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
      select: { id: true, name: true },
    }),
    db.partner.findMany({
      where: statementPartnerScope(ctx),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
      select: { id: true, name: true },
    }),
  ]);
  return { aes, partners };
}

const ZERO: StatementTotals = {
  deals: 0,
  acvCents: BigInt(0),
  quotaCreditCents: BigInt(0),
  spiffCents: BigInt(0),
  partnerMarginCents: BigInt(0),
};

/** Sums the lines, then (optionally) the adjustments by what they correct. */
function statementTotals(lines: StatementLine[], adjustments: StatementAdjustment[] = []): StatementTotals {
  const t = { ...ZERO };
  for (const l of lines) {
    t.deals += 1;
    t.acvCents += l.acvCents;
    t.quotaCreditCents += l.quotaCreditCents;
    t.spiffCents += l.spiffCents;
    t.partnerMarginCents += l.partnerMarginCents;
  }
  for (const a of adjustments) {
    if (a.kind === "QUOTA_CREDIT") t.quotaCreditCents += a.amountCents;
    if (a.kind === "SPIFF") t.spiffCents += a.amountCents;
    if (a.kind === "MARGIN") t.partnerMarginCents += a.amountCents;
  }
  return t;
}

export async function getStatement(ctx: Ctx, subject: StatementSubject, period: Period): Promise<Statement> {
  requireRead(ctx);
  const found = await findStatementSubject(ctx, subject);
  if (!found) throw notFound("Statement");
  const own =
    subject.kind === "AE"
      ? ({ party: "DIRECT", userId: found.id } as const)
      : ({ party: "PARTNER", partnerId: found.id } as const);
  const rows = await db.attribution.findMany({
    where: {
      ...own,
      final: true,
      opportunity: { stage: "CLOSED_WON", closedAt: { gte: period.start, lt: period.end } },
    },
    orderBy: [{ opportunity: { closedAt: "asc" } }, { id: "asc" }],
    select: {
      category: true,
      creditPct: true,
      quotaCreditCents: true,
      spiffCents: true,
      partnerMarginPct: true,
      partnerMarginCents: true,
      basis: true,
      opportunity: {
        select: {
          id: true,
          name: true,
          acvCents: true,
          currency: true,
          closedAt: true,
          account: { select: { name: true } },
        },
      },
    },
  });
  const partnerView = subject.kind === "PARTNER";
  const lines: StatementLine[] = rows.map((r) => ({
    opportunityId: r.opportunity.id,
    dealName: r.opportunity.name,
    accountName: r.opportunity.account.name,
    closedAt: r.opportunity.closedAt!,
    acvCents: r.opportunity.acvCents,
    currency: r.opportunity.currency,
    category: r.category,
    creditPct: r.creditPct,
    // each statement carries its own party's figures only
    quotaCreditCents: partnerView ? BigInt(0) : r.quotaCreditCents,
    spiffCents: partnerView ? BigInt(0) : r.spiffCents,
    partnerMarginPct: partnerView ? r.partnerMarginPct : null,
    partnerMarginCents: partnerView ? r.partnerMarginCents : BigInt(0),
    basis: r.basis,
  }));
  const adjustmentRows = await db.payoutAdjustment.findMany({
    where: {
      ...(subject.kind === "AE" ? { userId: found.id } : { partnerId: found.id }),
      month: { in: period.months },
    },
    orderBy: [{ month: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      amountCents: true,
      month: true,
      reason: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      opportunity: { select: { id: true, name: true } },
    },
  });
  const adjustments: StatementAdjustment[] = adjustmentRows.map((a) => ({
    id: a.id,
    kind: a.kind,
    amountCents: a.amountCents,
    month: a.month,
    reason: a.reason,
    createdAt: a.createdAt,
    // a partner reads that the vendor adjusted it, not which employee did
    by: partnerView && ctx.role === "PARTNER" ? null : (a.createdBy?.name ?? null),
    opportunity: a.opportunity,
  }));
  return {
    subject: found,
    period,
    lines,
    adjustments,
    lineTotals: statementTotals(lines),
    totals: statementTotals(lines, adjustments),
  };
}

const KIND_WORDS = { QUOTA_CREDIT: "Quota credit", SPIFF: "SPIFF", MARGIN: "Margin" } as const;

/** Channel operations book an adjustment to one AE's or partner's month, with its reason; audited, and the party told. */
export async function addAdjustment(ctx: Ctx, input: AdjustmentData, now = new Date()): Promise<{ id: string }> {
  if (!can(ctx, "payout:adjust")) throw forbidden("Only channel operations adjust payout statements");
  const subject = await findStatementSubject(ctx, { kind: input.subject, id: input.subjectId });
  if (!subject) throw notFound(input.subject === "AE" ? "Account executive" : "Partner");
  return transaction(db, async (tx) => {
    let opportunityId: string | null = null;
    if (input.opportunityId) {
      const opp = await tx.opportunity.findFirst({
        where: {
          id: input.opportunityId,
          ...(input.subject === "AE" ? { aeId: subject.id } : { partnerId: subject.id }),
        },
        select: { id: true },
      });
      if (!opp)
        throw new AppError("UNPROCESSABLE", "That deal is not on this statement's party", {
          opportunityId: ["Pick a deal of this party, or none"],
        });
      opportunityId = opp.id;
    }
    const row = await tx.payoutAdjustment.create({
      data: {
        party: input.subject === "AE" ? "DIRECT" : "PARTNER",
        userId: input.subject === "AE" ? subject.id : null,
        partnerId: input.subject === "PARTNER" ? subject.id : null,
        kind: input.kind,
        amountCents: BigInt(input.amount),
        month: input.month,
        reason: input.reason,
        opportunityId,
        createdById: ctx.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(
      tx,
      ctx,
      {
        action: "payout.adjust",
        entityType: "PayoutAdjustment",
        entityId: row.id,
        after: {
          party: subject.kind,
          name: subject.name,
          kind: input.kind,
          amountCents: input.amount,
          month: input.month,
          reason: input.reason,
          opportunityId,
        },
      },
      now,
    );
    const recipients = await tx.user.findMany({
      where: input.subject === "AE" ? { id: subject.id } : { partnerId: subject.id, active: true },
      select: { id: true, email: true },
    });
    await notify(
      tx,
      recipients.map((u) => ({
        kind: "payout.adjusted",
        recipientUserId: u.id,
        recipientEmail: u.email,
        subject: `Your payout statement for ${input.month} was adjusted`,
        body: `${KIND_WORDS[input.kind]} ${(input.amount / 100).toFixed(2)} USD: ${input.reason}`,
        payload: { month: input.month },
      })),
    );
    return row;
  });
}

/**
 * Whose statement a URL names: `party` ("ae:<id>" / "partner:<id>") when given, else the only party
 * in the caller's scope (an AE's own, a partner's company, a manager's single partner); null: the
 * caller picks.
 */
export async function statementSubjectOf(ctx: Ctx, q: { party?: string }): Promise<StatementSubject | null> {
  if (q.party) {
    const [kind, id] = q.party.split(":");
    return { kind: kind === "ae" ? "AE" : "PARTNER", id };
  }
  const { aes, partners } = await listStatementSubjects(ctx);
  if (aes.length + partners.length !== 1) return null;
  return aes.length ? { kind: "AE", id: aes[0].id } : { kind: "PARTNER", id: partners[0].id };
}

/** The URL value naming a statement's party. */
export function partyParam(s: StatementSubject): string {
  return `${s.kind === "AE" ? "ae" : "partner"}:${s.id}`;
}
