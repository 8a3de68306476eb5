// A proposed change to the rules of engagement, left as a DRAFT so the demo's rule-set editor, lint
// and simulation screens have something to work on: start co-selling at $200K instead of $250K.
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { ACV_250K, type Condition, type Rule, type RuleSet } from "../../lib/rules";
import { ruleRows, ruleSetId } from "./routing";
import { addDays, quarterStart } from "./time";
import type { Rows } from "./world";

const CO_SELL_FROM = 20_000_000; // 200,000.00

/** Moves the lower bound of the co-sell band wherever a rule tests it. */
function lowerCoSellBand(rule: Rule, from: number, to: number): Rule {
  const conditions = rule.conditions.map((c): Condition => {
    if (c.field !== "acv") return c;
    if (c.op === "lt" && c.value === from) return { ...c, value: to };
    if (c.op === "between" && c.value[0] === from) return { ...c, value: [to, c.value[1]] };
    return c;
  });
  const name = rule.name.replace("$250K", "$200K");
  return { ...rule, name, conditions };
}

/** The published rule set with the co-sell band starting lower. */
function draftRuleSet(published: RuleSet, version: number): RuleSet {
  return { ...published, version, rules: published.rules.map((r) => lowerCoSellBand(r, ACV_250K, CO_SELL_FROM)) };
}

export function addDraftRuleSet(rows: Rows, published: RuleSet, version: number, authorId: string, now: Date): void {
  const draft = draftRuleSet(published, version);
  const createdAt = addDays(now, -6);
  const { rationale, ...outcome } = draft.defaultOutcome;
  rows.ruleSets.push({
    id: ruleSetId(version),
    version,
    status: "DRAFT",
    effectiveFrom: quarterStart(now, 1),
    changeNote:
      "Start co-selling at $200K ACV: the revenue council asked for AE involvement earlier in mid-market deals.",
    defaultOutcome: { ...outcome, rationale: rationale ?? "" } as Prisma.InputJsonValue,
    authorId,
    createdAt,
    updatedAt: addDays(createdAt, 2),
  });
  rows.rules.push(...ruleRows(draft, version));
}
