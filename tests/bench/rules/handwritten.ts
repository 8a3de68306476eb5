// lib/rules/default-rule-set.ts written out by hand: the speed a compiled evaluator is measured against. Returns the
// position of the winning rule in priority order, -1 for the default outcome.
import type { Facts } from "@/lib/rules/types";

const ACV_250K = 25_000_000;
const ACV_1M = 100_000_000;

export function handWrittenDefault(f: Facts): number {
  if (f.priorRoute === "PARTNER_LED" && (f.registrationStatus === "APPROVED" || f.registrationStatus === "CONVERTED"))
    return 0;
  if (f.namedAccount === true) return 1;
  if (f.regionDirectPresence === false) return 2;
  const acv = typeof f.acv === "number" && Number.isFinite(f.acv) ? f.acv : undefined;
  const v = f.vertical;
  if ((v === "HEALTHCARE" || v === "GOVERNMENT" || v === "FINANCIAL_SERVICES") && acv !== undefined && acv < ACV_1M)
    return 3;
  if (f.productKind === "ADDON" || f.productKind === "SERVICES") return 4;
  if (f.partnerType === "MARKETPLACE") return 5;
  if (acv === undefined) return -1;
  if (acv < ACV_250K) return 6;
  if (acv < ACV_1M) return 7;
  return 8;
}
