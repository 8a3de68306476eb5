import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { resolveConflict } from "@/lib/db/conflict-writes";
import { resolveInput } from "@/lib/validation/conflicts";

// The effects (claims, route, credit) are applied with the decision; a split not adding up to 100 is a 422.
export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const input = await readBody(req, resolveInput);
  return json(await resolveConflict(ctx, id, input));
});
