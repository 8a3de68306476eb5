// Pricing guardrails on the demo company (docs/domain.md#pricing-guardrails), planned like the rest
// of the seed (pure, deterministic): every opportunity carries the corridor check the write path
// stores (lib/db/pricing-guardrails.ts), so the deals the economics discounted past their corridor
// (economics.ts LEAKY_SHARE, the aggressive undercut quotes) show as breaches and their won ones as
// leakage; and each PRICING_UNDERCUT case of the seed (conflict-deal-cases.ts) is recorded on its
// deal the way openCase leaves it — the discount it was opened at, and the open case's subject key —
// so the next edit of that deal does not open a second case.
import { corridorFor, isBreach, type CorridorRow } from "../../lib/pricing/guardrails";
import { undercutSubjectKey } from "../../lib/pricing/undercut";
import type { Rows } from "./world";

export function applyPricingGuardrails(rows: Rows): void {
  const corridors: CorridorRow[] = rows.corridors.map((c) => ({
    productLineId: c.productLineId,
    route: c.route,
    maxDiscountPct: c.maxDiscountPct,
  }));
  const undercuts = new Map(
    rows.conflicts.filter((c) => c.type === "PRICING_UNDERCUT" && c.opportunityId).map((c) => [c.opportunityId!, c]),
  );
  for (const opp of rows.opportunities) {
    const max = corridorFor(corridors, opp.productLineId, opp.route ?? null);
    opp.corridorMaxPct = max;
    opp.corridorBreach = isBreach(opp.discountPct ?? 0, max);
    const undercut = undercuts.get(opp.id!);
    if (undercut) opp.undercutDiscountPct = opp.discountPct ?? 0;
  }
  for (const c of undercuts.values()) {
    if ((c.status ?? "OPEN") === "OPEN") c.openSubjectKey = undercutSubjectKey(c.opportunityId!);
  }
}
