import { readBody } from "@/lib/api/body";
import { apiRoute, json } from "@/lib/api/handler";
import { declineHandoff } from "@/lib/db/handoff-answers";
import { declineHandoffInput } from "@/lib/validation/handoffs";

// POST /api/v1/handoffs/{id}/decline { reason }: the deal moves on to the next partner.
export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const input = await readBody(req, declineHandoffInput);
  return json(await declineHandoff(ctx, id, input.reason));
});
