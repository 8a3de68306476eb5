// A deal's route as it truly stands: a route that needs a partner with none on the deal says
// "Partner needed" beside it (lib/opportunities/coverage.ts), on every screen that shows a deal's route.
import { Badge, RouteBadge } from "@/components/ui/badge";
import { needsPartner } from "@/lib/opportunities/coverage";
import type { Route } from "@/lib/rules/values";

export function DealRouteBadge({ route, partnerId }: { route: Route | string | null; partnerId: string | null }) {
  const gap = needsPartner(route as Route | null, partnerId);
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <RouteBadge route={route} />
      {gap && <Badge tone="red">Partner needed</Badge>}
    </span>
  );
}
