"use client";
// One rule in the editor's list: a compact row (priority, name, route, what it matches, badges)
// that opens into its full form. Rows are rendered by the virtualised list (rule-list.tsx), which
// positions them and lends the keyboard handling; rules with errors open by themselves.
import { Badge, RouteBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { conditionText } from "@/components/rules/condition-text";
import { previewConditions, type EditorRule, type FieldErrors } from "./draft-model";
import { ConfirmButton } from "@/components/ui/confirm";
import { FieldError } from "@/components/ui/field";
import { RuleForm } from "./rule-form";

/** What the list lends a row: its position, its measuring ref and its keyboard handling. */
type RowProps = {
  ref: (el: HTMLLIElement | null) => void;
  style: React.CSSProperties;
  "data-index": number;
  onKeyDown: (e: React.KeyboardEvent<HTMLLIElement>) => void;
  "aria-posinset": number;
  "aria-setsize": number;
};

type Props = {
  rule: EditorRule;
  index: number;
  count: number;
  open: boolean;
  errors?: FieldErrors;
  lint?: "error" | "warning";
  row: RowProps;
  onToggle: () => void;
  onChange: (next: EditorRule, touched: string | null) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
};

/** The conditions in one line ("ACV is below $250,000 and Region is EMEA West"). */
function summary(rule: EditorRule): { text: string; complete: boolean } {
  const preview = previewConditions(rule.conditions);
  if (!preview) return { text: "Conditions incomplete", complete: false };
  if (preview.length === 0) return { text: "Every deal", complete: true };
  return { text: preview.map(conditionText).join(" and "), complete: true };
}

export function RuleCard({ rule, index, count, open, errors, lint, row, onToggle, onChange, onMove, onDelete }: Props) {
  const id = `rule-${rule.key}`;
  const hasErrors = !!errors && Object.keys(errors).length > 0;
  const title = rule.name.trim() || "Untitled rule";
  const when = summary(rule);

  return (
    <li
      {...row}
      id={`rule-${rule.id}`}
      tabIndex={0}
      aria-label={`Priority ${rule.priority}: ${title}`}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      className="group absolute left-0 top-0 w-full pb-2 outline-none"
    >
      <div
        className={cn(
          "rounded-lg border bg-white shadow-sm group-focus-visible:ring-2 group-focus-visible:ring-brand-500",
          hasErrors ? "border-red-300" : open ? "border-brand-300" : "border-slate-200",
        )}
      >
        <div className="flex items-center gap-3 px-3 py-2">
          <span
            className="w-12 shrink-0 text-right font-mono text-xs text-slate-500"
            title="Priority: lower is tried first"
          >
            {rule.priority}
          </span>
          <div className="min-w-0 flex-1">
            <p className="flex min-w-0 items-center gap-2 text-sm font-medium text-slate-900">
              <span className="truncate" title={title}>
                {title}
              </span>
              <RouteBadge route={rule.outcome.route} />
              {hasErrors && <Badge tone="red">Needs fixing</Badge>}
              {lint === "error" && <Badge tone="red">Lint error</Badge>}
              {lint === "warning" && <Badge tone="amber">Lint warning</Badge>}
            </p>
            <p
              className={cn("truncate text-xs", when.complete ? "text-slate-600" : "text-slate-500")}
              title={when.text}
            >
              {when.text}
            </p>
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
        {open && <RuleForm id={id} rule={rule} errors={errors} onChange={onChange} />}
      </div>
    </li>
  );
}
