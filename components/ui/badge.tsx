import { cn } from "./cn";
import { humanize } from "@/lib/format";

export type Tone = "slate" | "blue" | "green" | "amber" | "red" | "violet";

const TONES: Record<Tone, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-200",
  blue: "bg-blue-50 text-blue-700 ring-blue-200",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  violet: "bg-violet-50 text-violet-700 ring-violet-200",
};

export function Badge({
  tone = "slate",
  children,
  className,
}: {
  tone?: Tone;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

const STATUS_TONE: Record<string, Tone> = {
  SUBMITTED: "blue",
  APPROVED: "green",
  CONVERTED: "violet",
  REJECTED: "red",
  EXPIRED: "slate",
  WITHDRAWN: "slate",
  OPEN: "amber",
  RESOLVED: "green",
  CLOSED_WON: "green",
  CLOSED_LOST: "red",
  ACTIVE: "green",
  SUSPENDED: "amber",
  TERMINATED: "red",
  PUBLISHED: "green",
  DRAFT: "blue",
  RETIRED: "slate",
  // hand-offs (docs/domain.md#hand-offs)
  OFFERED: "blue",
  ACCEPTED: "green",
  DECLINED: "red",
  WAITING_FOR_OPS: "amber",
  RETURNED_TO_OPS: "amber",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status] ?? "slate"}>{humanize(status)}</Badge>;
}

const ROUTE_TONE: Record<string, Tone> = {
  PARTNER_LED: "violet",
  CO_SELL: "blue",
  DIRECT: "slate",
  DIRECT_PARTNER_ATTACHED: "amber",
  MARKETPLACE: "green",
};

export function RouteBadge({ route }: { route: string | null }) {
  if (!route) return <span className="text-slate-500">—</span>;
  return <Badge tone={ROUTE_TONE[route] ?? "slate"}>{humanize(route)}</Badge>;
}
