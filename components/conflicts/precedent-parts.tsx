// Small pieces shared by the precedent log and the similar-cases panel: outcome in words, the
// excerpt with its matched words marked (lib/db/conflict-precedent-search.ts marks them with private-use
// characters, never markup, so stored text is never rendered as HTML).
import { Badge, type Tone } from "@/components/ui/badge";
import { MARK_END, MARK_START, typeWords } from "@/lib/conflicts/precedent";

const OUTCOME: Readonly<Record<string, { label: string; tone: Tone }>> = {
  AWARD_PARTNER: { label: "Awarded to the partner", tone: "violet" },
  AWARD_DIRECT: { label: "Awarded to direct", tone: "blue" },
  SPLIT: { label: "Split credit", tone: "amber" },
  CO_SELL: { label: "Co-sell", tone: "green" },
  DISMISSED: { label: "Dismissed", tone: "slate" },
};

export const outcomeLabel = (resolution: string | null): string =>
  resolution ? (OUTCOME[resolution]?.label ?? resolution) : "No outcome";

export function OutcomeBadge({ resolution }: { resolution: string | null }) {
  return <Badge tone={resolution ? (OUTCOME[resolution]?.tone ?? "slate") : "slate"}>{outcomeLabel(resolution)}</Badge>;
}

export const typeLabel = (type: string): string => {
  const words = typeWords(type);
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Text with MARK_START…MARK_END spans shown as <mark>. */
export function Marked({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) break;
    const end = rest.indexOf(MARK_END, start + 1);
    if (end < 0) break;
    if (start > 0) parts.push(rest.slice(0, start));
    parts.push(
      <mark key={key++} className="rounded bg-amber-100 px-0.5 text-slate-900">
        {rest.slice(start + 1, end)}
      </mark>,
    );
    rest = rest.slice(end + 1);
  }
  parts.push(rest.replaceAll(MARK_START, "").replaceAll(MARK_END, ""));
  return <>{parts}</>;
}
