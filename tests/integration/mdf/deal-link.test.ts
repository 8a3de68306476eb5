// Linking a deal to the MDF activity that sourced it (lib/db/opportunity-mdf.ts) on a real database
// (SQLite, and PostgreSQL with TEST_DATABASE_URL): only a deal the caller may edit, only an approved
// activity of the deal's own partner (another partner's or a missing id: the same field message), the
// link and its audit event (before/after) in one transaction, shown on the request and counted in ROMI.
import { describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { listMdfRequests, mdfRomi } from "@/lib/db/mdf";
import { claimMdf, decideMdf, payMdf, requestMdf } from "@/lib/db/mdf-writes";
import { findDealMdfLink, linkDealMdf } from "@/lib/db/opportunity-mdf";
import { updateOpportunity } from "@/lib/db/opportunity-writes";
import { requestMdfInput } from "@/lib/validation/mdf";
import { ctxFor, partnerIdOf } from "../../support/contexts";
import { errorOf } from "../../support/errors";

const NOW = new Date("2026-12-06T12:00:00.000Z");
const PROOF = {
  path: "00000000-0000-0000-0000-000000000001.pdf",
  name: "i.pdf",
  type: "application/pdf" as const,
  bytes: 9,
};

let n = 0;
/** A request of the partner, walked to `to` (APPROVED or PAID), on a fresh fund of its own. */
async function mdfRequest(partnerEmail: string, partner: string, to: "REQUESTED" | "APPROVED" | "PAID") {
  n++;
  const fund = await db.mdfFund.create({
    data: { quarter: `2029-Q${(n % 4) + 1}`, partnerId: await partnerIdOf(partner), allocatedCents: 10_000_000n },
    select: { id: true },
  });
  const who = await ctxFor(partnerEmail);
  const r = await requestMdf(
    who,
    requestMdfInput.parse({
      fundId: fund.id,
      activity: `Roadshow number ${n}`,
      amount: "1,000",
      expectedPipeline: "9,000",
    }),
    NOW,
  );
  if (to === "REQUESTED") return { id: r.id, fundId: fund.id };
  await decideMdf(await ctxFor("ops@accord.test"), { requestId: r.id, decision: "approve", reason: "" }, NOW);
  if (to === "PAID") {
    await claimMdf(who, r.id, PROOF, NOW);
    await payMdf(await ctxFor("ops@accord.test"), r.id, NOW);
  }
  return { id: r.id, fundId: fund.id };
}

/** A won deal of the partner that the AE sells (so both the AE and ops may edit it). */
async function wonDealOf(partner: string, ae: Ctx) {
  return db.opportunity.findFirstOrThrow({
    where: { partnerId: await partnerIdOf(partner), stage: "CLOSED_WON", aeId: ae.userId!, mdfRequestId: null },
    select: { id: true, acvCents: true, updatedAt: true },
  });
}

const linkOf = async (id: string) =>
  (await db.opportunity.findUniqueOrThrow({ where: { id }, select: { mdfRequestId: true } })).mdfRequestId;

describe("linking a deal to an MDF activity", () => {
  it("links to the deal's partner's approved activity, audited before/after, shown on the request and in ROMI", async () => {
    const ops = await ctxFor("ops@accord.test");
    const aeCtx = await ctxFor("ae@accord.test");
    const deal = await wonDealOf("Northwind Systems", aeCtx);
    const paid = await mdfRequest("alice@northwind.test", "Northwind Systems", "PAID");
    const romiBefore = await mdfRomi(ops, { partnerId: await partnerIdOf("Northwind Systems") });

    const options = await findDealMdfLink(aeCtx, deal.id);
    expect(options?.partnerName).toBe("Northwind Systems");
    expect(options?.options.map((o) => o.id)).toContain(paid.id);
    expect(options?.options.find((o) => o.id === paid.id)?.label).toMatch(
      /^Roadshow number \d+ · Northwind Systems fund, 2029-Q\d$/,
    );

    await linkDealMdf(aeCtx, { opportunityId: deal.id, mdfRequestId: paid.id }, NOW);
    expect(await linkOf(deal.id)).toBe(paid.id);
    // the editor's concurrency token is not the link's
    expect(
      (await db.opportunity.findUniqueOrThrow({ where: { id: deal.id }, select: { updatedAt: true } })).updatedAt,
    ).toEqual(deal.updatedAt);
    const audits = await db.auditEvent.findMany({
      where: { entityId: deal.id, action: "opportunity.link-mdf" },
      select: { before: true, after: true, actorId: true },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0].actorId).toBe(aeCtx.userId);
    expect(audits[0].before).toMatchObject({ mdfRequestId: null });
    expect(audits[0].after).toMatchObject({ mdfRequestId: paid.id });

    const listed = (await listMdfRequests(ops, { status: "PAID" })).rows.find((r) => r.id === paid.id);
    expect(listed?.dealCount).toBe(1);
    expect(listed?.deals.map((d) => d.id)).toEqual([deal.id]);
    const romiAfter = await mdfRomi(ops, { partnerId: await partnerIdOf("Northwind Systems") });
    expect(romiAfter.total.wonCents - romiBefore.total.wonCents).toBe(deal.acvCents);
    expect(romiAfter.byFund.get(paid.fundId)?.wonCents).toBe(deal.acvCents);

    // unlinking is audited too, and takes the deal out of the ROMI again
    await linkDealMdf(ops, { opportunityId: deal.id, mdfRequestId: null }, NOW);
    expect(await linkOf(deal.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: deal.id, action: "opportunity.link-mdf" } })).toBe(2);
    expect((await mdfRomi(ops, { partnerId: await partnerIdOf("Northwind Systems") })).total.wonCents).toBe(
      romiBefore.total.wonCents,
    );
  });

  it("refuses another partner's, a missing or a not-yet-approved request with the same field message, writing nothing", async () => {
    const aeCtx = await ctxFor("ae@accord.test");
    const deal = await wonDealOf("Northwind Systems", aeCtx);
    const contoso = await mdfRequest("bob@contoso.test", "Contoso Partners", "APPROVED");
    const pending = await mdfRequest("alice@northwind.test", "Northwind Systems", "REQUESTED");
    const audits = await db.auditEvent.count();
    const messages = [];
    for (const mdfRequestId of [contoso.id, "no-such-request", pending.id]) {
      const e = await errorOf(linkDealMdf(aeCtx, { opportunityId: deal.id, mdfRequestId }, NOW));
      expect(e.code).toBe("UNPROCESSABLE");
      messages.push(e.fields?.mdfRequestId?.[0]);
    }
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toBe("Pick an approved MDF activity of Northwind Systems");
    expect(await linkOf(deal.id)).toBeNull();
    expect(await db.auditEvent.count()).toBe(audits);
    // and they are not among the choices
    const ids = (await findDealMdfLink(aeCtx, deal.id))?.options.map((o) => o.id) ?? [];
    expect(ids).not.toContain(contoso.id);
    expect(ids).not.toContain(pending.id);
  });

  it("answers 404 for a deal outside the caller's scope, and is refused to roles that do not edit deals", async () => {
    const paid = await mdfRequest("alice@northwind.test", "Northwind Systems", "APPROVED");
    const other = await db.opportunity.findFirstOrThrow({
      where: {
        partnerId: await partnerIdOf("Northwind Systems"),
        NOT: { aeId: (await ctxFor("ae@accord.test")).userId! },
      },
      select: { id: true },
    });
    const e = await errorOf(
      linkDealMdf(await ctxFor("ae@accord.test"), { opportunityId: other.id, mdfRequestId: paid.id }, NOW),
    );
    expect(e.code).toBe("NOT_FOUND");
    for (const email of ["pm@accord.test", "ceo@accord.test", "alice@northwind.test"]) {
      const who = await ctxFor(email);
      expect((await errorOf(linkDealMdf(who, { opportunityId: other.id, mdfRequestId: paid.id }, NOW))).code).toBe(
        "FORBIDDEN",
      );
      expect(await findDealMdfLink(who, other.id)).toBeNull();
    }
    expect(await linkOf(other.id)).toBeNull();
  });

  it("drops the link when the deal's partner changes, since the activity was the old partner's", async () => {
    const aeCtx = await ctxFor("ae@accord.test");
    const approved = await mdfRequest("alice@northwind.test", "Northwind Systems", "APPROVED");
    const open = await db.opportunity.findFirstOrThrow({
      where: {
        partnerId: await partnerIdOf("Northwind Systems"),
        aeId: aeCtx.userId!,
        stage: { in: ["PROSPECT", "QUALIFIED", "PROPOSAL", "NEGOTIATION"] },
      },
      select: {
        id: true,
        name: true,
        productLineId: true,
        acvCents: true,
        listPriceCents: true,
        discountPct: true,
        closeDate: true,
        aeId: true,
      },
    });
    await linkDealMdf(aeCtx, { opportunityId: open.id, mdfRequestId: approved.id }, NOW);
    const current = await db.opportunity.findUniqueOrThrow({ where: { id: open.id }, select: { updatedAt: true } });
    await updateOpportunity(
      aeCtx,
      open.id,
      {
        name: open.name,
        productLineId: open.productLineId,
        acvCents: String(Number(open.acvCents) / 100),
        listPriceCents: open.listPriceCents === null ? "" : String(Number(open.listPriceCents) / 100),
        discountPct: String(open.discountPct),
        closeDate: open.closeDate.toISOString().slice(0, 10),
        partnerId: await partnerIdOf("Contoso Partners"),
        aeId: open.aeId ?? "",
        expectedUpdatedAt: current.updatedAt.toISOString(),
      },
      NOW,
    );
    expect(await linkOf(open.id)).toBeNull();
  });
});
