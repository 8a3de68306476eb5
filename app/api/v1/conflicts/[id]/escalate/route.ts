import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { escalateConflict } from "@/lib/db/conflict-writes";
import { escalateInput } from "@/lib/validation/conflicts";

export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const input = await readBody(req, escalateInput);
  return json(await escalateConflict(ctx, id, input));
});
