// What a simulation found: how much would move, where it would go, the moves no changed rule chose,
// and the biggest movers by name with the traces behind both routes, so a reviewer can check each
// change before publishing.
import type { Route } from "@/lib/rules";
import type { SimulationReport } from "@/lib/db/simulation";
import { ROUTES } from "@/lib/rules/values";
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { SimulationChanges } from "./simulation-changes";
import { SimulationMatrix } from "./simulation-matrix";
import { SimulationWarnings } from "./simulation-warnings";
import { formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";

// Hex twins of RouteBadge's tones, so the chart and the badges read the same.
const ROUTE_COLOR: Record<Route, string> = {
  PARTNER_LED: "#7c3aed",
  CO_SELL: "#2563eb",
  DIRECT: "#64748b",
  DIRECT_PARTNER_ATTACHED: "#d97706",
  MARKETPLACE: "#059669",
};

const share = (part: number, whole: number) => (whole > 0 ? formatPct(part / whole, undefined, 1) : "—");

export function SimulationResults({ result, periodLabel }: { result: SimulationReport; periodLabel: string }) {
  if (result.totalDeals === 0) {
    return (
      <EmptyState title="No deals in this period">
        No opportunity with a recorded route decision was created in {periodLabel}. Pick a longer or earlier period.
      </EmptyState>
    );
  }
  const changedByDestination = ROUTES.map((to) => ({
    key: to,
    label: humanize(to),
    color: ROUTE_COLOR[to],
    value: Object.entries(result.matrix).reduce((sum, [from, row]) => sum + (from === to ? 0 : row[to].acv), 0),
  }));
  const baselineText =
    result.baseline === "CURRENT_RULE_SET" ? "the rule set in force" : "the route recorded on each deal";
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Deals simulated" value={formatNumber(result.totalDeals)} hint={periodLabel} />
        <Stat
          label="Deals changing route"
          value={formatNumber(result.changedDeals)}
          tone={result.changedDeals > 0 ? "warn" : "good"}
          hint={`${share(result.changedDeals, result.totalDeals)} of deals`}
        />
        <Stat
          label="ACV changing route"
          value={formatMoney(result.changedAcv, "USD", undefined, { compact: true })}
          tone={result.changedAcv > 0 ? "warn" : "good"}
          hint={`${share(result.changedAcv, result.totalAcv)} of ${formatMoney(result.totalAcv, "USD", undefined, { compact: true })}`}
        />
        <Stat
          label="Compared with"
          value={<span className="text-base">{humanize(result.baseline)}</span>}
          hint={`"From" is ${baselineText}`}
        />
      </div>
      <SimulationWarnings warnings={result.warnings} deals={result.deals} />
      <Card title="From → to">
        <SimulationMatrix matrix={result.matrix} baseline={result.baseline} />
      </Card>
      {result.changedDeals === 0 ? (
        <EmptyState title="No deal would change route">
          Under this draft every deal in the period keeps the route it gets from {baselineText}. Edit the rules or widen
          the period to see an effect.
        </EmptyState>
      ) : (
        <>
          <Card title="Changed ACV by destination route">
            <SimpleBarChart data={changedByDestination} unit="cents" label="Changed ACV by destination route" />
          </Card>
          <Card
            title={`Largest changes (${formatNumber(result.sample.length)} of ${formatNumber(result.changedDeals)})`}
          >
            <SimulationChanges sample={result.sample} deals={result.deals} />
          </Card>
        </>
      )}
    </div>
  );
}
