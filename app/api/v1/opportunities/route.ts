import { apiRoute, json } from "@/lib/api/handler";
import { opportunityDto } from "@/lib/api/opportunity-dto";
import { can } from "@/lib/auth/permissions";
import { listOpportunities } from "@/lib/db/opportunities";
import { forbidden } from "@/lib/errors";
import { fromSearchParams, opportunityListQuery } from "@/lib/validation/lists";

// GET /api/v1/opportunities?stage=&route=&cursor=: the caller's deals (a partner: those it is party
// to). `cursor` is the previous page's nextCursor (the same as `after`); route=PARTNER_NEEDED lists
// partner routes with no partner on the deal (lib/opportunities/coverage.ts).
export const GET = apiRoute(async (req, ctx) => {
  if (!can(ctx, "opportunity:read")) throw forbidden();
  const raw = fromSearchParams(req.nextUrl.searchParams);
  const { cursor, ...rest } = raw;
  const query = opportunityListQuery.parse(cursor && !rest.after ? { ...rest, after: cursor } : rest);
  const page = await listOpportunities(ctx, query);
  return json({
    data: page.items.map((o) => opportunityDto(o, ctx)),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    total: page.total,
    totalCapped: page.totalCapped,
  });
});
