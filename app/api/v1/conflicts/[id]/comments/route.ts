import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { commentOnConflict } from "@/lib/db/conflict-writes";
import { commentInput } from "@/lib/validation/conflicts";

export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const input = await readBody(req, commentInput);
  return json(await commentOnConflict(ctx, id, input));
});
