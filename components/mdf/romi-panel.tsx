// ROMI per motion and per fund (lib/mdf/romi.ts): won revenue from deals linked to paid MDF ÷ what
// was paid. A chart for the eye, and the same figures in a table for everyone.
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { Card } from "@/components/ui/card";
import type { MdfFundRow, MdfRomi } from "@/lib/db/mdf";
import { formatMoney } from "@/lib/format";
import type { Romi } from "@/lib/mdf/romi";

function formatRomi(r: Romi | undefined): string {
  return r?.ratio == null ? "—" : `${r.ratio.toFixed(1)}×`;
}

export function MdfRomiPanel({ romi, funds }: { romi: MdfRomi; funds: MdfFundRow[] }) {
  const fundName = new Map(funds.map((f) => [f.id, `${f.owner} · ${f.quarter}`]));
  const rows = [
    ...[...romi.byMotion].map(([motion, r]) => ({ key: `m:${motion}`, label: motion, r })),
    ...[...romi.byFund].map(([id, r]) => ({ key: `f:${id}`, label: fundName.get(id) ?? "Older fund", r })),
  ];
  return (
    <Card title={`Return on MDF: ${formatRomi(romi.total)}`}>
      {romi.total.ratio == null ? (
        <p className="text-sm text-slate-600">
          No MDF has been paid yet. ROMI appears once a claim is paid and deals it sourced are won.
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600" data-testid="mdf-romi">
            {formatMoney(romi.total.wonCents)} won from deals linked to {formatMoney(romi.total.paidCents)} of paid MDF:
            ROMI {formatRomi(romi.total)}.
          </p>
          <SimpleBarChart
            label="ROMI per motion"
            unit="count"
            data={[...romi.byMotion].map(([motion, r]) => ({
              key: motion,
              label: motion,
              value: Math.round((r.ratio ?? 0) * 10) / 10,
            }))}
          />
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">ROMI per motion and fund</caption>
            <thead>
              <tr className="text-left text-xs uppercase text-slate-600">
                <th scope="col">Motion or fund</th>
                <th scope="col" className="text-right">
                  Paid
                </th>
                <th scope="col" className="text-right">
                  Won
                </th>
                <th scope="col" className="text-right">
                  ROMI
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ key, label, r }) => (
                <tr key={key} className="border-t border-slate-100">
                  <td className={key.startsWith("m:") ? "font-medium" : "pl-4"}>{label}</td>
                  <td className="text-right">{formatMoney(r.paidCents)}</td>
                  <td className="text-right">{formatMoney(r.wonCents)}</td>
                  <td className="text-right">{formatRomi(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
