import { apiRoute, json } from "@/lib/api/handler";
import { conflictDetailDto } from "@/lib/api/conflict-dto";
import { can } from "@/lib/auth/permissions";
import { getConflict } from "@/lib/db/conflict-detail";
import { forbidden } from "@/lib/errors";

// GET /api/v1/conflicts/{id}: one case with its evidence and history; a case outside the caller's
// scope is 404 like a missing one, and a partner reads it redacted (lib/db/conflict-detail.ts).
export const GET = apiRoute<{ id: string }>(async (_req, ctx, { id }) => {
  if (!can(ctx, "conflict:read")) throw forbidden();
  return json(conflictDetailDto(await getConflict(ctx, id), new Date()));
});
