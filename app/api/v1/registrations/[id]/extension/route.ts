import { apiRoute, json, readJson } from "@/lib/api/handler";
import { extendRegistration } from "@/lib/db/registration-lifecycle";
import { extensionInput } from "@/lib/validation/registrations";

export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const hasBody = Number(req.headers.get("content-length") ?? "0") > 0;
  const input = hasBody ? await readJson(req, extensionInput) : { reason: "" };
  return json(await extendRegistration(ctx, id, input.reason));
});
