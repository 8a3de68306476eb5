// A payout statement as CSV (docs/domain.md#attribution-and-pay): one row per deal line, then one
// per adjustment, then the totals. Cells go through lib/csv/cells.ts (formula-leading cells
// neutralized), so amounts are written without a leading minus: a negative amount is written in
// accounting style, "(250.00)", and a deal name such as "=HYPERLINK(…)" arrives as text.
import "server-only";
import { csvLines } from "@/lib/csv/cells";
import type { Statement } from "./payouts";

const AE_FIELDS = ["row", "closed", "deal", "account", "category", "credit_pct", "acv", "quota_credit", "spiff", "why"];
const PARTNER_FIELDS = [
  "row",
  "closed",
  "deal",
  "account",
  "category",
  "credit_pct",
  "acv",
  "margin_pct",
  "margin",
  "why",
];

/** Cents → "1234.50", negatives "(1234.50)". */
function csvAmount(cents: bigint): string {
  const abs = cents < BigInt(0) ? -cents : cents;
  const text = `${abs / BigInt(100)}.${String(abs % BigInt(100)).padStart(2, "0")}`;
  return cents < BigInt(0) ? `(${text})` : text;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function statementCsv(s: Statement): string {
  const partner = s.subject.kind === "PARTNER";
  const rows: string[][] = s.lines.map((l) => [
    "deal",
    day(l.closedAt),
    l.dealName,
    l.accountName,
    l.category,
    String(l.creditPct),
    csvAmount(l.acvCents),
    ...(partner
      ? [l.partnerMarginPct === null ? "" : String(l.partnerMarginPct), csvAmount(l.partnerMarginCents)]
      : [csvAmount(l.quotaCreditCents), csvAmount(l.spiffCents)]),
    l.basis,
  ]);
  for (const a of s.adjustments) {
    const amount = csvAmount(a.amountCents);
    rows.push([
      "adjustment",
      a.month,
      a.opportunity?.name ?? "",
      "",
      a.kind,
      "",
      "",
      ...(partner ? ["", amount] : a.kind === "SPIFF" ? ["", amount] : [amount, ""]),
      a.reason,
    ]);
  }
  const t = s.totals;
  rows.push([
    "total",
    s.period.label,
    `${t.deals} deals`,
    s.subject.name,
    "",
    "",
    csvAmount(t.acvCents),
    ...(partner ? ["", csvAmount(t.partnerMarginCents)] : [csvAmount(t.quotaCreditCents), csvAmount(t.spiffCents)]),
    "deal lines plus adjustments",
  ]);
  return csvLines(partner ? PARTNER_FIELDS : AE_FIELDS, rows, true);
}
