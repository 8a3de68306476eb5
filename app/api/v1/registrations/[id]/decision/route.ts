import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { decideRegistration } from "@/lib/db/registration-lifecycle";
import { decisionInput } from "@/lib/validation/registrations";

export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const input = await readBody(req, decisionInput);
  return json(await decideRegistration(ctx, id, input));
});
