import { apiRoute, json } from "@/lib/api/handler";
import { handoffDto } from "@/lib/api/handoff-dto";
import { listOffers } from "@/lib/db/handoffs";
import { handoffListQuery } from "@/lib/validation/handoffs";
import { fromSearchParams } from "@/lib/validation/lists";

// GET /api/v1/handoffs (docs/domain.md#hand-offs): a partner key lists the offers made to its
// company; an admin key all, filtered by status, partnerId and opportunityId.
export const GET = apiRoute(async (req, ctx) => {
  const query = handoffListQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const page = await listOffers(ctx, query);
  return json({
    data: page.items.map(handoffDto),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    total: page.total,
    totalCapped: page.totalCapped,
  });
});
