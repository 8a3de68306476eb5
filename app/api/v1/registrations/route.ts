import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { registrationDto } from "@/lib/api/dto";
import { can } from "@/lib/auth/permissions";
import { listRegistrations } from "@/lib/db/registrations";
import { submitRegistration } from "@/lib/db/registration-submit";
import { AppError, forbidden } from "@/lib/errors";
import { fromSearchParams, registrationListQuery } from "@/lib/validation/lists";
import { registrationInput } from "@/lib/validation/registrations";

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

// POST /api/v1/registrations (README "HTTP API"): a partner registers a deal. A replay with the same
// Idempotency-Key returns the first response; the same key with another body is 422.
export const POST = apiRoute(async (req, ctx) => {
  if (!can(ctx, "registration:create")) throw forbidden("Only partners register deals");
  const key = req.headers.get("idempotency-key")?.trim();
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError("VALIDATION", "Invalid Idempotency-Key header", {
      "Idempotency-Key": ["1–200 printable ASCII characters"],
    });
  }
  const input = await readBody(req, registrationInput);
  const result = await submitRegistration(ctx, input, { idempotencyKey: key || undefined });
  return json(result, 201);
});
