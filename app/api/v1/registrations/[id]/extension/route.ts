import { readBody } from "@/lib/api/body";
import { apiRoute, json } from "@/lib/api/handler";
import { extendRegistration } from "@/lib/db/registration-lifecycle";
import { extensionInput } from "@/lib/validation/registrations";

// The reason is optional: a request with no body at all extends with none. Anything sent, however
// it is framed, goes through the same checks as every other body (lib/api/body.ts).
export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const input = await readBody(req, extensionInput, { optional: true });
  return json(await extendRegistration(ctx, id, input.reason));
});
