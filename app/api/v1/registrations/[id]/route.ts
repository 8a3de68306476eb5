import { apiRoute, json } from "@/lib/api/handler";
import { registrationDetailDto } from "@/lib/api/dto";
import { can } from "@/lib/auth/permissions";
import { getRegistration } from "@/lib/db/registrations";
import { forbidden } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>(async (_req, ctx, { id }) => {
  if (!can(ctx, "registration:read")) throw forbidden();
  return json(registrationDetailDto(await getRegistration(ctx, id), ctx));
});
