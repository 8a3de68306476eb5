// MDF writes (docs/domain.md#mdf): a partner requests funds for an activity, its partner manager
// (or channel operations) approves or rejects, the partner claims with proof, channel operations
// mark it paid. Each step is one transaction with its audit event and notices; the request moves
// only from the status the writer read (lib/mdf/state.ts, a conditional update), so two deciders at
// once end with one outcome and a 409 for the other. A request reserves its amount on the fund in the
// same transaction and the fund's balance is read back from that update: two concurrent requests
// cannot both take the last of a fund.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { fundBalance, fundEffect, fundOpen, mdfTransition, type MdfStatus, type MdfStep } from "@/lib/mdf/state";
import type { DecideMdfInput, MdfProofType, RequestMdfInput } from "@/lib/validation/mdf";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { notify, type Notice } from "./outbox";
import { mdfFundScope, mdfRequestScope } from "./scope";
import { transaction } from "./transaction";

export type MdfRequestResult = { id: string; status: MdfStatus };

type Loaded = {
  id: string;
  status: MdfStatus;
  activity: string;
  amountCents: bigint;
  fundId: string;
  partnerId: string;
  requestedById: string | null;
  partner: { name: string; managerId: string | null };
};

async function load(tx: Tx, ctx: Ctx, requestId: string): Promise<Loaded> {
  const row = await tx.mdfRequest.findFirst({
    where: { AND: [{ id: requestId }, mdfRequestScope(ctx)] },
    select: {
      id: true,
      status: true,
      activity: true,
      amountCents: true,
      fundId: true,
      partnerId: true,
      requestedById: true,
      partner: { select: { name: true, managerId: true } },
    },
  });
  if (!row) throw notFound("MDF request");
  return row;
}

/** Moves the request from the status read to the step's next status, or 409 when someone moved it first. */
async function advance(tx: Tx, req: Loaded, step: MdfStep, data: Record<string, unknown>): Promise<MdfStatus> {
  const to = mdfTransition(req.status, step);
  if (!to)
    throw new AppError("CONFLICT", `This request is ${req.status.toLowerCase()}; it cannot be ${PAST[step]} now.`);
  const { count } = await tx.mdfRequest.updateMany({
    where: { id: req.id, status: req.status },
    data: { ...data, status: to },
  });
  if (count !== 1) throw new AppError("CONFLICT", "Someone else acted on this request at the same moment: reload it.");
  const effect = fundEffect(step, req.amountCents);
  if (effect.committed !== 0n || effect.spent !== 0n)
    await tx.mdfFund.update({
      where: { id: req.fundId },
      data: { committedCents: { increment: effect.committed }, spentCents: { increment: effect.spent } },
    });
  return to;
}

const PAST: Record<MdfStep, string> = { approve: "approved", reject: "rejected", claim: "claimed", pay: "paid" };

async function usersNotice(
  tx: Tx,
  where: { id?: string; role?: "ADMIN"; active: true },
  notice: Omit<Notice, "recipientUserId" | "recipientEmail">,
): Promise<Notice[]> {
  if (where.id === undefined && where.role === undefined) return [];
  const users = await tx.user.findMany({ where, select: { id: true, email: true }, take: 50 });
  return users.map((u) => ({ ...notice, recipientUserId: u.id, recipientEmail: u.email }));
}

/** A partner requests funds from one of its own open funds; the amount is reserved at once. */
export async function requestMdf(ctx: Ctx, input: RequestMdfInput, now = new Date()): Promise<MdfRequestResult> {
  if (!can(ctx, "mdf:request") || !ctx.partnerId) throw forbidden("Only a partner requests MDF");
  const partnerId = ctx.partnerId;
  return transaction(db, async (tx) => {
    const fund = await tx.mdfFund.findFirst({
      where: { AND: [{ id: input.fundId }, mdfFundScope(ctx)] },
      select: { id: true, quarter: true, expiresAt: true, partner: { select: { name: true, managerId: true } } },
    });
    if (!fund) throw notFound("MDF fund");
    if (!fundOpen(fund, now))
      throw new AppError("UNPROCESSABLE", "This fund has expired; it takes no new requests.", {
        fundId: ["This fund has expired"],
      });
    // the increment takes the row's lock; the balance read back is after every earlier request
    const after = await tx.mdfFund.update({
      where: { id: fund.id },
      data: { committedCents: { increment: fundEffect("request", input.amount).committed } },
      select: { allocatedCents: true, committedCents: true, spentCents: true },
    });
    if (after.allocatedCents - after.committedCents - after.spentCents < 0n) {
      const left = fundBalance({ ...after, committedCents: after.committedCents - input.amount });
      throw new AppError("UNPROCESSABLE", `The fund has ${formatMoney(left)} left.`, {
        amount: [`At most ${formatMoney(left)}: what is left in this fund`],
      });
    }
    const row = await tx.mdfRequest.create({
      data: {
        fundId: fund.id,
        partnerId,
        activity: input.activity,
        amountCents: input.amount,
        expectedPipelineCents: input.expectedPipeline,
        requestedById: ctx.userId,
        requestedAt: now,
      },
      select: { id: true, status: true },
    });
    await audit(
      tx,
      ctx,
      {
        action: "mdf.request",
        entityType: "MdfRequest",
        entityId: row.id,
        after: { fundId: fund.id, activity: input.activity, amountCents: input.amount, status: row.status },
      },
      now,
    );
    const who = fund.partner?.name ?? "A partner";
    await notify(
      tx,
      await usersNotice(
        tx,
        { id: fund.partner?.managerId ?? undefined, active: true },
        {
          kind: "mdf.requested",
          subject: `${who} requests ${formatMoney(input.amount)} of MDF`,
          body: `${who} asks for ${formatMoney(input.amount)} from its ${fund.quarter} fund for "${input.activity}". Approve or reject it on the MDF page.`,
          payload: { mdfRequestId: row.id },
        },
      ),
    );
    return { id: row.id, status: row.status };
  });
}

/** The partner's manager (or channel operations) approves or rejects a request; a rejection releases the amount. */
export async function decideMdf(ctx: Ctx, input: DecideMdfInput, now = new Date()): Promise<MdfRequestResult> {
  if (!can(ctx, "mdf:decide")) throw forbidden("Partner managers and channel operations decide MDF requests");
  return transaction(db, async (tx) => {
    const req = await load(tx, ctx, input.requestId);
    const step: MdfStep = input.decision;
    const status = await advance(tx, req, step, {
      decidedById: ctx.userId,
      decidedAt: now,
      decisionReason: input.reason || null,
    });
    await audit(
      tx,
      ctx,
      {
        action: step === "approve" ? "mdf.approve" : "mdf.reject",
        entityType: "MdfRequest",
        entityId: req.id,
        before: { status: req.status },
        after: { status, reason: input.reason || null },
      },
      now,
    );
    const verb = step === "approve" ? "approved" : "rejected";
    await notify(
      tx,
      await usersNotice(
        tx,
        { id: req.requestedById ?? undefined, active: true },
        {
          kind: `mdf.${verb}`,
          subject: `Your MDF request for ${formatMoney(req.amountCents)} was ${verb}`,
          body:
            step === "approve"
              ? `"${req.activity}" is approved. Run the activity, then claim it with proof on the MDF page.`
              : `"${req.activity}" was rejected: ${input.reason}`,
          payload: { mdfRequestId: req.id },
        },
      ),
    );
    return { id: req.id, status };
  });
}

export type ProofFile = { path: string; name: string; type: MdfProofType; bytes: number };

/** The partner claims an approved request with its proof (already stored by lib/mdf-proofs, removed by the caller on failure). */
export async function claimMdf(ctx: Ctx, requestId: string, proof: ProofFile, now = new Date()) {
  if (!can(ctx, "mdf:claim")) throw forbidden("Only the partner claims its MDF");
  return transaction(db, async (tx) => {
    const req = await load(tx, ctx, requestId);
    const status = await advance(tx, req, "claim", {
      claimedById: ctx.userId,
      claimedAt: now,
      proofPath: proof.path,
      proofName: proof.name,
      proofType: proof.type,
      proofBytes: proof.bytes,
    });
    await audit(
      tx,
      ctx,
      {
        action: "mdf.claim",
        entityType: "MdfRequest",
        entityId: req.id,
        before: { status: req.status },
        after: { status, proofName: proof.name, proofType: proof.type, proofBytes: proof.bytes },
      },
      now,
    );
    await notify(
      tx,
      await usersNotice(
        tx,
        { role: "ADMIN", active: true },
        {
          kind: "mdf.claimed",
          subject: `${req.partner.name} claims ${formatMoney(req.amountCents)} of MDF`,
          body: `${req.partner.name} sent proof for "${req.activity}". Check it and mark the claim paid on the MDF page.`,
          payload: { mdfRequestId: req.id },
        },
      ),
    );
    return { id: req.id, status };
  });
}

/** Channel operations mark a claimed request paid: the amount moves from committed to spent. */
export async function payMdf(ctx: Ctx, requestId: string, now = new Date()): Promise<MdfRequestResult> {
  if (!can(ctx, "mdf:pay")) throw forbidden("Only channel operations mark MDF paid");
  return transaction(db, async (tx) => {
    const req = await load(tx, ctx, requestId);
    const status = await advance(tx, req, "pay", { paidById: ctx.userId, paidAt: now });
    await audit(
      tx,
      ctx,
      {
        action: "mdf.pay",
        entityType: "MdfRequest",
        entityId: req.id,
        before: { status: req.status },
        after: { status, amountCents: req.amountCents },
      },
      now,
    );
    await notify(
      tx,
      await usersNotice(
        tx,
        { id: req.requestedById ?? undefined, active: true },
        {
          kind: "mdf.paid",
          subject: `Your MDF claim for ${formatMoney(req.amountCents)} was paid`,
          body: `"${req.activity}" is paid. Link the deals it sources so its return shows on your scorecard.`,
          payload: { mdfRequestId: req.id },
        },
      ),
    );
    return { id: req.id, status };
  });
}
