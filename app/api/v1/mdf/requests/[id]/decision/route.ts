import { readBody } from "@/lib/api/body";
import { apiRoute, json } from "@/lib/api/handler";
import { decideMdf } from "@/lib/db/mdf-writes";
import { decideMdfBody } from "@/lib/validation/mdf";

// POST /api/v1/mdf/requests/{id}/decision { decision: "approve" | "reject", reason }: the partner's
// manager or channel operations decide a request (a rejection needs a reason). 409 once decided.
export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const body = await readBody(req, decideMdfBody);
  return json(await decideMdf(ctx, { ...body, requestId: id }));
});
