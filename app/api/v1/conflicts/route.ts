import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { raiseConflict } from "@/lib/db/conflict-writes";
import { raiseConflictInput } from "@/lib/validation/conflicts";

// POST /api/v1/conflicts (docs/domain.md#who-opens-a-case): an AE raises a case on its own
// opportunity, a partner on its own registration; 409 naming the open case already on it.
export const POST = apiRoute(async (req, ctx) => {
  const input = await readBody(req, raiseConflictInput);
  return json(await raiseConflict(ctx, input), 201);
});
