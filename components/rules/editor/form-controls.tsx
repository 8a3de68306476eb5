// Small form pieces of the rule editor: one look for inputs, and errors wired to their inputs with
// aria-invalid + aria-describedby so a screen reader announces the problem with the field.
import { cn } from "@/components/ui/cn";
import { humanize } from "@/lib/format";

export const INPUT = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-400 aria-[invalid=true]:bg-red-50/40";
export const LABEL = "block text-xs font-medium text-slate-600";

/** Props that connect an input to its error message (when there is one). */
export function errorProps(id: string, messages: readonly string[] | undefined) {
  const has = !!messages && messages.length > 0;
  return { "aria-invalid": has || undefined, "aria-describedby": has ? `${id}-error` : undefined } as const;
}

export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
      {[...new Set(messages)].join(" ")}
    </p>
  );
}

type Option = string | { value: string; label: string };

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
    <div className={className}>
      <label htmlFor={id} className={cn(LABEL, hideLabel && "sr-only")}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={cn(INPUT, !hideLabel && "mt-1")} {...errorProps(id, errors)}>
        {options.map((o) => {
          const opt = typeof o === "string" ? { value: o, label: humanize(o) } : o;
          return <option key={opt.value} value={opt.value}>{opt.label}</option>;
        })}
      </select>
      <FieldError id={id} messages={errors} />
    </div>
  );
}

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
  const described = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, value, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": described, className: cn(INPUT, "mt-1") };
  return (
    <div className={className}>
      <label htmlFor={id} className={LABEL}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} maxLength={rest.maxLength} placeholder={rest.placeholder} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" {...rest} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldError id={id} messages={errors} />
    </div>
  );
}
