import { apiRoute, json } from "@/lib/api/handler";
import { getCouncilMetrics } from "@/lib/db/council-metrics";
import { councilQuery } from "@/lib/validation/council";
import { fromSearchParams } from "@/lib/validation/lists";

// GET /api/v1/council?month=2026-11 (or a quarter, 2026-Q4): the revenue council's figures, the same
// as /exec shows, from the same function (lib/db/council-metrics.ts): each metric with its
// definition, in total, by who leads, its trend and the list it counts. council:read (ADMIN, EXEC).
export const GET = apiRoute(async (req, ctx) => {
  const { month } = councilQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  return json(await getCouncilMetrics(ctx, month, new Date()));
});
