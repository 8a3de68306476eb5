// A new rule set never re-routes existing deals by itself; the explicit re-route does, audited,
// keeping deals a partner is driving (flagged for review instead).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDraft, publishRuleSet, saveDraft } from "@/lib/db/rule-set-writes";
import { findRuleSet } from "@/lib/db/rule-sets";
import { rerouteOpenDeals } from "@/lib/db/reroute";
import type { Rule } from "@/lib/rules";
import { ctxFor } from "../support/contexts";

describe("explicit re-route", () => {
  it("moves open deals to the routes of the rule set in force, only when asked, with audit events", async () => {
    const ops = await ctxFor("ops@accord.test");
    const now = new Date();
    // v-next: every deal under $1M is co-sold (rules 70 and 80 merged), and without the sticky
    // rule 10, so the engine's own sticky ownership is what keeps partner-driven deals

    const { id } = await createDraft(ops, undefined, now);
    const draft = (await findRuleSet(ops, id))!;
    const rules = draft.engine.rules
      .filter((r) => r.priority !== 70 && r.priority !== 10)
      .map((r) =>
        r.priority === 80 ? { ...r, conditions: [{ field: "acv", op: "lt", value: 100_000_000 }] } : r,
      ) as Rule[];
    const saved = await saveDraft(ops, {
      id,
      lockVersion: draft.lockVersion,
      changeNote: "",
      rules,
      defaultOutcome: draft.engine.defaultOutcome,
    });
    const routesBefore = await db.opportunity.findMany({
      where: { stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
      select: { id: true, route: true },
    });
    await publishRuleSet(
      ops,
      { id, lockVersion: saved.lockVersion, effectiveFrom: now, changeNote: "Co-sell everything under $1M" },
      now,
    );

    // publishing alone changes no existing deal
    const unchanged = await db.opportunity.findMany({
      where: { id: { in: routesBefore.map((o) => o.id) } },
      select: { id: true, route: true },
    });
    expect(unchanged).toEqual(expect.arrayContaining(routesBefore));

    const auditsBefore = await db.auditEvent.count({ where: { action: "opportunity.reroute" } });
    const preview = await rerouteOpenDeals(ops, { apply: false, now: new Date(now.getTime() + 1000) });
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.changes["PARTNER_LED→CO_SELL"]).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { action: "opportunity.reroute" } })).toBe(auditsBefore);

    const applied = await rerouteOpenDeals(ops, { apply: true, now: new Date(now.getTime() + 2000) });
    expect(applied.moved).toBe(preview.moved);
    expect(await db.auditEvent.count({ where: { action: "opportunity.reroute" } })).toBe(
      auditsBefore + applied.moved + applied.keptSticky,
    );
    expect(await db.auditEvent.count({ where: { action: "ruleset.reroute" } })).toBe(1);
    const moved = await db.opportunity.findFirstOrThrow({
      where: { route: "CO_SELL", routeDecision: { ruleSetId: id } },
      include: { routeDecision: true },
    });
    expect(moved.routeDecision?.ruleSetVersion).toBe(draft.version);

    // deals a partner drives under an approved registration keep PARTNER_LED and are flagged
    expect(applied.keptSticky).toBeGreaterThan(0);
    const kept = await db.routeDecision.findMany({
      where: { ruleSetId: id, flaggedForReview: true },
      select: { route: true },
    });
    expect(kept).toHaveLength(applied.keptSticky);
    expect(kept.every((k) => k.route === "PARTNER_LED")).toBe(true);
    // and a second run finds nothing left to move
    expect((await rerouteOpenDeals(ops, { apply: false, now: new Date(now.getTime() + 3000) })).moved).toBe(0);
  });

  it("is for channel operations only", async () => {
    await expect(rerouteOpenDeals(await ctxFor("vp.sales@accord.test"), { apply: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
