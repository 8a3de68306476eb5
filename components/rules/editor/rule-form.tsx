"use client";
// The full form of one rule, shown under its row when the row is open: name, rationale, the
// conditions (all must hold) and the outcome. Labels stay stable ("Name", "Condition 1 field",
// "Operator", "Value") because people and tests find the fields by them.
import { Button } from "@/components/ui/button";
import { MAX_CONDITIONS_PER_RULE } from "@/lib/rules";
import {
  blankCondition,
  messagesUnder,
  outcomeErrors,
  type EditorCondition,
  type EditorRule,
  type FieldErrors,
} from "./draft-model";
import { ConditionRow } from "./condition-row";
import { FieldError, TextField } from "@/components/ui/field";
import { OutcomeFields } from "./outcome-fields";

export function RuleForm({
  id,
  rule,
  errors,
  onChange,
}: {
  /** The DOM id prefix of the rule's row (`rule-<key>`). */
  id: string;
  rule: EditorRule;
  errors?: FieldErrors;
  onChange: (next: EditorRule, touched: string | null) => void;
}) {
  const setCondition = (j: number, next: EditorCondition) =>
    onChange({ ...rule, conditions: rule.conditions.map((c, k) => (k === j ? next : c)) }, `conditions.${j}`);
  // indices shift when a condition goes, so every condition error of the rule is cleared
  const removeCondition = (j: number) =>
    onChange({ ...rule, conditions: rule.conditions.filter((_, k) => k !== j) }, "conditions");

  return (
    <div id={`${id}-form`} className="space-y-4 border-t border-slate-100 p-4">
      <FieldError id={`${id}-general`} messages={errors?._} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <TextField
          id={`${id}-name`}
          label="Name"
          value={rule.name}
          maxLength={200}
          required
          errors={errors?.name}
          onChange={(name) => onChange({ ...rule, name }, "name")}
        />
        <TextField
          id={`${id}-rationale`}
          label="Rationale (shown to partners and AEs)"
          value={rule.rationale}
          maxLength={2000}
          multiline
          errors={errors?.rationale}
          onChange={(rationale) => onChange({ ...rule, rationale }, "rationale")}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">When all of these hold</legend>
        {rule.conditions.length === 0 && (
          <p className="mt-1 text-sm text-slate-600">No conditions: this rule matches every deal that reaches it.</p>
        )}
        <ul className="mt-2 space-y-2">
          {rule.conditions.map((c, j) => (
            <ConditionRow
              key={c.key}
              id={`${id}-c-${c.key}`}
              index={j}
              condition={c}
              ruleErrors={errors}
              onChange={(next) => setCondition(j, next)}
              onRemove={() => removeCondition(j)}
            />
          ))}
        </ul>
        <FieldError id={`${id}-conditions`} messages={errors?.conditions} />
        <Button
          type="button"
          variant="secondary"
          className="mt-2 px-2.5 py-1"
          disabled={rule.conditions.length >= MAX_CONDITIONS_PER_RULE}
          onClick={() => onChange({ ...rule, conditions: [...rule.conditions, blankCondition()] }, null)}
        >
          + Add condition
        </Button>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-800">Then</legend>
        <OutcomeFields
          idPrefix={`${id}-outcome`}
          outcome={rule.outcome}
          errors={outcomeErrors(errors, "outcome")}
          onChange={(patch) =>
            onChange({ ...rule, outcome: { ...rule.outcome, ...patch } }, `outcome.${Object.keys(patch)[0]}`)
          }
        />
      </fieldset>
      {messagesUnder(errors, "id").length > 0 && <FieldError id={`${id}-id`} messages={messagesUnder(errors, "id")} />}
    </div>
  );
}
