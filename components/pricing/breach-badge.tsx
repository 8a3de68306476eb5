// "Beyond corridor": a deal whose discount is beyond the pricing corridor of its product line and
// route (Opportunity.corridorBreach, set by lib/db/pricing-guardrails.ts). Shown in the opportunity
// list and on the deal page; says by how much in its accessible name and tooltip.
import { Badge } from "@/components/ui/badge";
import { excessPct } from "@/lib/pricing/guardrails";

const pct = (v: number) => `${Number(v.toFixed(2))}%`;

export function CorridorBreachBadge({
  breach,
  discountPct,
  corridorMaxPct,
}: {
  breach: boolean;
  discountPct: number;
  corridorMaxPct: number | null;
}) {
  if (!breach) return null;
  const text =
    corridorMaxPct === null
      ? `Discount ${pct(discountPct)} was beyond its corridor`
      : `Discount ${pct(discountPct)}, ${pct(excessPct(discountPct, corridorMaxPct))} beyond the ${pct(corridorMaxPct)} corridor`;
  return (
    <span title={text}>
      <Badge tone="red">
        Beyond corridor<span className="sr-only">: {text}</span>
      </Badge>
    </span>
  );
}
