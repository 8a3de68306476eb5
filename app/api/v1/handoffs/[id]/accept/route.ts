import { apiRoute, json } from "@/lib/api/handler";
import { acceptHandoff } from "@/lib/db/handoff-answers";

// POST /api/v1/handoffs/{id}/accept: the partner offered the deal takes it (no body). Another
// partner's offer is 404; an offer answered, expired or withdrawn meanwhile is 409.
export const POST = apiRoute<{ id: string }>(async (_req, ctx, { id }) => json(await acceptHandoff(ctx, id)));
