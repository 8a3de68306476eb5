// Attribution and pay on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the
// recompute (lib/db/attribution-writes.ts) on won, open and changed deals, a conflict split
// overriding at once, statement lines and totals with adjustments (audited), who may open which
// statement (another party's is 404), the CSV (formula cells neutralized) and attribution disputes.
import { describe, expect, it } from "vitest";
import { parsePeriod } from "@/lib/attribution";
import { applyAttribution } from "@/lib/db/attribution-writes";
import { openAttributionDispute } from "@/lib/db/attribution-dispute";
import { db } from "@/lib/db/client";
import { resolveConflict } from "@/lib/db/conflict-writes";
import { statementCsv } from "@/lib/db/payout-export";
import { addAdjustment, getStatement, statementSubjectOf } from "@/lib/db/payouts";
import { createOpportunity } from "@/lib/db/opportunity-writes";
import { closeOpportunity } from "@/lib/db/opportunity-moves";
import { transaction } from "@/lib/db/transaction";
import { adjustmentInput } from "@/lib/validation/payouts";
import { ctxFor, partnerIdOf } from "../support/contexts";
import { errorOf } from "../support/errors";

// a month after the seeded history, so the statements hold only this file's deals
const PERIOD = parsePeriod("2027-03")!;
const CLOSED = new Date("2027-03-10T15:00:00.000Z");
const K = BigInt(100_000); // $1,000

let n = 0;
async function deal(
  over: {
    name?: string;
    partnerId?: string | null;
    route?: "CO_SELL" | "DIRECT";
    stage?: string;
    acv?: number;
    aeEmail?: string;
  } = {},
) {
  n++;
  const ae = await ctxFor(over.aeEmail ?? "ae@accord.test");
  const account = await db.account.findFirstOrThrow({ orderBy: { id: "asc" }, skip: n, select: { id: true } });
  const productLine = await db.productLine.findFirstOrThrow({ where: { name: "Platform" }, select: { id: true } });
  const stage = (over.stage ?? "CLOSED_WON") as "CLOSED_WON";
  const opp = await db.opportunity.create({
    data: {
      name: over.name ?? `Payout deal ${n}`,
      accountId: account.id,
      productLineId: productLine.id,
      acvCents: BigInt(over.acv ?? 40_000_000),
      stage,
      closeDate: CLOSED,
      closedAt: stage.startsWith("CLOSED") ? CLOSED : null,
      aeId: ae.userId,
      partnerId: over.partnerId === undefined ? await partnerIdOf("Northwind Systems") : over.partnerId,
      route: over.route ?? "CO_SELL",
    },
    select: { id: true },
  });
  await recompute(opp.id);
  return { id: opp.id, ae };
}

const recompute = (id: string) => transaction(db, (tx) => applyAttribution(tx, id, CLOSED));
const rowsOf = (opportunityId: string) =>
  db.attribution.findMany({ where: { opportunityId }, orderBy: { partyKey: "asc" } }); // "DIRECT:…" before "PARTNER:…";

async function marginPctOf(partnerName: string) {
  const { tier } = await db.partner.findFirstOrThrow({ where: { name: partnerName }, select: { tier: true } });
  return { PLATINUM: 30, GOLD: 25, SILVER: 20, REGISTERED: 15 }[tier];
}

describe("recompute", () => {
  it("a won $400K co-sell with Northwind: 50/50, the AE full quota credit and a $1,000 SPIFF, Northwind its tier's margin", async () => {
    const { id, ae } = await deal();
    const northwind = await partnerIdOf("Northwind Systems");
    const pct = await marginPctOf("Northwind Systems");
    const [direct, partner] = await rowsOf(id);
    expect(direct).toMatchObject({
      party: "DIRECT",
      userId: ae.userId,
      partyKey: `DIRECT:${ae.userId}`,
      category: "PARTNER_COSELL",
      creditPct: 50,
      quotaCreditCents: BigInt(400) * K,
      spiffCents: K,
      final: true,
    });
    expect(direct.basis).toMatch(/^Co-sell: routed co-sell with the partner attached; 50 % credit, full quota credit/);
    expect(partner).toMatchObject({
      party: "PARTNER",
      partnerId: northwind,
      creditPct: 50,
      partnerMarginPct: pct,
      partnerMarginCents: (BigInt(400) * K * BigInt(pct)) / BigInt(100),
      quotaCreditCents: BigInt(0),
    });
  });

  it("is provisional while open; a changed deal replaces its rows (one per party, no leftovers)", async () => {
    const { id, ae } = await deal({ stage: "NEGOTIATION" });
    expect((await rowsOf(id)).every((r) => !r.final)).toBe(true);
    await db.opportunity.update({
      where: { id },
      data: { partnerId: null, route: "DIRECT", stage: "CLOSED_LOST", closedAt: CLOSED },
    });
    await recompute(id);
    await recompute(id); // twice: still one row per party
    const rows = await rowsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: ae.userId,
      category: "DIRECT",
      creditPct: 100,
      final: true,
      quotaCreditCents: BigInt(0),
    });
  });

  it("a partner touch on a direct deal makes it partner-influenced; the AE keeps full credit", async () => {
    const { id } = await deal({ partnerId: null, route: "DIRECT" });
    const contoso = await partnerIdOf("Contoso Partners");
    await db.partnerTouch.create({ data: { opportunityId: id, partnerId: contoso, kind: "INTRO", at: CLOSED } });
    await recompute(id);
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.party, r.category, r.creditPct])).toEqual([
      ["DIRECT", "PARTNER_INFLUENCED", 100],
      ["PARTNER", "PARTNER_INFLUENCED", 0],
    ]);
  });

  it("a dispute resolved as a 70/30 split overrides the plan at once", async () => {
    const { id, ae } = await deal();
    const dispute = await openAttributionDispute(ae, {
      opportunityId: id,
      evidence: "I sourced this deal at the summit",
    });
    const parties = await db.conflictParty.findMany({ where: { conflictId: dispute.id } });
    const direct = parties.find((p) => p.kind === "DIRECT")!;
    const partner = parties.find((p) => p.kind === "PARTNER")!;
    await resolveConflict(await ctxFor("ops@accord.test"), dispute.id, {
      resolution: "SPLIT",
      rationale: "Both teams worked it; the AE led",
      tags: [],
      splits: [
        { partyId: direct.id, creditPct: 70 },
        { partyId: partner.id, creditPct: 30 },
      ],
    });
    const [d, p] = await rowsOf(id);
    expect(d).toMatchObject({ creditPct: 70, quotaCreditCents: BigInt(280) * K, spiffCents: K });
    expect(d.basis).toMatch(/70 % credit decided by the conflict case resolved on .* \(split\)/);
    const pct = await marginPctOf("Northwind Systems");
    expect(p).toMatchObject({
      creditPct: 30,
      partnerMarginCents: (BigInt(400) * K * BigInt(pct) * BigInt(30)) / BigInt(10_000),
    });
  });
});

describe("statements", () => {
  it("an AE's month: every won deal closed in it with its line, totals that add up, an adjustment audited", async () => {
    const a = await deal({ acv: 30_000_000 });
    const b = await deal({ acv: 150_000_000 });
    await deal({ stage: "CLOSED_LOST" }); // lost: not on the statement
    const ae = a.ae;
    const s = await getStatement(ae, { kind: "AE", id: ae.userId! }, PERIOD);
    const ids = s.lines.map((l) => l.opportunityId);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(s.lines.every((l) => l.basis.length > 0 && l.partnerMarginCents === BigInt(0))).toBe(true);
    const sum = (f: (l: (typeof s.lines)[number]) => bigint) => s.lines.reduce((t, l) => t + f(l), BigInt(0));
    expect(s.totals.quotaCreditCents).toBe(sum((l) => l.quotaCreditCents));
    expect(s.totals.spiffCents).toBe(sum((l) => l.spiffCents));
    const lineB = s.lines.find((l) => l.opportunityId === b.id)!;
    expect(lineB.spiffCents).toBe(BigInt(2) * K); // $1.5M: the top band

    const ops = await ctxFor("ops@accord.test");
    const input = adjustmentInput.parse({
      subject: "AE",
      subjectId: ae.userId,
      kind: "SPIFF",
      amount: "-250.50",
      month: "2027-03",
      reason: "Clawback: the customer cancelled within 30 days",
    });
    const { id } = await addAdjustment(ops, input, CLOSED);
    const after = await getStatement(ae, { kind: "AE", id: ae.userId! }, PERIOD);
    expect(after.totals.spiffCents).toBe(s.totals.spiffCents - BigInt(25_050));
    expect(after.adjustments).toEqual([expect.objectContaining({ id, kind: "SPIFF", amountCents: BigInt(-25_050) })]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "payout.adjust", entityId: id } });
    expect(event.actorId).toBe(ops.userId);
    expect(await db.outbox.count({ where: { kind: "payout.adjusted", recipientUserId: ae.userId } })).toBeGreaterThan(
      0,
    );
    // the quarter holds the month's lines and adjustments
    const quarter = await getStatement(ae, { kind: "AE", id: ae.userId! }, parsePeriod("2027-Q1")!);
    expect(quarter.totals.spiffCents).toBe(after.totals.spiffCents);
  });

  it("an adjustment needs a reason and a kind that fits the party; only channel operations adjust", async () => {
    const ae = await ctxFor("ae@accord.test");
    const bad = adjustmentInput.safeParse({
      subject: "AE",
      subjectId: ae.userId,
      kind: "MARGIN",
      amount: "0",
      month: "2027-3",
      reason: "x",
    });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["amount", "month", "reason"]));
    const input = adjustmentInput.parse({
      subject: "AE",
      subjectId: ae.userId,
      kind: "SPIFF",
      amount: "100",
      month: "2027-03",
      reason: "A fair correction",
    });
    expect((await errorOf(addAdjustment(ae, input))).code).toBe("FORBIDDEN");
    expect((await errorOf(addAdjustment(await ctxFor("pm@accord.test"), input))).code).toBe("FORBIDDEN");
  });

  it("a partner opens only its own statement, with its own figures; another party's is 404", async () => {
    const { id } = await deal({ name: "Partner view deal" });
    const alice = await ctxFor("alice@northwind.test");
    const northwind = alice.partnerId!;
    const contoso = await partnerIdOf("Contoso Partners");
    expect(await statementSubjectOf(alice, {})).toEqual({ kind: "PARTNER", id: northwind });
    const s = await getStatement(alice, { kind: "PARTNER", id: northwind }, PERIOD);
    const line = s.lines.find((l) => l.opportunityId === id)!;
    expect(line.partnerMarginCents).toBeGreaterThan(BigInt(0));
    expect(s.lines.every((l) => l.quotaCreditCents === BigInt(0) && l.spiffCents === BigInt(0))).toBe(true);
    expect((await errorOf(getStatement(alice, { kind: "PARTNER", id: contoso }, PERIOD))).code).toBe("NOT_FOUND");
    const ae = await ctxFor("ae@accord.test");
    expect((await errorOf(getStatement(alice, { kind: "AE", id: ae.userId! }, PERIOD))).code).toBe("NOT_FOUND");
  });

  it("an AE opens its own only; a partner manager its partners'; an executive none", async () => {
    const ae = await ctxFor("ae@accord.test");
    const maya = await ctxFor("maya.chen@accord.test");
    expect(await statementSubjectOf(ae, {})).toEqual({ kind: "AE", id: ae.userId });
    expect((await errorOf(getStatement(maya, { kind: "AE", id: ae.userId! }, PERIOD))).code).toBe("NOT_FOUND");
    expect(
      (await errorOf(getStatement(ae, { kind: "PARTNER", id: await partnerIdOf("Northwind Systems") }, PERIOD))).code,
    ).toBe("NOT_FOUND");
    const pm = await ctxFor("pm@accord.test");
    await expect(
      getStatement(pm, { kind: "PARTNER", id: await partnerIdOf("Northwind Systems") }, PERIOD),
    ).resolves.toBeTruthy();
    expect((await errorOf(getStatement(pm, { kind: "AE", id: ae.userId! }, PERIOD))).code).toBe("NOT_FOUND");
    const ops = await ctxFor("ops@accord.test");
    await expect(getStatement(ops, { kind: "AE", id: maya.userId! }, PERIOD)).resolves.toBeTruthy();
    expect(
      (await errorOf(getStatement(await ctxFor("cro@accord.test"), { kind: "AE", id: ae.userId! }, PERIOD))).code,
    ).toBe("FORBIDDEN");
  });

  it("the CSV neutralizes formula cells and writes negatives in accounting style", async () => {
    await deal({ name: '=HYPERLINK("http://evil.example","x")', aeEmail: "daniel.ortiz@accord.test" });
    const daniel = await ctxFor("daniel.ortiz@accord.test");
    const ops = await ctxFor("ops@accord.test");
    await addAdjustment(
      ops,
      adjustmentInput.parse({
        subject: "AE",
        subjectId: daniel.userId,
        kind: "QUOTA_CREDIT",
        amount: "-1000",
        month: "2027-03",
        reason: "@SUM(A1) double booking",
      }),
      CLOSED,
    );
    const csv = statementCsv(await getStatement(daniel, { kind: "AE", id: daniel.userId! }, PERIOD));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("row,closed,deal,account,category,credit_pct,acv,quota_credit,spiff,why");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("'@SUM(A1) double booking");
    expect(csv).toContain("(1000.00)");
    expect(lines.at(-1)).toMatch(/^total,2027-03,/);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  });
});

describe("attribution disputes", () => {
  it("open deals cannot be disputed; a foreign partner gets 404; a second dispute is 409 naming the first", async () => {
    const open = await deal({ stage: "PROPOSAL" });
    expect(
      (await errorOf(openAttributionDispute(open.ae, { opportunityId: open.id, evidence: "Not closed yet at all" })))
        .code,
    ).toBe("UNPROCESSABLE");
    const { id } = await deal();
    const bob = await ctxFor("bob@contoso.test");
    expect(
      (await errorOf(openAttributionDispute(bob, { opportunityId: id, evidence: "We were there first, truly" }))).code,
    ).toBe("NOT_FOUND");
    const alice = await ctxFor("alice@northwind.test");
    const first = await openAttributionDispute(alice, {
      opportunityId: id,
      evidence: "We sourced it: see the March e-mails",
    });
    const row = await db.conflict.findUniqueOrThrow({
      where: { id: first.id },
      include: { parties: true, events: true },
    });
    expect(row).toMatchObject({ type: "ATTRIBUTION_DISPUTE", source: "ATTRIBUTION", opportunityId: id, level: 1 });
    expect(row.parties.map((p) => p.kind).sort()).toEqual(["DIRECT", "PARTNER"]);
    expect(row.events.map((e) => e.body)).toContain("We sourced it: see the March e-mails");
    const again = await errorOf(
      openAttributionDispute(alice, { opportunityId: id, evidence: "And once more, please" }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.fields?.conflictId).toEqual([first.id]);
  });
});

describe("through the opportunity write path (lib/db/opportunity-writes.ts)", () => {
  it("a $400K deal with Northwind attached is provisional co-sell on creation and final when closed won", async () => {
    const ae = await ctxFor("ae@accord.test");
    const account = await db.account.findFirstOrThrow({
      where: { ownerId: ae.userId, namedAccount: false, region: { directPresence: true } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const productLine = await db.productLine.findFirstOrThrow({ where: { kind: "CORE" }, select: { id: true } });
    const northwind = await partnerIdOf("Northwind Systems");
    const created = await createOpportunity(ae, {
      name: "Write path co-sell",
      accountId: account.id,
      productLineId: productLine.id,
      acvCents: "400,000",
      closeDate: "2027-03-31",
      discountPct: "0",
      partnerId: northwind,
    });
    const open = await rowsOf(created.id);
    expect(open.map((r) => [r.party, r.category, r.final])).toEqual([
      ["DIRECT", "PARTNER_COSELL", false],
      ["PARTNER", "PARTNER_COSELL", false],
    ]);
    await closeOpportunity(ae, created.id, { outcome: "CLOSED_WON", expectedStage: "PROSPECT" });
    const [direct, partner] = await rowsOf(created.id);
    expect(direct).toMatchObject({ final: true, quotaCreditCents: BigInt(400) * K, spiffCents: K });
    expect(partner).toMatchObject({ final: true, partnerId: northwind });
    expect(partner.partnerMarginCents).toBeGreaterThan(BigInt(0));
  });
});
