// The conflict writes on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL):
// opening from every source, comments, escalation and resolution with their effects, rows and
// notices, scoping (a partner not party to a case gets 404) and the level deciders.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { commentOnConflict, escalateConflict, raiseConflict, resolveConflict } from "@/lib/db/conflict-writes";
import { conflictCriteria } from "@/lib/db/conflict-criteria";
import { ctxFor } from "../../support/contexts";
import { errorOf } from "../../support/errors";
import { auditsOf, directOpportunity, duplicateCase, eventsOf } from "./helpers";

const FRIDAY = new Date("2026-12-04T10:00:00.000Z");

describe("opening", () => {
  it("a duplicate registration opens its case through openCase: level 1, SLA, event, audit, the manager told", async () => {
    const c = await duplicateCase(FRIDAY);
    const row = await db.conflict.findUniqueOrThrow({
      where: { id: c.id },
      include: { parties: true, registrations: true },
    });
    expect(row).toMatchObject({
      status: "OPEN",
      level: 1,
      source: "REGISTRATION",
      raisedById: null,
      openSubjectKey: null,
    });
    // opened at Bob's submission (Friday 10:01): 2 business days → Tuesday
    expect(row.slaDueAt.toISOString()).toBe("2026-12-08T10:01:00.000Z");
    expect(row.levelSince?.toISOString()).toBe("2026-12-04T10:01:00.000Z");
    expect(row.parties.map((p) => p.partnerId).sort()).toEqual([c.alice.partnerId, c.bob.partnerId].sort());
    expect(row.registrations.map((l) => l.registrationId).sort()).toEqual([c.aliceReg, c.bobReg].sort());
    expect((await eventsOf(c.id)).map((e) => e.kind)).toEqual(["OPENED"]);
    expect(await auditsOf(c.id, "conflict.open")).toBe(1);
    const pm = await ctxFor("pm@accord.test");
    expect(
      await db.outbox.count({
        where: { kind: "conflict.opened", recipientUserId: pm.userId, payload: { equals: { conflictId: c.id } } },
      }),
    ).toBe(1);
  });

  it("an AE raises a case on its own opportunity; a second raise on it is a 409 naming the first", async () => {
    const { ae, opp } = await directOpportunity();
    const northwind = (await ctxFor("alice@northwind.test")).partnerId!;
    const raised = await raiseConflict(ae, {
      opportunityId: opp.id,
      reason: "CO_SELL",
      partnerId: northwind,
      note: "Their team knows the buyer",
    });
    const row = await db.conflict.findUniqueOrThrow({ where: { id: raised.id }, include: { parties: true } });
    expect(row).toMatchObject({
      type: "DIRECT_VS_PARTNER",
      source: "AE",
      raisedById: ae.userId,
      opportunityId: opp.id,
      openSubjectKey: `opportunity:${opp.id}`,
    });
    expect(row.parties.map((p) => [p.kind, p.partnerId ?? p.userId]).sort()).toEqual(
      [
        ["DIRECT", ae.userId],
        ["PARTNER", northwind],
      ].sort(),
    );
    expect((await eventsOf(raised.id)).map((e) => [e.kind, e.body])).toEqual([
      ["OPENED", "Raised by the vendor's account executive"],
      ["COMMENTED", "Their team knows the buyer"],
    ]);
    const again = await errorOf(
      raiseConflict(ae, { opportunityId: opp.id, reason: "PARTNER_CLAIMS_DEAL", partnerId: northwind, note: "again" }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.fields?.conflictId).toEqual([raised.id]);
  });

  it("two raises on one opportunity at the same moment end with one case", async () => {
    const { ae, opp } = await directOpportunity();
    const partnerId = (await ctxFor("bob@contoso.test")).partnerId!;
    const input = {
      opportunityId: opp.id,
      reason: "PARTNER_CLAIMS_DEAL" as const,
      partnerId,
      note: "Contoso says it is theirs",
    };
    const results = await Promise.allSettled([raiseConflict(ae, input), raiseConflict(ae, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason.code).toBe("CONFLICT");
    expect(await db.conflict.count({ where: { opportunityId: opp.id, status: "OPEN" } })).toBe(1);
  });

  it("an AE cannot raise on another AE's opportunity (404), nor a partner on an opportunity (403)", async () => {
    const { opp } = await directOpportunity();
    const maya = await ctxFor("maya.chen@accord.test");
    const input = { opportunityId: opp.id, reason: "CO_SELL" as const, note: "not mine" };
    expect((await errorOf(raiseConflict(maya, input))).code).toBe("NOT_FOUND");
    expect((await errorOf(raiseConflict(await ctxFor("alice@northwind.test"), input))).code).toBe("FORBIDDEN");
  });

  it("a partner says it was here first on its own registration; one already in a case gets 409 naming it; another's is 404", async () => {
    const c = await duplicateCase();
    const onCase = await errorOf(raiseConflict(c.alice, { registrationId: c.aliceReg, note: "We met them first" }));
    expect(onCase.code).toBe("CONFLICT");
    expect(onCase.fields?.conflictId).toEqual([c.id]);
    expect((await errorOf(raiseConflict(c.alice, { registrationId: c.bobReg, note: "theirs" }))).code).toBe(
      "NOT_FOUND",
    );
    // after the case is dismissed, the partner raises its own case against the other claim
    await resolveConflict(await ctxFor("pm@accord.test"), c.id, {
      resolution: "DISMISSED",
      rationale: "Both may proceed to review",
      tags: [],
    });
    const raised = await raiseConflict(c.bob, { registrationId: c.bobReg, note: "We met them in March" });
    const row = await db.conflict.findUniqueOrThrow({ where: { id: raised.id }, include: { registrations: true } });
    expect(row).toMatchObject({ type: "DUPLICATE_REGISTRATION", source: "PARTNER", raisedById: c.bob.userId });
    expect(row.registrations.map((l) => l.registrationId).sort()).toEqual([c.aliceReg, c.bobReg].sort());
  });
});

describe("comments", () => {
  it("a party comments (event, audit, the deciders told); a partner not on the case gets 404", async () => {
    const c = await duplicateCase();
    await commentOnConflict(c.alice, c.id, { body: "We have emails from March" });
    const events = await eventsOf(c.id);
    expect(events.at(-1)).toMatchObject({
      kind: "COMMENTED",
      actorId: c.alice.userId,
      body: "We have emails from March",
    });
    expect(await auditsOf(c.id, "conflict.comment")).toBe(1);
    const pm = await ctxFor("pm@accord.test");
    expect(
      await db.outbox.count({ where: { kind: "conflict.commented", recipientUserId: pm.userId } }),
    ).toBeGreaterThan(0);
    const carla = await ctxFor("carla@fabrikam.test");
    expect((await errorOf(commentOnConflict(carla, c.id, { body: "hello" }))).code).toBe("NOT_FOUND");
    expect(
      (await errorOf(resolveConflict(carla, c.id, { resolution: "DISMISSED", rationale: "x y z", tags: [] }))).code,
    ).toBe("FORBIDDEN");
    expect(await db.conflictEvent.count({ where: { conflictId: c.id } })).toBe(events.length);
  });
});

describe("escalation", () => {
  it("the partner manager escalates level 1 → 2 with a reason: new SLA, event, audit, the VPs told", async () => {
    const c = await duplicateCase(FRIDAY);
    const pm = await ctxFor("pm@accord.test");
    const at = new Date("2026-12-07T09:00:00.000Z"); // Monday
    const result = await escalateConflict(pm, c.id, { reason: "Both partners have evidence", expectedLevel: 1 }, at);
    expect(result).toEqual({ id: c.id, fromLevel: 1, toLevel: 2, slaDueAt: "2026-12-10T09:00:00.000Z" });
    const row = await db.conflict.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ level: 2, levelSince: at });
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({
      kind: "ESCALATED",
      fromLevel: 1,
      toLevel: 2,
      actorId: pm.userId,
    });
    expect(await auditsOf(c.id, "conflict.escalate")).toBe(1);
    const vps = await db.user.findMany({
      where: { title: { in: ["VP_SALES", "VP_CHANNEL"] }, active: true },
      select: { id: true },
    });
    for (const vp of vps)
      expect(
        await db.outbox.count({
          where: {
            kind: "conflict.escalated",
            recipientUserId: vp.id,
            payload: { equals: { conflictId: c.id, level: 2 } },
          },
        }),
      ).toBe(1);
    // level 2 is not the manager's, and a stale level is a 409
    expect((await errorOf(escalateConflict(pm, c.id, { reason: "again please" }))).code).toBe("FORBIDDEN");
    const vpSales = await ctxFor("vp.sales@accord.test");
    expect((await errorOf(escalateConflict(vpSales, c.id, { reason: "stale view", expectedLevel: 1 }))).code).toBe(
      "CONFLICT",
    );
  });

  it("level 4 is the last: escalating it is refused", async () => {
    const c = await duplicateCase();
    await db.conflict.update({ where: { id: c.id }, data: { level: 4 } });
    const ceo = await ctxFor("ceo@accord.test");
    expect((await errorOf(escalateConflict(ceo, c.id, { reason: "higher?" }))).code).toBe("UNPROCESSABLE");
  });
});

describe("resolution", () => {
  it("level deciders are enforced: a VP at level 1 is refused, another manager's partners are not found", async () => {
    const c = await duplicateCase();
    const input = { resolution: "DISMISSED" as const, rationale: "Not a real overlap", tags: [] };
    expect((await errorOf(resolveConflict(await ctxFor("vp.sales@accord.test"), c.id, input))).code).toBe("FORBIDDEN");
    expect((await errorOf(resolveConflict(await ctxFor("pm2@accord.test"), c.id, input))).code).toBe("NOT_FOUND");
    expect((await errorOf(resolveConflict(c.alice, c.id, input))).code).toBe("FORBIDDEN");
    expect((await db.conflict.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("OPEN");
    // channel operations decide at every level
    await resolveConflict(await ctxFor("ops@accord.test"), c.id, input);
    expect((await db.conflict.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("RESOLVED");
  });

  it("AWARD_PARTNER: the loser's registration is rejected and released, credit 100/0, each partner told in its own words", async () => {
    const c = await duplicateCase();
    const pm = await ctxFor("pm@accord.test");
    const result = await resolveConflict(pm, c.id, {
      resolution: "AWARD_PARTNER",
      winnerPartyId: c.bobParty,
      rationale: "Contoso brought the buyer to the summit in March",
      tags: ["Prior relationship", "event"],
    });
    expect(result.effects.losers).toEqual([{ registrationId: c.aliceReg, from: "SUBMITTED", to: "REJECTED" }]);
    const row = await db.conflict.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true } });
    expect(row).toMatchObject({
      status: "RESOLVED",
      resolution: "AWARD_PARTNER",
      tags: ["prior relationship", "event"],
    });
    expect(Object.fromEntries(row.parties.map((p) => [p.id, p.creditPct]))).toEqual({
      [c.bobParty]: 100,
      [c.aliceParty]: 0,
    });
    const alices = await db.dealRegistration.findUniqueOrThrow({ where: { id: c.aliceReg } });
    expect(alices).toMatchObject({ status: "REJECTED", activeClaimKey: null, partnerClaimNameKey: null });
    expect(alices.decisionReason).toMatch(/Contoso brought the buyer/);
    expect((await db.dealRegistration.findUniqueOrThrow({ where: { id: c.bobReg } })).status).toBe("SUBMITTED");
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ kind: "RESOLVED", actorId: pm.userId });
    expect(await auditsOf(c.id, "conflict.resolve")).toBe(1);
    const notices = await db.outbox.findMany({
      where: {
        kind: "conflict.resolved",
        recipientUserId: { in: [c.alice.userId!, c.bob.userId!] },
        payload: { equals: { conflictId: c.id } },
      },
    });
    const toAlice = notices.find((n) => n.recipientUserId === c.alice.userId)!;
    const toBob = notices.find((n) => n.recipientUserId === c.bob.userId)!;
    expect(toAlice.body).toBe("Decided for another party: your registration no longer holds the claim.");
    expect(toBob.body).toBe("Decided in your favour: your registration keeps the claim.");
    for (const n of [toAlice, toBob]) expect(`${n.subject} ${n.body}`).not.toMatch(/Northwind|Contoso/);
  });

  it("a SPLIT that does not add up to 100 is a 422 naming the field, and nothing is written", async () => {
    const c = await duplicateCase();
    const pm = await ctxFor("pm@accord.test");
    const [events, audits] = [(await eventsOf(c.id)).length, await db.auditEvent.count()];
    const error = await errorOf(
      resolveConflict(pm, c.id, {
        resolution: "SPLIT",
        rationale: "Both contributed",
        tags: [],
        splits: [
          { partyId: c.aliceParty, creditPct: 60 },
          { partyId: c.bobParty, creditPct: 30 },
        ],
      }),
    );
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.fields?.splits?.[0]).toMatch(/exactly 100/);
    expect(await db.conflict.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "OPEN",
      resolution: null,
    });
    expect((await eventsOf(c.id)).length).toBe(events);
    expect(await db.auditEvent.count()).toBe(audits);
    expect(await db.conflictParty.count({ where: { conflictId: c.id, creditPct: { not: null } } })).toBe(0);
  });

  it("a VP resolves an escalated case with a split: credit per party stored", async () => {
    const c = await duplicateCase();
    await escalateConflict(await ctxFor("pm@accord.test"), c.id, { reason: "Needs a VP" });
    await resolveConflict(await ctxFor("vp.channel@accord.test"), c.id, {
      resolution: "SPLIT",
      rationale: "Both partners worked the account",
      tags: ["joint effort"],
      splits: [
        { partyId: c.aliceParty, creditPct: 60 },
        { partyId: c.bobParty, creditPct: 40 },
      ],
      expectedLevel: 2,
    });
    const parties = await db.conflictParty.findMany({ where: { conflictId: c.id } });
    expect(Object.fromEntries(parties.map((p) => [p.id, p.creditPct]))).toEqual({
      [c.aliceParty]: 60,
      [c.bobParty]: 40,
    });
    expect((await db.dealRegistration.findUniqueOrThrow({ where: { id: c.aliceReg } })).status).toBe("SUBMITTED");
  });

  it("two resolves at once: exactly one takes effect, the other is a 409", async () => {
    const c = await duplicateCase();
    const pm = await ctxFor("pm@accord.test");
    const ops = await ctxFor("ops@accord.test");
    const results = await Promise.allSettled([
      resolveConflict(pm, c.id, {
        resolution: "AWARD_PARTNER",
        winnerPartyId: c.aliceParty,
        rationale: "Alice first",
        tags: [],
      }),
      resolveConflict(ops, c.id, {
        resolution: "AWARD_PARTNER",
        winnerPartyId: c.bobParty,
        rationale: "Bob first",
        tags: [],
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe("CONFLICT");
    expect(await db.conflictEvent.count({ where: { conflictId: c.id, kind: "RESOLVED" } })).toBe(1);
    expect(await auditsOf(c.id, "conflict.resolve")).toBe(1);
    // exactly one registration lost
    const statuses = await db.dealRegistration.findMany({
      where: { id: { in: [c.aliceReg, c.bobReg] } },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status).sort()).toEqual(["REJECTED", "SUBMITTED"]);
  });

  it("AWARD_DIRECT and CO_SELL set the opportunity's route and partner", async () => {
    const { ae, opp } = await directOpportunity();
    const northwind = (await ctxFor("alice@northwind.test")).partnerId!;
    const first = await raiseConflict(ae, {
      opportunityId: opp.id,
      reason: "CO_SELL",
      partnerId: northwind,
      note: "co-sell?",
    });
    await resolveConflict(ae, first.id, {
      resolution: "CO_SELL",
      rationale: "Northwind runs the implementation",
      tags: [],
    });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({
      route: "CO_SELL",
      partnerId: northwind,
    });
    const second = await raiseConflict(ae, {
      opportunityId: opp.id,
      reason: "PARTNER_CLAIMS_DEAL",
      partnerId: northwind,
      note: "took over",
    });
    await resolveConflict(ae, second.id, { resolution: "AWARD_DIRECT", rationale: "The AE sourced it", tags: [] });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({
      route: "DIRECT",
      partnerId: null,
    });
  });
});

describe("criteria", () => {
  it("a party partner reads the criteria without the other partner's name; a stranger gets 404", async () => {
    const c = await duplicateCase();
    const forAlice = await conflictCriteria(c.alice, c.id);
    expect(forAlice.map((k) => k.key)).toEqual(["winProbability", "lifetimeValue", "strategicFit", "firstClaim"]);
    expect(forAlice[3].display).toBe("Your company");
    expect(JSON.stringify(forAlice)).not.toMatch(/Contoso/);
    const forPm = await conflictCriteria(await ctxFor("pm@accord.test"), c.id);
    expect(forPm[3].display).toBe("Northwind Systems");
    expect((await errorOf(conflictCriteria(await ctxFor("carla@fabrikam.test"), c.id))).code).toBe("NOT_FOUND");
  });
});
