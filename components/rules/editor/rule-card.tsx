"use client";
// One rule in the editor: a plain-language summary that opens into its form. Rules with errors
// open by themselves so nobody has to hunt for the problem.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConditionList, OutcomeSummary } from "@/components/rules/condition-text";
import { MAX_CONDITIONS_PER_RULE } from "@/lib/rules";
import {
  blankCondition,
  messagesUnder,
  outcomeErrors,
  previewConditions,
  type EditorCondition,
  type EditorRule,
  type FieldErrors,
} from "./draft-model";
import { ConditionRow } from "./condition-row";
import { ConfirmButton } from "@/components/ui/confirm";
import { FieldError, TextField } from "@/components/ui/field";
import { OutcomeFields } from "./outcome-fields";

type Props = {
  rule: EditorRule;
  index: number;
  count: number;
  open: boolean;
  errors?: FieldErrors;
  lint?: "error" | "warning";
  onToggle: () => void;
  onChange: (next: EditorRule, touched: string | null) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
};

export function RuleCard({ rule, index, count, open, errors, lint, onToggle, onChange, onMove, onDelete }: Props) {
  const id = `rule-${rule.key}`;
  const hasErrors = !!errors && Object.keys(errors).length > 0;
  const preview = previewConditions(rule.conditions);
  const days = Number(rule.outcome.protectionDays);
  const title = rule.name.trim() || "Untitled rule";

  const setCondition = (j: number, next: EditorCondition) =>
    onChange({ ...rule, conditions: rule.conditions.map((c, k) => (k === j ? next : c)) }, `conditions.${j}`);
  // indices shift when a condition goes, so every condition error of the rule is cleared
  const removeCondition = (j: number) =>
    onChange({ ...rule, conditions: rule.conditions.filter((_, k) => k !== j) }, "conditions");

  return (
    <li
      id={`rule-${rule.id}`}
      tabIndex={-1}
      // scroll-mt: a lint link (#rule-<id>) lands below the sticky toolbar, not under it
      className={cn(
        "scroll-mt-36 rounded-lg border bg-white shadow-sm",
        hasErrors ? "border-red-300" : "border-slate-200",
      )}
    >
      <div className="flex flex-wrap items-start gap-3 p-3">
        <span className="mt-0.5 w-10 shrink-0 font-mono text-xs text-slate-500" title="Priority: lower is tried first">
          {rule.priority}
        </span>
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
            {title}
            {hasErrors && <Badge tone="red">Needs fixing</Badge>}
            {lint === "error" && <Badge tone="red">Lint error</Badge>}
            {lint === "warning" && <Badge tone="amber">Lint warning</Badge>}
          </p>
          <div className="mt-1 text-sm text-slate-700">
            {preview ? (
              <ConditionList conditions={preview} />
            ) : (
              <span className="text-slate-500">Conditions incomplete</span>
            )}
          </div>
          <div className="mt-1.5">
            <OutcomeSummary
              outcome={{
                ...rule.outcome,
                protectionDays: rule.outcome.protectionDays.trim() && Number.isInteger(days) ? days : null,
              }}
            />
          </div>
          <FieldError id={`${id}-priority`} messages={errors?.priority} />
        </div>
        <div className="flex shrink-0 items-center gap-1">
          <Button
            type="button"
            variant="ghost"
            className="px-2 py-1"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move "${title}" up`}
          >
            ↑
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="px-2 py-1"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move "${title}" down`}
          >
            ↓
          </Button>
          <Button
            type="button"
            variant="secondary"
            className="px-2.5 py-1"
            onClick={onToggle}
            aria-expanded={open}
            aria-controls={`${id}-form`}
          >
            {open ? "Done" : "Edit"}
            <span className="sr-only"> rule &ldquo;{title}&rdquo;</span>
          </Button>
          <ConfirmButton
            label="Delete"
            triggerVariant="ghost"
            triggerClassName="px-2.5 py-1 text-red-700 hover:bg-red-50"
            triggerAriaLabel={`Delete rule "${title}"`}
            title={`Delete rule "${title}"?`}
            description="Deals it matched will fall to the next matching rule or to the default outcome. The change is saved only when you save the draft."
            confirmLabel="Delete rule"
            onConfirm={onDelete}
          />
        </div>
      </div>
      {open && (
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
              <p className="mt-1 text-sm text-slate-600">
                No conditions: this rule matches every deal that reaches it.
              </p>
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
          {messagesUnder(errors, "id").length > 0 && (
            <FieldError id={`${id}-id`} messages={messagesUnder(errors, "id")} />
          )}
        </div>
      )}
    </li>
  );
}
