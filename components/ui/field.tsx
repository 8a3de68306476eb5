// The one form kit: input looks, labelled fields, and every error wired to its control with
// aria-invalid + aria-describedby, so a screen reader reads the problem with the field.
// Two densities: the regular one for forms and dialogs, `compact` for dense editors (the rule editor).
import { cn } from "./cn";
import { humanize } from "@/lib/format";

const INPUT_BASE =
  "block w-full rounded-md border border-slate-300 bg-white text-sm text-slate-900 shadow-sm " +
  "placeholder:text-slate-500 focus:border-brand-500 disabled:bg-slate-50 aria-[invalid=true]:border-red-400 aria-[invalid=true]:bg-red-50/40";
export const INPUT = cn(INPUT_BASE, "px-3 py-2");
export const INPUT_COMPACT = cn(INPUT_BASE, "px-2 py-1.5");
export const LABEL = "block text-sm font-medium text-slate-700";
export const LABEL_COMPACT = "block text-xs font-medium text-slate-600";

export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

const hasMessages = (messages: readonly string[] | undefined): messages is readonly string[] =>
  !!messages && messages.length > 0;

/** Props that connect a control to its hint and error message (when there are any). */
export function errorProps(
  id: string,
  errors: readonly string[] | undefined,
  hint?: boolean,
): Omit<ControlProps, "id"> {
  const describedBy =
    [hint ? `${id}-hint` : null, hasMessages(errors) ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { "aria-invalid": hasMessages(errors) || undefined, "aria-describedby": describedBy };
}

export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!hasMessages(messages)) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">
      {[...new Set(messages)].join(" ")}
    </p>
  );
}

/**
 * A labelled control with its hint and error. The control is a render prop so native inputs,
 * selects and textareas keep all their own attributes.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  optional,
  compact,
  hideLabel,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  errors?: readonly string[];
  optional?: boolean;
  compact?: boolean;
  hideLabel?: boolean;
  className?: string;
  children: (props: ControlProps) => React.ReactNode;
}) {
  return (
    <div className={className}>
      <label id={`${id}-label`} htmlFor={id} className={cn(compact ? LABEL_COMPACT : LABEL, hideLabel && "sr-only")}>
        {label}
        {optional && <span className="ml-1 font-normal text-slate-500">(optional)</span>}
      </label>
      {children({ id, ...errorProps(id, errors, !!hint) })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={id} messages={errors} />
    </div>
  );
}

type Option = string | { value: string; label: string };

/** A compact labelled select; string options are shown humanized. */
export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  errors,
  className,
  hideLabel,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  errors?: readonly string[];
  className?: string;
  hideLabel?: boolean;
}) {
  return (
    <Field id={id} label={label} errors={errors} className={className} hideLabel={hideLabel} compact>
      {(a) => (
        <select
          {...a}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={cn(INPUT_COMPACT, !hideLabel && "mt-1")}
        >
          {options.map((o) => {
            const opt = typeof o === "string" ? { value: o, label: humanize(o) } : o;
            return (
              <option key={opt.value} value={opt.value}>
                {opt.label}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}

/** A compact labelled text input (or a two-line textarea with `multiline`). */
export function TextField({
  id,
  label,
  value,
  onChange,
  errors,
  className,
  multiline,
  hint,
  ...rest
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
  className?: string;
  multiline?: boolean;
  hint?: string;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, "inputMode" | "placeholder" | "maxLength" | "required">) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className={className} compact>
      {(a) =>
        multiline ? (
          <textarea
            {...a}
            value={value}
            rows={2}
            maxLength={rest.maxLength}
            placeholder={rest.placeholder}
            onChange={(e) => onChange(e.target.value)}
            className={cn(INPUT_COMPACT, "mt-1")}
          />
        ) : (
          <input
            {...a}
            value={value}
            type="text"
            {...rest}
            onChange={(e) => onChange(e.target.value)}
            className={cn(INPUT_COMPACT, "mt-1")}
          />
        )
      }
    </Field>
  );
}

/** A form-level error (the action's message when no single field is to blame). */
export function FormAlert({ message, className }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className={cn("rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200", className)}
    >
      {message}
    </p>
  );
}

/**
 * A labelled multi-line text field (reasons, rationales, evidence, comments): one place for the
 * textarea every dialog and form uses, so each states only its words and limits.
 */
export function TextAreaField({
  id,
  label,
  hint,
  errors,
  optional,
  className,
  value,
  onChange,
  rows = 3,
  maxLength,
  placeholder,
  required,
  disabled,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  errors?: readonly string[];
  optional?: boolean;
  className?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} optional={optional} className={className}>
      {(a) => (
        <textarea
          {...a}
          rows={rows}
          maxLength={maxLength}
          placeholder={placeholder}
          required={required}
          disabled={disabled}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={cn(INPUT, "mt-1")}
        />
      )}
    </Field>
  );
}
