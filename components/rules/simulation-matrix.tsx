// The from → to matrix of a simulation. Rows are where deals stand today (by the baseline), columns
// where the candidate rule set would send them; the shaded diagonal is the deals that keep their route.
import type { FromRoute, SimulationResult } from "@/lib/rules";
import { ROUTES } from "@/lib/rules/values";
import { cn } from "@/components/ui/cn";
import { formatMoney, formatNumber, humanize } from "@/lib/format";

// Same order as the engine's FROM_ROUTES, spelled out so this client file does not pull the
// compiled evaluator (lib/rules/simulate → compile) into the browser bundle.
const FROM_ROUTES: readonly FromRoute[] = [...ROUTES, "NONE"];

const fromLabel = (from: FromRoute) => (from === "NONE" ? "No route" : humanize(from));

export function SimulationMatrix({
  matrix,
  baseline,
}: {
  matrix: SimulationResult["matrix"];
  baseline: SimulationResult["baseline"];
}) {
  const rowTotal = (from: FromRoute) => ROUTES.reduce((sum, to) => sum + matrix[from][to].deals, 0);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-separate border-spacing-0 text-sm">
        <caption className="mb-2 text-left text-xs text-slate-500">
          Rows: route {baseline === "CURRENT_RULE_SET" ? "under the rule set in force" : "recorded on the deal"}.
          Columns: route under this draft. Each cell shows deals and ACV; the shaded diagonal keeps its route.
        </caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
            >
              From ↓ / To →
            </th>
            {ROUTES.map((to) => (
              <th
                key={to}
                scope="col"
                className="border-b border-slate-200 px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-slate-600"
              >
                {humanize(to)}
              </th>
            ))}
            <th
              scope="col"
              className="border-b border-slate-200 px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-slate-600"
            >
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {FROM_ROUTES.map((from) => (
            <tr key={from}>
              <th
                scope="row"
                className="whitespace-nowrap border-b border-slate-100 px-3 py-2 text-left font-medium text-slate-700"
              >
                {fromLabel(from)}
              </th>
              {ROUTES.map((to) => {
                const cell = matrix[from][to];
                const same = from === to;
                return (
                  <td
                    key={to}
                    className={cn(
                      "border-b border-slate-100 px-3 py-2 text-right tabular-nums",
                      same
                        ? "bg-slate-100 text-slate-600"
                        : cell.deals > 0
                          ? "bg-amber-50 text-amber-900"
                          : "text-slate-500",
                    )}
                  >
                    {cell.deals === 0 ? (
                      <span aria-label="none">—</span>
                    ) : (
                      <>
                        <span className="block font-medium">{formatNumber(cell.deals)}</span>
                        <span className="block text-xs">
                          {formatMoney(cell.acv, "USD", undefined, { compact: true })}
                        </span>
                      </>
                    )}
                    {same && <span className="sr-only"> (unchanged)</span>}
                  </td>
                );
              })}
              <td className="border-b border-slate-100 px-3 py-2 text-right font-medium tabular-nums text-slate-800">
                {formatNumber(rowTotal(from))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
