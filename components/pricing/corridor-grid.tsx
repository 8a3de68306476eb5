// The corridor grid (/pricing): product lines down, routes across, each cell's maximum discount %
// and the deals flagged beyond it (a link to exactly those deals). Channel operations edit a cell
// or set a missing one in a dialog (components/pricing/corridor-dialog.tsx).
import Link from "next/link";
import { Table, type Column } from "@/components/ui/table";
import type { CorridorRow } from "@/lib/db/pricing-corridors";
import { humanize } from "@/lib/format";
import { corridorBreachesHref } from "@/lib/pricing/links";
import { ROUTES } from "@/lib/rules/values";
import { CorridorDialog } from "./corridor-dialog";

const pct = (v: number) => `${Number(v.toFixed(2))}%`;

export function CorridorGrid({ rows, canEdit }: { rows: CorridorRow[]; canEdit: boolean }) {
  const columns: Column<CorridorRow>[] = [
    {
      key: "line",
      header: "Product line",
      cell: (r) => (
        <span>
          <span className="font-medium text-slate-900">{r.name}</span>{" "}
          <span className="text-xs text-slate-500">{humanize(r.kind)}</span>
        </span>
      ),
    },
    ...ROUTES.map((route): Column<CorridorRow> => ({
      key: route,
      header: humanize(route),
      cell: (r) => {
        const c = r.cells.find((x) => x.route === route)!;
        return (
          <span className="inline-flex flex-col items-end gap-0.5 md:items-start">
            <span className="inline-flex items-center gap-2">
              {c.maxDiscountPct === null ? (
                <span className="text-slate-500">Not set</span>
              ) : (
                <span className="font-medium tabular-nums text-slate-900">{pct(c.maxDiscountPct)}</span>
              )}
              {canEdit && (
                <CorridorDialog
                  productLine={{ id: r.id, name: r.name }}
                  route={route}
                  routeLabel={humanize(route)}
                  current={c.maxDiscountPct}
                />
              )}
            </span>
            {c.breaches > 0 && (
              <Link
                href={corridorBreachesHref(r.id, route)}
                className="text-xs text-red-700 hover:underline"
                aria-label={`${c.breaches} deals beyond the ${r.name} ${humanize(route)} corridor`}
              >
                {c.breaches} beyond
              </Link>
            )}
          </span>
        );
      },
    })),
  ];
  return <Table rows={rows} columns={columns} caption="Maximum discount per product line and route" />;
}
