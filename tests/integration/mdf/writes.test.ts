// MDF on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): a partner requests funds
// (never more than the fund's balance, even two at once), its manager decides, the partner claims,
// ops pay; each step audited and notified in its transaction; a foreign partner or manager gets 404;
// ROMI counts the won deals linked to paid requests.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getMdfProof, listMdfFunds, listMdfRequests, mdfFundQuarters, mdfRomi, pageMdfFunds } from "@/lib/db/mdf";
import { claimMdf, decideMdf, payMdf, requestMdf } from "@/lib/db/mdf-writes";
import { readProof } from "@/lib/mdf/proof-store";
import { requestMdfInput, sniffProofType } from "@/lib/validation/mdf";
import { ctxFor, partnerIdOf } from "../../support/contexts";
import { errorOf } from "../../support/errors";

const NOW = new Date("2026-12-06T12:00:00.000Z");
const PROOF = {
  path: "00000000-0000-0000-0000-000000000000.pdf",
  name: "invoice.pdf",
  type: "application/pdf" as const,
  bytes: 10,
};

let n = 0;
async function fund(partner = "Northwind Systems", allocated = 1_000_000n, expiresAt: Date | null = null) {
  n++;
  return db.mdfFund.create({
    data: { quarter: `2027-Q${n}`, partnerId: await partnerIdOf(partner), allocatedCents: allocated, expiresAt },
    select: { id: true },
  });
}

const input = (fundId: string, amount: string, activity = "Joint webinar on platform migration") =>
  requestMdfInput.parse({ fundId, activity, amount, expectedPipeline: "50,000" });

/** The notices about one request (the JSON path filter differs between the providers, so filtered here). */
async function noticesOf(requestId: string) {
  const rows = await db.outbox.findMany({
    where: { kind: { startsWith: "mdf." } },
    select: { kind: true, recipientUserId: true, subject: true, payload: true },
  });
  return rows.filter((r) => (r.payload as { mdfRequestId?: string } | null)?.mdfRequestId === requestId);
}

const fundRow = (id: string) =>
  db.mdfFund.findUniqueOrThrow({ where: { id }, select: { committedCents: true, spentCents: true } });

describe("requesting MDF", () => {
  it("reserves the amount on the fund, audits and tells the partner's manager", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const pm = await ctxFor("pm@accord.test");
    const f = await fund();
    const r = await requestMdf(alice, input(f.id, "2,500"), NOW);
    expect(r.status).toBe("REQUESTED");
    expect(await fundRow(f.id)).toEqual({ committedCents: 250_000n, spentCents: 0n });
    const audits = await db.auditEvent.findMany({ where: { entityId: r.id }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(["mdf.request"]);
    const notes = await noticesOf(r.id);
    expect(notes.map((x) => x.recipientUserId)).toEqual([pm.userId]);
    expect(notes[0].subject).toBe("Northwind Systems requests $2,500 of MDF");
  });

  it("refuses more than the balance with a field message, and writes nothing", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const f = await fund("Northwind Systems", 100_000n);
    const before = await db.auditEvent.count();
    const e = await errorOf(requestMdf(alice, input(f.id, "1,000.01"), NOW));
    expect(e.code).toBe("UNPROCESSABLE");
    expect(e.fields?.amount?.[0]).toContain("$1,000");
    expect(await fundRow(f.id)).toEqual({ committedCents: 0n, spentCents: 0n });
    expect(await db.mdfRequest.count({ where: { fundId: f.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("lets only one of two concurrent requests for the last of a fund through", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const f = await fund("Northwind Systems", 100_000n);
    const results = await Promise.allSettled([
      requestMdf(alice, input(f.id, "700"), NOW),
      requestMdf(alice, input(f.id, "700"), NOW),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("UNPROCESSABLE");
    expect(await fundRow(f.id)).toEqual({ committedCents: 70_000n, spentCents: 0n });
  });

  it("refuses an expired fund, and another partner's fund as if it did not exist", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const expired = await fund("Northwind Systems", 100_000n, new Date("2026-12-01T00:00:00Z"));
    expect((await errorOf(requestMdf(alice, input(expired.id, "10"), NOW))).fields?.fundId).toBeDefined();
    const contoso = await fund("Contoso Partners");
    expect((await errorOf(requestMdf(alice, input(contoso.id, "10"), NOW))).code).toBe("NOT_FOUND");
    expect((await errorOf(requestMdf(alice, input("no-such-fund", "10"), NOW))).code).toBe("NOT_FOUND");
  });

  it("is the partner's alone", async () => {
    const f = await fund();
    for (const email of ["ops@accord.test", "pm@accord.test", "ae@accord.test", "ceo@accord.test"])
      expect((await errorOf(requestMdf(await ctxFor(email), input(f.id, "10"), NOW))).code).toBe("FORBIDDEN");
  });
});

describe("decide, claim, pay", () => {
  it("walks a request to PAID, moving committed to spent, each step audited and notified", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const pm = await ctxFor("pm@accord.test");
    const ops = await ctxFor("ops@accord.test");
    const f = await fund();
    const r = await requestMdf(alice, input(f.id, "3000"), NOW);
    expect((await decideMdf(pm, { requestId: r.id, decision: "approve", reason: "" }, NOW)).status).toBe("APPROVED");
    expect((await claimMdf(alice, r.id, PROOF, NOW)).status).toBe("CLAIMED");
    expect(await getMdfProof(pm, r.id)).toEqual({ path: PROOF.path, name: "invoice.pdf", type: "application/pdf" });
    expect((await payMdf(ops, r.id, NOW)).status).toBe("PAID");
    expect(await fundRow(f.id)).toEqual({ committedCents: 0n, spentCents: 300_000n });
    const audits = await db.auditEvent.findMany({
      where: { entityId: r.id },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(["mdf.approve", "mdf.claim", "mdf.pay", "mdf.request"]);
    const kinds = await noticesOf(r.id);
    expect(kinds.map((k) => k.kind).sort()).toEqual(["mdf.approved", "mdf.claimed", "mdf.paid", "mdf.requested"]);
    // a second payment is refused, nothing moves
    expect((await errorOf(payMdf(ops, r.id, NOW))).code).toBe("CONFLICT");
    expect(await fundRow(f.id)).toEqual({ committedCents: 0n, spentCents: 300_000n });
  });

  it("a rejection needs no more than a reason and releases the amount; a claim before approval is 409", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const pm = await ctxFor("pm@accord.test");
    const f = await fund();
    const r = await requestMdf(alice, input(f.id, "1000"), NOW);
    expect((await errorOf(claimMdf(alice, r.id, PROOF, NOW))).code).toBe("CONFLICT");
    await decideMdf(pm, { requestId: r.id, decision: "reject", reason: "Out of this quarter's plan" }, NOW);
    expect(await fundRow(f.id)).toEqual({ committedCents: 0n, spentCents: 0n });
    const row = await db.mdfRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({
      status: "REJECTED",
      decisionReason: "Out of this quarter's plan",
      decidedById: pm.userId,
    });
  });

  it("answers 404 to another partner, another partner's manager and an AE", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const f = await fund();
    const r = await requestMdf(alice, input(f.id, "1000"), NOW);
    const bob = await ctxFor("bob@contoso.test");
    const pm2 = await ctxFor("pm2@accord.test");
    expect((await errorOf(decideMdf(pm2, { requestId: r.id, decision: "approve", reason: "" }, NOW))).code).toBe(
      "NOT_FOUND",
    );
    await decideMdf(await ctxFor("pm@accord.test"), { requestId: r.id, decision: "approve", reason: "" }, NOW);
    expect((await errorOf(claimMdf(bob, r.id, PROOF, NOW))).code).toBe("NOT_FOUND");
    expect((await errorOf(getMdfProof(bob, r.id))).code).toBe("NOT_FOUND");
    expect((await listMdfRequests(bob)).rows.some((x) => x.id === r.id)).toBe(false);
    expect((await listMdfFunds(bob)).some((x) => x.id === f.id)).toBe(false);
    expect((await listMdfFunds(alice)).some((x) => x.id === f.id)).toBe(true);
    expect((await errorOf(listMdfRequests(await ctxFor("ae@accord.test")))).code).toBe("FORBIDDEN");
  });
});

describe("ROMI", () => {
  it("is the won ACV of deals linked to paid requests ÷ what was paid", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const pm = await ctxFor("pm@accord.test");
    const ops = await ctxFor("ops@accord.test");
    const f = await fund();
    const r = await requestMdf(alice, input(f.id, "5000"), NOW);
    await decideMdf(pm, { requestId: r.id, decision: "approve", reason: "" }, NOW);
    await claimMdf(alice, r.id, PROOF, NOW);
    await payMdf(ops, r.id, NOW);
    const [wonA, wonB] = await db.opportunity.findMany({
      where: { partnerId: await partnerIdOf("Northwind Systems"), stage: { in: ["CLOSED_WON"] } },
      take: 2,
      select: { id: true, acvCents: true },
    });
    const lost = await db.opportunity.findFirstOrThrow({ where: { stage: "CLOSED_LOST" }, select: { id: true } });
    await db.opportunity.updateMany({
      where: { id: { in: [wonA.id, wonB.id, lost.id] } },
      data: { mdfRequestId: r.id },
    });
    const romi = await mdfRomi(ops, { partnerId: await partnerIdOf("Northwind Systems"), quarters: [`2027-Q${n}`] });
    expect(romi.total.paidCents).toBe(500_000n);
    expect(romi.total.wonCents).toBe(wonA.acvCents + wonB.acvCents);
    expect(romi.byFund.get(f.id)?.ratio).toBeCloseTo(Number(wonA.acvCents + wonB.acvCents) / 500_000, 6);
    // Contoso's user sees none of it
    expect((await mdfRomi(await ctxFor("bob@contoso.test"), { quarters: [`2027-Q${n}`] })).total.ratio).toBeNull();
  });
});

describe("the funds table", () => {
  it("filters by quarter and partner within the caller's scope, a page of 25 at a time", async () => {
    const ops = await ctxFor("ops@accord.test");
    const northwind = await partnerIdOf("Northwind Systems");
    const all = await pageMdfFunds(ops, {});
    expect(all.total).toBe(await db.mdfFund.count());
    expect(all.rows.length).toBe(Math.min(25, all.total));
    const quarters = await mdfFundQuarters(ops);
    const q = quarters[quarters.length - 1];
    const ofQuarter = await pageMdfFunds(ops, { fundQuarter: q });
    expect(ofQuarter.total).toBe(await db.mdfFund.count({ where: { quarter: q } }));
    expect(ofQuarter.rows.every((f) => f.quarter === q)).toBe(true);
    const own = await pageMdfFunds(ops, { fundPartnerId: northwind });
    expect(own.total).toBe(await db.mdfFund.count({ where: { partnerId: northwind } }));
    if (all.pages > 1) {
      const second = await pageMdfFunds(ops, { fundPage: 2 });
      expect(second.rows.map((f) => f.id)).not.toContain(all.rows[0].id);
    }
    // another partner's filter is no way into Northwind's funds
    const bob = await ctxFor("bob@contoso.test");
    expect((await pageMdfFunds(bob, { fundPartnerId: northwind })).total).toBe(0);
    expect((await errorOf(pageMdfFunds(await ctxFor("ae@accord.test"), {}))).code).toBe("FORBIDDEN");
  });
});

describe("the demo seed", () => {
  it("has MDF requests in every state, and won deals linked to the paid ones", async () => {
    const groups = await db.mdfRequest.groupBy({
      by: ["status"],
      where: { id: { startsWith: "cmdfreq" } },
      _count: { _all: true },
    });
    expect(groups.map((g) => g.status).sort()).toEqual(["APPROVED", "CLAIMED", "PAID", "REJECTED", "REQUESTED"]);
    expect(
      await db.opportunity.count({ where: { stage: "CLOSED_WON", mdfRequest: { status: "PAID" } } }),
    ).toBeGreaterThan(0);
  });

  it("pays for believable returns: each seeded paid request's ROMI is a few times to ~30×", async () => {
    const paid = await db.mdfRequest.findMany({
      where: { id: { startsWith: "cmdfreq" }, status: "PAID" },
      select: { amountCents: true, opportunities: { where: { stage: "CLOSED_WON" }, select: { acvCents: true } } },
    });
    expect(paid.length).toBeGreaterThan(0);
    for (const r of paid) {
      const ratio = Number(r.opportunities.reduce((sum, o) => sum + o.acvCents, 0n)) / Number(r.amountCents);
      expect(ratio).toBeGreaterThanOrEqual(2);
      expect(ratio).toBeLessThanOrEqual(35);
    }
  });

  it("gives every claimed and paid request a proof file that downloads as a PDF", async () => {
    const claimed = await db.mdfRequest.findMany({
      where: { id: { startsWith: "cmdfreq" }, status: { in: ["CLAIMED", "PAID"] } },
      select: { id: true, partnerId: true },
    });
    expect(claimed.length).toBeGreaterThan(0);
    const ops = await ctxFor("ops@accord.test");
    for (const r of claimed) {
      const proof = await getMdfProof(ops, r.id);
      expect(proof.type).toBe("application/pdf");
      const bytes = await readProof(proof.path);
      expect(sniffProofType(bytes)).toBe("application/pdf");
      expect(bytes.toString("latin1")).toContain("%%EOF");
    }
  });
});
