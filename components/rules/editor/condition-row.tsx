"use client";
// One condition of a rule: field → operator (only those valid for the field's type) → value.
import { FIELD_CATALOGUE, fieldSpec, type FactField, type Operator } from "@/lib/rules";
import { OP_LABELS } from "@/components/rules/condition-text";
import { Button } from "@/components/ui/button";
import { messagesUnder, type EditorCondition, type FieldErrors } from "./draft-model";
import { SelectField } from "@/components/ui/field";
import { ValueInput } from "./value-input";

const FIELD_OPTIONS = Object.values(FIELD_CATALOGUE).map((s) => ({ value: s.field, label: s.label }));

export function ConditionRow({
  id,
  index,
  condition,
  ruleErrors,
  onChange,
  onRemove,
}: {
  id: string;
  index: number;
  condition: EditorCondition;
  /** All errors of the rule, keyed by paths below it ("conditions.1.value"). */
  ruleErrors?: FieldErrors;
  onChange: (next: EditorCondition) => void;
  onRemove: () => void;
}) {
  const prefix = `conditions.${index}`;
  const messages = messagesUnder(ruleErrors, prefix);
  const errorId = `${id}-error`;
  const spec = fieldSpec(condition.field);
  const wide =
    condition.op === "between" || ((condition.op === "in" || condition.op === "notIn") && spec.type === "enum");
  const invalid = (path: string, exact = false) => {
    const full = `${prefix}.${path}`;
    return Object.keys(ruleErrors ?? {}).some((p) => p === full || (!exact && p.startsWith(`${full}.`)));
  };

  function changeField(field: FactField) {
    const ops = fieldSpec(field).ops;
    // the old operand means nothing for another field; keep the operator only if it still applies
    onChange({
      ...condition,
      field,
      op: ops.includes(condition.op) ? condition.op : ops[0],
      value: "",
      values: [],
      low: "",
      high: "",
    });
  }

  function changeOp(op: Operator) {
    // carry a typed amount across, e.g. "is at least 250000" → "between 250000 and …"
    const carried =
      op === "between" && !condition.low
        ? { low: condition.value }
        : condition.op === "between" && !condition.value
          ? { value: condition.low }
          : {};
    onChange({ ...condition, op, ...carried });
  }

  return (
    <li className="rounded-md border border-slate-200 bg-slate-50/60 p-3">
      <div className="grid grid-cols-1 items-start gap-2 md:grid-cols-[minmax(0,11rem)_minmax(0,12rem)_minmax(0,1fr)_auto]">
        <SelectField
          id={`${id}-field`}
          label={`Condition ${index + 1} field`}
          value={condition.field}
          options={FIELD_OPTIONS}
          errors={invalid("field") ? messages : undefined}
          onChange={(v) => changeField(v as FactField)}
        />
        <SelectField
          id={`${id}-op`}
          label="Operator"
          value={condition.op}
          options={spec.ops.map((op) => ({ value: op, label: OP_LABELS[op] }))}
          errors={invalid("op") ? messages : undefined}
          onChange={(v) => changeOp(v as Operator)}
        />
        {/* ranges and pick-lists need the room of a whole row; a single value fits beside the operator */}
        <div className={wide ? "md:col-span-3 md:col-start-1 md:row-start-2" : undefined}>
          <ValueInput
            id={`${id}-value`}
            condition={condition}
            onChange={(patch) => onChange({ ...condition, ...patch })}
            invalid={invalid}
            errorId={errorId}
          />
        </div>
        <div className="md:col-start-4 md:row-start-1 md:pt-5">
          <Button
            type="button"
            variant="ghost"
            className="px-2 py-1.5 text-red-700 hover:bg-red-50"
            onClick={onRemove}
            aria-label={`Remove condition ${index + 1}`}
          >
            Remove
          </Button>
        </div>
      </div>
      <p className="mt-1 text-xs text-slate-500">{spec.description}</p>
      {messages.length > 0 && !invalid("field") && !invalid("op") && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {[...new Set(messages)].join(" ")}
        </p>
      )}
    </li>
  );
}
