import { cn } from "./cn";

export type NoticeTone = "amber" | "blue" | "slate" | "green";

const NOTICE_TONES: Record<NoticeTone, string> = {
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  blue: "bg-blue-50 text-blue-900 ring-blue-200",
  slate: "bg-slate-50 text-slate-800 ring-slate-200",
  green: "bg-emerald-50 text-emerald-900 ring-emerald-200",
};

export function Notice({
  tone,
  title,
  children,
  className,
}: {
  tone: NoticeTone;
  title?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("rounded-md px-3 py-2 text-sm ring-1 ring-inset", NOTICE_TONES[tone], className)}>
      {title && <p className="font-semibold">{title}</p>}
      <div className={title ? "mt-0.5" : undefined}>{children}</div>
    </div>
  );
}
