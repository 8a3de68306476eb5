import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { conflictDto } from "@/lib/api/conflict-dto";
import { can } from "@/lib/auth/permissions";
import { listConflicts } from "@/lib/db/conflicts";
import { raiseConflict } from "@/lib/db/conflict-writes";
import { forbidden } from "@/lib/errors";
import { conflictListQuery } from "@/lib/validation/conflict-filters";
import { raiseConflictInput } from "@/lib/validation/conflicts";
import { fromSearchParams } from "@/lib/validation/lists";

// GET /api/v1/conflicts: the cases in the caller's scope with the filters of /conflicts
// (lib/validation/conflict-filters.ts); without a slice, the caller's own (lib/db/scope.ts).
export const GET = apiRoute(async (req, ctx) => {
  if (!can(ctx, "conflict:read")) throw forbidden();
  const query = conflictListQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const now = new Date();
  const page = await listConflicts(ctx, query, now);
  return json({
    data: page.items.map((c) => conflictDto(c, now)),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    total: page.total,
    totalCapped: page.totalCapped,
  });
});

// POST /api/v1/conflicts (docs/domain.md#who-opens-a-case): an AE raises a case on its own
// opportunity, a partner on its own registration; 409 naming the open case already on it.
export const POST = apiRoute(async (req, ctx) => {
  const input = await readBody(req, raiseConflictInput);
  return json(await raiseConflict(ctx, input), 201);
});
