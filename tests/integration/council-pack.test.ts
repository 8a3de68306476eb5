// The council pack on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): opening a
// month's meeting is idempotent and settled by the unique month; a RULE_CHANGE decision creates the
// rule-set draft and links it with both audit events in one transaction (nothing when it fails);
// action items refuse stale edits with 409; only EXEC and ADMIN record; every agenda figure equals
// the count of the list it links to.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db/client";
import { countConflicts } from "@/lib/db/conflicts";
import { getCouncilPack, listMeetings } from "@/lib/db/council-pack";
import {
  addActionItem,
  addAttendee,
  assignActionItem,
  completeActionItem,
  openMeeting,
  recordDecision,
  removeAttendee,
} from "@/lib/db/council-pack-writes";
import { opportunityListWhere } from "@/lib/db/opportunities";
import { conflictFilters } from "@/lib/validation/conflict-filters";
import { opportunityListQuery } from "@/lib/validation/lists";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";

const MONTH = "2031-05";
const userId = async (email: string) =>
  (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const query = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("meetings", () => {
  it("opening a month twice, or twice at once, ends in one meeting and one audit event", async () => {
    const vp = await ctxFor("vp.sales@accord.test");
    const [a, b] = await Promise.all([openMeeting(vp, { month: MONTH }), openMeeting(vp, { month: MONTH })]);
    expect(a.id).toBe(b.id);
    expect((await openMeeting(vp, { month: MONTH })).id).toBe(a.id);
    expect(await db.councilMeeting.count({ where: { month: MONTH } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { action: "council.meeting.open", entityId: a.id } });
    expect(events).toHaveLength(1);
  });

  it("only the council's members record; a bad month is a field error", async () => {
    for (const email of ["ae@accord.test", "pm@accord.test"]) {
      const ctx = await ctxFor(email);
      expect((await errorOf(openMeeting(ctx, { month: "2031-06" }))).status).toBe(403);
    }
    const alice = await ctxFor("alice@northwind.test");
    expect((await errorOf(listMeetings(alice, 1))).status).toBe(403);
    const ops = await ctxFor("ops@accord.test");
    expect(await errorOf(openMeeting(ops, { month: "2031-13" }))).toBeInstanceOf(ZodError);
  });

  it("the history lists the seeded meetings newest first, with their counts", async () => {
    const ae = await ctxFor("ae@accord.test");
    const { rows } = await listMeetings(ae, 1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => r.month)).toEqual([...rows.map((r) => r.month)].sort().reverse());
    expect(rows.some((r) => r.decisions > 0 && r.attendees > 0)).toBe(true);
  });
});

describe("decisions", () => {
  it("a RULE_CHANGE creates a draft copied from the rules in force, linked, with both audit events", async () => {
    const vp = await ctxFor("vp.sales@accord.test");
    await openMeeting(vp, { month: "2031-07" });
    const inForce = await db.ruleSet.findFirstOrThrow({
      where: { status: "PUBLISHED", effectiveTo: null },
      select: { _count: { select: { rules: true } } },
    });
    const decision = await recordDecision(vp, {
      month: "2031-07",
      kind: "RULE_CHANGE",
      text: "Named accounts above $500K stay direct",
    });
    expect(decision.ruleSetId).not.toBeNull();
    const draft = await db.ruleSet.findUniqueOrThrow({
      where: { id: decision.ruleSetId! },
      select: { status: true, changeNote: true, authorId: true, _count: { select: { rules: true } } },
    });
    expect(draft).toMatchObject({ status: "DRAFT", authorId: vp.userId });
    expect(draft.changeNote).toContain("Named accounts above $500K stay direct");
    expect(draft._count.rules).toBe(inForce._count.rules);
    const actions = await db.auditEvent.findMany({
      where: { entityId: { in: [decision.id, decision.ruleSetId!] } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["council.decision.record", "ruleset.draft.create"]);
  });

  it("a decision for a month not opened is 404 and leaves no draft behind", async () => {
    const ops = await ctxFor("ops@accord.test");
    const before = await db.ruleSet.count();
    const error = await errorOf(recordDecision(ops, { month: "2031-08", kind: "RULE_CHANGE", text: "Anything" }));
    expect(error.status).toBe(404);
    expect(await db.ruleSet.count()).toBe(before);
  });

  it("other kinds create no draft; short text and a bad kind are field errors; an AE is refused", async () => {
    const ops = await ctxFor("ops@accord.test");
    await openMeeting(ops, { month: "2031-09" });
    const before = await db.ruleSet.count();
    const d = await recordDecision(ops, { month: "2031-09", kind: "MDF_MOVE", text: "Move $20K to marketplace" });
    expect(d.ruleSetId).toBeNull();
    expect(await db.ruleSet.count()).toBe(before);
    const short = await errorOf(recordDecision(ops, { month: "2031-09", kind: "OTHER", text: "x" }));
    expect((short as unknown as ZodError).issues[0].path).toEqual(["text"]);
    const kind = await errorOf(recordDecision(ops, { month: "2031-09", kind: "NOPE", text: "Something" }));
    expect((kind as unknown as ZodError).issues[0].path).toEqual(["kind"]);
    const ae = await ctxFor("ae@accord.test");
    expect((await errorOf(recordDecision(ae, { month: "2031-09", kind: "OTHER", text: "Hi there" }))).status).toBe(403);
  });
});

describe("attendees and action items", () => {
  it("attendees are added once and removed; a partner user is not a choice", async () => {
    const vp = await ctxFor("vp.sales@accord.test");
    await openMeeting(vp, { month: "2031-10" });
    const cro = await userId("cro@accord.test");
    await addAttendee(vp, { month: "2031-10", userId: cro });
    const dup = await errorOf(addAttendee(vp, { month: "2031-10", userId: cro }));
    expect(dup.status).toBe(409);
    const partner = await errorOf(addAttendee(vp, { month: "2031-10", userId: await userId("alice@northwind.test") }));
    expect(partner.fields).toEqual({ userId: ["Pick someone from the list"] });
    await removeAttendee(vp, { month: "2031-10", userId: cro });
    expect((await errorOf(removeAttendee(vp, { month: "2031-10", userId: cro }))).status).toBe(404);
    const pack = await getCouncilPack(vp, "2031-10");
    expect(pack.meeting?.attendees).toEqual([]);
  });

  it("an action item is added, reassigned and completed; stale or repeated edits are 409, unknown ids 404", async () => {
    const ops = await ctxFor("ops@accord.test");
    await openMeeting(ops, { month: "2031-11" });
    const [pm, ae] = await Promise.all([userId("pm@accord.test"), userId("ae@accord.test")]);
    const item = await addActionItem(ops, {
      month: "2031-11",
      text: "Brief the partners on the change",
      ownerId: pm,
      dueDate: "2031-11-20",
    });
    const assigned = await assignActionItem(ops, { id: item.id, ownerId: ae, lockVersion: 0 });
    expect(assigned.lockVersion).toBe(1);
    expect((await errorOf(completeActionItem(ops, { id: item.id, lockVersion: 0 }))).status).toBe(409);
    await completeActionItem(ops, { id: item.id, lockVersion: 1 });
    const done = await errorOf(completeActionItem(ops, { id: item.id, lockVersion: 2 }));
    expect(done).toMatchObject({ status: 409, userMessage: "This action item is already done." });
    expect((await errorOf(completeActionItem(ops, { id: "nope", lockVersion: 0 }))).status).toBe(404);
    const row = await db.councilActionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ status: "DONE", ownerId: ae, lockVersion: 2 });
    const actions = await db.auditEvent.findMany({ where: { entityId: item.id }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual([
      "council.action.add",
      "council.action.assign",
      "council.action.complete",
    ]);
    const badDate = await errorOf(
      addActionItem(ops, { month: "2031-11", text: "Something", ownerId: pm, dueDate: "soon" }),
    );
    expect((badDate as unknown as ZodError).issues[0].path).toEqual(["dueDate"]);
  });
});

describe("the pack", () => {
  it("an executive sees the headline figures; every agenda figure equals the count of its list", async () => {
    const now = new Date();
    const vp = await ctxFor("vp.sales@accord.test");
    const month = now.toISOString().slice(0, 7);
    const pack = await getCouncilPack(vp, month, now);
    expect(pack.headline.map((h) => h.key)).toContain("pipelineCreated");
    expect(pack.agenda.map((a) => a.key)).toEqual([
      "channelMix",
      "disputes",
      "coSellAtRisk",
      "overdueConflicts",
      "topRules",
      "enablementGaps",
    ]);
    for (const key of ["disputes", "overdueConflicts"] as const) {
      const item = pack.agenda.find((a) => a.key === key)!;
      const listed = await countConflicts(vp, conflictFilters(query(item.href!)), now);
      expect(item.figure).toBe(String(listed));
    }
    const atRisk = pack.agenda.find((a) => a.key === "coSellAtRisk")!;
    const where = opportunityListWhere(vp, opportunityListQuery.parse(query(atRisk.href!)));
    expect(atRisk.figure).toBe(String(await db.opportunity.count({ where })));
  });

  it("an AE reads the agenda in its own scope, without the council's figures or maturity", async () => {
    const ae = await ctxFor("ae@accord.test");
    const pack = await getCouncilPack(ae, "2031-05");
    expect(pack.headline).toEqual([]);
    expect(pack.agenda.map((a) => a.key)).toEqual(["disputes", "coSellAtRisk", "overdueConflicts"]);
    expect(pack.meeting?.month).toBe("2031-05");
  });
});
