// Lazy first-match explanations for the compiled path. The hot path (`decide`) only finds the
// winner; when someone needs to see *why*, this rebuilds the same trace the interpreter writes,
// fast enough to run on every stored decision: the text around each condition is prepared once per
// rule set, and within one explanation every fact is formatted once and every distinct condition
// (rules share many) is evaluated once.
import { normalizeOperand, testCondition, type Operand } from "./conditions";
import { makeDecision, rulesInPriorityOrder } from "./decision";
import { FACT_READERS, type FactReader, type FactValue } from "./facts";
import { FAIL_MARK, NO_CONDITIONS_REASON, PASS_MARK, REASON_SEPARATOR, formatFactValue, relationText } from "./format";
import type { Condition, Decision, Facts, Rule, RuleSet, TraceEntry } from "./types";
import { FACT_FIELDS, type FactField } from "./values";

interface PlannedCondition {
  /** Same id for conditions that are equal, so their result is computed once per explanation. */
  readonly id: number;
  readonly op: Condition["op"];
  readonly field: FactField;
  readonly fieldIndex: number;
  readonly read: FactReader;
  readonly operand: Operand;
  readonly head: string;
  /** The condition's relation; the negated one states what holds instead when it fails. */
  readonly tail: string;
  readonly negatedTail: string;
}

export class ExplanationPlan {
  private readonly conditions: PlannedCondition[][];
  private readonly positions = new Map<string, number>();
  // Per-explanation memo, invalidated by bumping `stamp` instead of clearing arrays.
  private stamp = 0;
  private readonly factStamp = new Uint32Array(FACT_FIELDS.length);
  private readonly factValue: FactValue[] = new Array(FACT_FIELDS.length);
  private readonly factText: string[] = new Array(FACT_FIELDS.length);
  private readonly condStamp: Uint32Array;
  private readonly condPassed: boolean[];
  private readonly condReason: string[];

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly rules: readonly Rule[],
  ) {
    const ids = new Map<string, number>();
    this.conditions = rules.map((rule, position) => {
      this.positions.set(rule.id, position);
      return rule.conditions.map((c) => {
        const key = `${c.field}\u0000${c.op}\u0000${JSON.stringify(c.value ?? null)}`;
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = ids.size));
        return {
          id,
          op: c.op,
          field: c.field,
          fieldIndex: FACT_FIELDS.indexOf(c.field),
          read: FACT_READERS[c.field],
          operand: normalizeOperand(c),
          head: `${c.field} `,
          tail: ` ${relationText(c)}`,
          negatedTail: ` ${relationText(c, true)}`,
        };
      });
    });
    this.condStamp = new Uint32Array(ids.size);
    this.condPassed = new Array(ids.size);
    this.condReason = new Array(ids.size);
  }

  positionOf(ruleId: string): number {
    const position = this.positions.get(ruleId);
    if (position === undefined) throw new Error(`Rule ${ruleId} is not in rule set ${this.ruleSet.id}`);
    return position;
  }

  /** Trace of every rule up to `winner` (a position; -1 = default, i.e. all rules). */
  explain(facts: Facts, winner: number): Decision {
    if (++this.stamp === 0xffffffff) {
      this.factStamp.fill(0);
      this.condStamp.fill(0);
      this.stamp = 1;
    }
    const last = winner < 0 ? this.rules.length - 1 : winner;
    const trace: TraceEntry[] = new Array(last + 1);
    for (let i = 0; i <= last; i++) {
      const rule = this.rules[i];
      const conds = this.conditions[i];
      let matched = true;
      let reason = NO_CONDITIONS_REASON;
      for (let k = 0; k < conds.length; k++) {
        const c = conds[k];
        this.evaluate(c, facts);
        reason = k === 0 ? this.condReason[c.id] : reason + REASON_SEPARATOR + this.condReason[c.id];
        if (!this.condPassed[c.id]) {
          matched = false;
          break;
        }
      }
      if (matched !== (i === winner)) {
        throw new Error(`Rule ${rule.id} ${matched ? "matches" : "does not match"}: stale decision for these facts`);
      }
      trace[i] = { ruleId: rule.id, priority: rule.priority, matched, reason };
    }
    return makeDecision(this.ruleSet, winner < 0 ? null : this.rules[winner], trace);
  }

  private evaluate(c: PlannedCondition, facts: Facts): void {
    if (this.condStamp[c.id] === this.stamp) return;
    const f = c.fieldIndex;
    if (this.factStamp[f] !== this.stamp) {
      this.factStamp[f] = this.stamp;
      this.factValue[f] = c.read(facts);
      this.factText[f] = formatFactValue(c.field, this.factValue[f]);
    }
    const passed = testCondition(c.op, this.factValue[f], c.operand);
    this.condStamp[c.id] = this.stamp;
    this.condPassed[c.id] = passed;
    // Same text as conditionReason() in format.ts, assembled from pieces prepared once.
    const tail = passed || this.factValue[f] === undefined ? c.tail : c.negatedTail;
    this.condReason[c.id] = c.head + this.factText[f] + tail + (passed ? PASS_MARK : FAIL_MARK);
  }
}

const plans = new WeakMap<RuleSet, ExplanationPlan>();

/** One plan per rule set object, like compiledFor: for immutable (published) rule sets. */
export function planFor(ruleSet: RuleSet): ExplanationPlan {
  let plan = plans.get(ruleSet);
  if (!plan) {
    plan = new ExplanationPlan(ruleSet, rulesInPriorityOrder(ruleSet));
    plans.set(ruleSet, plan);
  }
  return plan;
}
