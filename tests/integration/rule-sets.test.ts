// Rule sets in the product: drafts under optimistic concurrency, publication with lint, audit and
// effective windows, grandfathering by claim time, and what partners may see.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findRuleSetInForce } from "@/lib/db/dashboards";
import { findRuleSet, listRuleSets, ruleSetInForceAt } from "@/lib/db/rule-sets";
import { createDraft, deleteDraft, publishRuleSet, saveDraft } from "@/lib/db/rule-set-writes";
import { lintDraft } from "@/lib/db/rule-set-lint";
import type { Rule } from "@/lib/rules";
import { errorOf } from "../support/errors";
import { ctxFor } from "../support/contexts";
import { FIXED_NOW } from "../support/test-db";

async function draftState(id: string) {
  const ops = await ctxFor("ops@accord.test");
  const set = (await findRuleSet(ops, id))!;
  return { set, rules: set.engine.rules.map((r) => ({ ...r })) as Rule[] };
}

describe("rule sets", () => {
  it("v1, the default rule set, is in force after seeding", async () => {
    const inForce = await ruleSetInForceAt(FIXED_NOW);
    expect(inForce?.version).toBe(1);
    expect(inForce?.engine.rules.map((r) => r.priority)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it("lint of a draft compares with the rule set in force: narrowing rule 70 opens one new gap, a warning", async () => {
    const ops = await ctxFor("ops@accord.test");
    const { id } = await createDraft(ops, undefined, FIXED_NOW);
    const { set, rules } = await draftState(id);
    const rule70 = rules.find((r) => r.priority === 70)!;
    const narrowed = rules.map((r) =>
      r === rule70 ? { ...r, name: "Under $150K ACV", conditions: [{ field: "acv", op: "lt", value: 15_000_000 }] } : r,
    );
    const input = { id, rules: narrowed, defaultOutcome: set.engine.defaultOutcome };
    const report = await lintDraft(ops, input, FIXED_NOW);
    const warnings = report.findings.filter((f) => f.severity === "warning");
    expect(warnings.map((f) => [f.kind, f.ruleIds])).toEqual([["GAP", [rule70.id]]]);
    expect(warnings[0].message).toMatch(
      /^Deals with ACV at least \$150,000 and below \$250,000 now fall to the default/,
    );
    expect(warnings[0].example?.acv).toBe(20_000_000);
    // unchanged, the draft has no warnings; and only ops may lint
    expect((await lintDraft(ops, { ...input, rules }, FIXED_NOW)).warnings).toBe(0);
    expect((await errorOf(lintDraft(await ctxFor("alice@northwind.test"), input, FIXED_NOW))).code).toBe("FORBIDDEN");
    await deleteDraft(ops, id, set.lockVersion);
  });

  it("partners never see drafts; only ops edit", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const pm = await ctxFor("pm@accord.test");
    const drafts = await db.ruleSet.findMany({ where: { status: "DRAFT" }, select: { id: true } });
    expect(drafts.length).toBeGreaterThan(0);
    expect((await listRuleSets(alice)).every((r) => r.status !== "DRAFT")).toBe(true);
    expect(await findRuleSet(alice, drafts[0].id)).toBeNull();
    expect((await errorOf(createDraft(pm))).code).toBe("FORBIDDEN");
  });

  it("a draft saved by someone else first is refused with CONFLICT and nothing is lost", async () => {
    const ops = await ctxFor("ops@accord.test");
    const { id } = await createDraft(ops, undefined, FIXED_NOW);
    const { set, rules } = await draftState(id);
    const first = await saveDraft(ops, {
      id,
      lockVersion: set.lockVersion,
      changeNote: "first",
      rules: rules.map((r) => (r.priority === 70 ? { ...r, name: "Under $250K (edited)" } : r)),
      defaultOutcome: set.engine.defaultOutcome,
    });
    expect(first.lockVersion).toBe(set.lockVersion + 1);
    const stale = await errorOf(
      saveDraft(ops, {
        id,
        lockVersion: set.lockVersion,
        changeNote: "second",
        rules: rules.slice(1),
        defaultOutcome: set.engine.defaultOutcome,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.userMessage).toMatch(/changed by someone else/);
    const after = await draftState(id);
    expect(after.rules).toHaveLength(9);
    expect(after.rules.find((r) => r.priority === 70)?.name).toBe("Under $250K (edited)");
    await deleteDraft(ops, id, first.lockVersion);
  });

  it("an invalid draft is refused with field paths and not saved", async () => {
    const ops = await ctxFor("ops@accord.test");
    const { id } = await createDraft(ops, undefined, FIXED_NOW);
    const { set, rules } = await draftState(id);
    const broken = rules.map((r, i) =>
      i === 2 ? { ...r, conditions: [{ field: "vertical", op: "in", value: [] }] } : r,
    ) as Rule[];
    const err = await errorOf(
      saveDraft(ops, {
        id,
        lockVersion: set.lockVersion,
        changeNote: "",
        rules: broken,
        defaultOutcome: set.engine.defaultOutcome,
      }),
    );
    expect(err.code).toBe("VALIDATION");
    expect(Object.keys(err.fields!).some((k) => k.startsWith("rules.2.conditions.0"))).toBe(true);
    expect((await draftState(id)).set.lockVersion).toBe(set.lockVersion);
  });

  it("publishing refuses past dates and lint errors, then schedules the new version with an audit event", async () => {
    const ops = await ctxFor("ops@accord.test");
    const now = new Date();
    const { id } = await createDraft(ops, undefined, now);
    let { set, rules } = await draftState(id);

    expect(
      (
        await errorOf(
          publishRuleSet(
            ops,
            {
              id,
              lockVersion: set.lockVersion,
              effectiveFrom: new Date(now.getTime() - 86_400_000),
              changeNote: "past",
            },
            now,
          ),
        )
      ).code,
    ).toBe("VALIDATION");

    // a rule whose conditions contradict each other: lint error, publishing refused (a rule shadowed by higher ones
    // was an error here before issue 15; it is a warning now and no longer blocks)
    const catchAll: Rule = {
      id: "catch",
      priority: 5,
      name: "Nothing direct",
      conditions: [
        { field: "acv", op: "gt", value: 50_000 },
        { field: "acv", op: "lt", value: 30_000 },
      ],
      outcome: { route: "DIRECT", leadRole: "AE", protectionDays: null, attributionCategory: "DIRECT" },
      rationale: "",
    };
    const saved = await saveDraft(ops, {
      id,
      lockVersion: set.lockVersion,
      changeNote: "",
      rules: [catchAll, ...rules],
      defaultOutcome: set.engine.defaultOutcome,
    });
    expect(
      (
        await errorOf(
          publishRuleSet(
            ops,
            { id, lockVersion: saved.lockVersion, effectiveFrom: now, changeNote: "contradiction" },
            now,
          ),
        )
      ).code,
    ).toBe("UNPROCESSABLE");

    // fixed: co-sell from $200K instead of $250K
    ({ set, rules } = await draftState(id));
    const edited = rules
      .filter((r) => r.priority !== 5)
      .map((r) =>
        r.priority === 70
          ? { ...r, conditions: [{ field: "acv", op: "lt", value: 20_000_000 }] }
          : r.priority === 80
            ? { ...r, conditions: [{ field: "acv", op: "between", value: [20_000_000, 100_000_000] }] }
            : r,
      ) as Rule[];
    const ready = await saveDraft(ops, {
      id,
      lockVersion: set.lockVersion,
      changeNote: "",
      rules: edited,
      defaultOutcome: set.engine.defaultOutcome,
    });
    const from = new Date(now.getTime() + 7 * 86_400_000);
    const before = await ruleSetInForceAt(now);
    const published = await publishRuleSet(
      ops,
      { id, lockVersion: ready.lockVersion, effectiveFrom: from, changeNote: "Co-sell from $200K" },
      now,
    );
    expect(published.version).toBeGreaterThan(before!.version);

    // grandfathering: a claim before the effective date is decided by the old version, after by the new
    expect((await ruleSetInForceAt(new Date(from.getTime() - 1)))?.version).toBe(before!.version);
    expect((await ruleSetInForceAt(from))?.version).toBe(published.version);
    // the operations home names the same one, the old version still PUBLISHED past its window included
    expect((await findRuleSetInForce(ops, new Date(from.getTime() - 1)))?.version).toBe(before!.version);
    expect((await findRuleSetInForce(ops, from))?.version).toBe(published.version);
    const old = await db.ruleSet.findUniqueOrThrow({ where: { id: before!.id } });
    expect(old.effectiveTo?.toISOString()).toBe(from.toISOString());
    expect(old.status).toBe("PUBLISHED"); // retires when the new version takes effect

    const events = await db.auditEvent.findMany({ where: { action: "ruleset.publish", entityId: id } });
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(ops.userId);

    // published rule sets are immutable
    const after = await draftState(id);
    const immutable = await errorOf(
      saveDraft(ops, {
        id,
        lockVersion: after.set.lockVersion,
        changeNote: "",
        rules: after.rules,
        defaultOutcome: after.set.engine.defaultOutcome,
      }),
    );
    expect(immutable.code).toBe("CONFLICT");
    expect(immutable.userMessage).toMatch(/cannot be changed/);
  });
});
