import { apiRoute, json } from "@/lib/api/handler";
import { opportunityDetailDto } from "@/lib/api/opportunity-dto";
import { can } from "@/lib/auth/permissions";
import { getOpportunity } from "@/lib/db/opportunities";
import { forbidden } from "@/lib/errors";

// GET /api/v1/opportunities/{id}: the deal, its route decision (trace as the caller may read it)
// and its attribution per party; another partner's deal is 404, like a missing one.
export const GET = apiRoute<{ id: string }>(async (_req, ctx, { id }) => {
  if (!can(ctx, "opportunity:read")) throw forbidden();
  return json(opportunityDetailDto(await getOpportunity(ctx, id), ctx));
});
