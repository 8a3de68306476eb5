// One measured indicator beside a dimension (lib/db/maturity.ts): its value, what it counts (each
// number links to the list it counts), its period, and the score the data suggests.
import Link from "next/link";
import type { Indicator } from "@/lib/db/maturity";
import { formatNumber, formatPct } from "@/lib/format";
import { stageOf, thresholdText, type Framework } from "@/lib/maturity";

function formatIndicator(i: Pick<Indicator, "unit" | "value">): string {
  if (i.value === null) return "—";
  return i.unit === "pct" ? formatPct(i.value, undefined, 1) : `${formatNumber(i.value)} days`;
}

export function IndicatorFigure({ indicator: i, framework }: { indicator: Indicator; framework: Framework }) {
  return (
    <div className="rounded-md bg-slate-50 p-2 text-xs text-slate-700" data-testid={`indicator-${i.key}`}>
      <p className="font-medium text-slate-800" title={i.definition}>
        Measured: {i.label} ({i.period})
      </p>
      <p className="mt-0.5 text-base font-semibold tabular-nums text-slate-900">
        <Link href={i.href} className="hover:underline">
          {formatIndicator(i)}
        </Link>
      </p>
      {(i.part || i.whole) && (
        <p>
          {i.part && (
            <Link href={i.part.href} className="text-brand-700 underline">
              {formatNumber(i.part.count)}
            </Link>
          )}
          {i.part && !i.whole && i.part.noun && ` ${i.part.noun}`}
          {i.part && i.whole && " of "}
          {i.whole && (
            <>
              <Link href={i.whole.href} className="text-brand-700 underline">
                {formatNumber(i.whole.count)}
              </Link>{" "}
              {i.whole.noun}
            </>
          )}
        </p>
      )}
      <p className="mt-0.5 text-slate-600">{i.definition}</p>
      {i.suggestedScore !== null && (
        <p className="mt-0.5">
          Suggests {i.suggestedScore} — {stageOf(framework, i.suggestedScore).name}{" "}
          <span className="text-slate-500">({thresholdText(i.key)})</span>
        </p>
      )}
    </div>
  );
}
