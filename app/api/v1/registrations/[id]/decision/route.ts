import { apiRoute, json, readJson } from "@/lib/api/handler";
import { decideRegistration } from "@/lib/db/registration-lifecycle";
import { decisionInput } from "@/lib/validation/registrations";

export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const input = await readJson(req, decisionInput);
  return json(await decideRegistration(ctx, id, input));
});
