import { readBody } from "@/lib/api/body";
import { apiRoute, json } from "@/lib/api/handler";
import { countMdfRequests, listMdfRequests } from "@/lib/db/mdf";
import { requestMdf } from "@/lib/db/mdf-writes";
import { mdfListQuery, requestMdfInput } from "@/lib/validation/mdf";
import { fromSearchParams } from "@/lib/validation/lists";

// GET /api/v1/mdf/requests?status=&page=: the requests in the caller's scope (a partner key its own),
// 25 a page, with the count per status.
export const GET = apiRoute(async (req, ctx) => {
  const query = mdfListQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const [page, counts] = await Promise.all([listMdfRequests(ctx, query), countMdfRequests(ctx)]);
  return json({ ...page, counts });
});

// POST /api/v1/mdf/requests { fundId, activity, amount, expectedPipeline } (dollars): a partner
// requests funds; more than the fund's balance, or an expired fund, is 422 with the field.
export const POST = apiRoute(async (req, ctx) => {
  const input = await readBody(req, requestMdfInput);
  return json(await requestMdf(ctx, input), 201);
});
