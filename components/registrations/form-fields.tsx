// Form pieces of the registration screens: one look for inputs, and each error wired to its input
// with aria-invalid + aria-describedby, so a screen reader reads the problem with the field.
import { cn } from "@/components/ui/cn";

export const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-500 disabled:bg-slate-50 aria-[invalid=true]:border-red-400 aria-[invalid=true]:bg-red-50/40";
export const LABEL = "block text-sm font-medium text-slate-700";

type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

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
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  errors?: readonly string[];
  optional?: boolean;
  className?: string;
  children: (props: ControlProps) => React.ReactNode;
}) {
  const hasError = !!errors && errors.length > 0;
  const describedBy = [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={LABEL}>
        {label}
        {optional && <span className="ml-1 font-normal text-slate-500">(optional)</span>}
      </label>
      {children({ id, "aria-invalid": hasError || undefined, "aria-describedby": describedBy })}
      {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      {hasError && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">
          {[...new Set(errors)].join(" ")}
        </p>
      )}
    </div>
  );
}

export function FormAlert({ message, className }: { message: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={cn("rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200", className)}>
      {message}
    </p>
  );
}

export type NoticeTone = "amber" | "blue" | "slate" | "green";

const NOTICE_TONES: Record<NoticeTone, string> = {
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  blue: "bg-blue-50 text-blue-900 ring-blue-200",
  slate: "bg-slate-50 text-slate-800 ring-slate-200",
  green: "bg-emerald-50 text-emerald-900 ring-emerald-200",
};

export function Notice({ tone, title, children, className }: { tone: NoticeTone; title?: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("rounded-md px-3 py-2 text-sm ring-1 ring-inset", NOTICE_TONES[tone], className)}>
      {title && <p className="font-semibold">{title}</p>}
      <div className={title ? "mt-0.5" : undefined}>{children}</div>
    </div>
  );
}
