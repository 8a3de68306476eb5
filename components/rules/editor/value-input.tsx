"use client";
// The operand input of one condition, shaped by the field's type and the operator: dollars for
// money, a date-time for `at`, a multi-select for enum lists, two inputs for `between`, nothing
// for truth tests. Only inputs the engine can accept are offered.
import { fieldSpec } from "@/lib/rules";
import { humanize } from "@/lib/format";
import { cn } from "@/components/ui/cn";
import type { EditorCondition } from "./draft-model";
import { INPUT_COMPACT, LABEL_COMPACT } from "@/components/ui/field";

type Props = {
  id: string;
  condition: EditorCondition;
  onChange: (patch: Partial<EditorCondition>) => void;
  /** Whether an operand path ("value", "value.0") has errors; without `exact`, its children count too. */
  invalid: (path: string, exact?: boolean) => boolean;
  /** Id of the condition's error message, for aria-describedby. */
  errorId?: string;
};

function ScalarInput({
  id,
  label,
  text,
  onText,
  condition,
  isInvalid,
  errorId,
}: {
  id: string;
  label: string;
  text: string;
  onText: (v: string) => void;
  condition: EditorCondition;
  isInvalid: boolean;
  errorId?: string;
}) {
  const spec = fieldSpec(condition.field);
  const a11y = { "aria-invalid": isInvalid || undefined, "aria-describedby": isInvalid ? errorId : undefined };
  const labelEl = (
    <label htmlFor={id} className={LABEL_COMPACT}>
      {label}
    </label>
  );
  if (spec.type === "enum") {
    return (
      <div>
        {labelEl}
        <select
          id={id}
          value={text}
          onChange={(e) => onText(e.target.value)}
          className={cn(INPUT_COMPACT, "mt-1")}
          {...a11y}
        >
          <option value="" disabled>
            Choose…
          </option>
          {spec.values!.map((v) => (
            <option key={v} value={v}>
              {humanize(v)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.type === "date") {
    return (
      <div>
        {labelEl}
        <input
          id={id}
          type="datetime-local"
          value={text}
          onChange={(e) => onText(e.target.value)}
          className={cn(INPUT_COMPACT, "mt-1")}
          {...a11y}
        />
      </div>
    );
  }
  if (spec.type === "money") {
    return (
      <div>
        {labelEl}
        <div className="relative mt-1">
          <span
            aria-hidden
            className="pointer-events-none absolute inset-y-0 left-2 flex items-center text-sm text-slate-500"
          >
            $
          </span>
          <input
            id={id}
            type="text"
            inputMode="decimal"
            value={text}
            placeholder="250,000"
            onChange={(e) => onText(e.target.value)}
            className={cn(INPUT_COMPACT, "pl-5 tabular-nums")}
            {...a11y}
          />
        </div>
      </div>
    );
  }
  return (
    <div>
      {labelEl}
      <input
        id={id}
        type="text"
        inputMode={spec.type === "number" ? "decimal" : undefined}
        value={text}
        maxLength={spec.maxLength}
        placeholder={spec.examples?.[0]}
        onChange={(e) => onText(e.target.value)}
        className={cn(INPUT_COMPACT, "mt-1")}
        {...a11y}
      />
    </div>
  );
}

export function ValueInput({ id, condition, onChange, invalid, errorId }: Props) {
  const spec = fieldSpec(condition.field);
  const { op } = condition;
  if (op === "isTrue" || op === "isFalse" || op === "exists") {
    return <p className="pt-6 text-xs text-slate-500">No value needed.</p>;
  }
  const dateSuffix = spec.type === "date" ? " (UTC)" : "";
  if (op === "between") {
    return (
      <div className="grid max-w-lg grid-cols-2 gap-2">
        <ScalarInput
          id={`${id}-low`}
          label={`At least${dateSuffix}`}
          text={condition.low}
          onText={(low) => onChange({ low })}
          condition={condition}
          isInvalid={invalid("value.0") || invalid("value", true)}
          errorId={errorId}
        />
        <ScalarInput
          id={`${id}-high`}
          label={`Below${dateSuffix}`}
          text={condition.high}
          onText={(high) => onChange({ high })}
          condition={condition}
          isInvalid={invalid("value.1") || invalid("value", true)}
          errorId={errorId}
        />
      </div>
    );
  }
  if ((op === "in" || op === "notIn") && spec.type === "enum") {
    const toggle = (v: string, on: boolean) =>
      onChange({ values: on ? [...condition.values, v] : condition.values.filter((x) => x !== v) });
    return (
      <fieldset aria-invalid={invalid("value") || undefined} aria-describedby={invalid("value") ? errorId : undefined}>
        <legend className={LABEL_COMPACT}>Values</legend>
        <div
          className={cn(
            "mt-1 grid grid-cols-1 gap-x-3 gap-y-1 rounded-md border bg-white p-2 sm:grid-cols-2",
            invalid("value") ? "border-red-400" : "border-slate-300",
          )}
        >
          {spec.values!.map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={condition.values.includes(v)}
                onChange={(e) => toggle(v, e.target.checked)}
                className="h-4 w-4 rounded border-slate-300"
              />
              {humanize(v)}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (op === "in" || op === "notIn") {
    return (
      <div>
        <label htmlFor={id} className={LABEL_COMPACT}>
          Values (comma-separated)
        </label>
        <input
          id={id}
          type="text"
          value={condition.value}
          placeholder={spec.examples?.slice(0, 2).join(", ")}
          onChange={(e) => onChange({ value: e.target.value })}
          className={cn(INPUT_COMPACT, "mt-1")}
          aria-invalid={invalid("value") || undefined}
          aria-describedby={invalid("value") ? errorId : undefined}
        />
      </div>
    );
  }
  return (
    <ScalarInput
      id={id}
      label={`Value${dateSuffix}`}
      text={condition.value}
      onText={(value) => onChange({ value })}
      condition={condition}
      isInvalid={invalid("value")}
      errorId={errorId}
    />
  );
}
