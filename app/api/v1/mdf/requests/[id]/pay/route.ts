import { apiRoute, json } from "@/lib/api/handler";
import { payMdf } from "@/lib/db/mdf-writes";

// POST /api/v1/mdf/requests/{id}/pay: channel operations mark a claimed request paid (no body).
export const POST = apiRoute<{ id: string }>(async (_req, ctx, { id }) => json(await payMdf(ctx, id)));
