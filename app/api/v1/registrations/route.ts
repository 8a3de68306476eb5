import { apiRoute, json } from "@/lib/api/handler";
import { registrationDto } from "@/lib/api/dto";
import { can } from "@/lib/auth/permissions";
import { listRegistrations } from "@/lib/db/registrations";
import { forbidden } from "@/lib/errors";
import { fromSearchParams, registrationListQuery } from "@/lib/validation/lists";

export const GET = apiRoute(async (req, ctx) => {
  if (!can(ctx, "registration:read")) throw forbidden();
  const query = registrationListQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const page = await listRegistrations(ctx, query);
  return json({
    data: page.items.map((r) => registrationDto(r, ctx)),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    total: page.total,
    totalCapped: page.totalCapped,
  });
});
