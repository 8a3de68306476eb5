// The dashboards' discount-leakage card (ops, revenue council): this quarter's leakage and the won
// deals beyond their corridor, each linking to exactly those deals; the report one click away.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { LeakageReport } from "@/lib/db/pricing-leakage";
import { formatMoney, formatNumber } from "@/lib/format";

export function LeakageCard({ report }: { report: LeakageReport }) {
  const { total, period } = report;
  return (
    <Card
      title={`Discount leakage, ${period.label}`}
      action={
        <Link
          href={`/pricing/leakage?period=${period.label}`}
          className="text-xs font-medium text-brand-700 hover:underline"
        >
          Report
        </Link>
      }
    >
      {total.count === 0 ? (
        <p className="text-sm text-slate-600">No deal won this quarter went beyond its pricing corridor.</p>
      ) : (
        <div className="space-y-1 text-sm text-slate-700">
          <p className="text-2xl font-semibold text-amber-700">
            <Link href={total.href} className="hover:underline" aria-label={`${formatMoney(total.cents)} leaked`}>
              {formatMoney(total.cents)}
            </Link>
          </p>
          <p>
            given away beyond the corridor on{" "}
            <Link href={total.href} className="font-medium text-brand-700 hover:underline">
              {formatNumber(total.count)} won {total.count === 1 ? "deal" : "deals"}
            </Link>
          </p>
        </div>
      )}
    </Card>
  );
}
