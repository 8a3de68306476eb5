import { Badge, type Tone } from "@/components/ui/badge";
import { humanize } from "@/lib/format";

const TIER_TONE: Record<string, Tone> = { PLATINUM: "violet", GOLD: "amber", SILVER: "slate", REGISTERED: "blue" };

export function TierBadge({ tier }: { tier: string }) {
  return <Badge tone={TIER_TONE[tier] ?? "slate"}>{humanize(tier)}</Badge>;
}
