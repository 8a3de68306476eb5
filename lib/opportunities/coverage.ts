// "Partner needed": the one definition of a coverage gap (docs/domain.md). A route that has a
// partner on the deal by definition (partner-led, co-sell, direct with a partner attached) but no
// partner set on the opportunity needs one: its label says so everywhere a route is shown, the
// route filter offers it, and hand-offs queue it (lib/db/handoff-writes.ts). Pure.
import type { Route } from "@/lib/rules/values";

/** The routes whose deals carry a partner. */
export const PARTNER_ROUTES = ["PARTNER_LED", "CO_SELL", "DIRECT_PARTNER_ATTACHED"] as const satisfies readonly Route[];

/** The route filter's extra choice (lists and GET /api/v1/opportunities?route=PARTNER_NEEDED). */
export const PARTNER_NEEDED = "PARTNER_NEEDED";

/** Whether the deal's route needs a partner and it has none. A deal without a route needs none yet. */
export function needsPartner(route: Route | null | undefined, partnerId: string | null | undefined): boolean {
  if (!route) return false;
  return (PARTNER_ROUTES as readonly Route[]).includes(route) && !partnerId;
}
