// The one wrapper for /api/v1 route handlers: authenticates (API key or session cookie), refuses
// cross-site state changes, and maps every error to the envelope { error: { code, message,
// fields? } } with a 4xx; bodies are read by lib/api/body.ts; a database that cannot be reached or
// does not answer in time is 503 UNAVAILABLE with Retry-After (lib/db/unavailable.ts); an
// unexpected error is logged and becomes 500.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError } from "zod";
import { getContext } from "@/lib/auth/context";
import type { Ctx } from "@/lib/auth/types";
import { contextForApiKey } from "@/lib/db/api-keys";
import { databaseUnavailable } from "@/lib/db/unavailable";
import { AppError, unauthenticated } from "@/lib/errors";
import { toJson } from "@/lib/json";
import { zodFieldErrors } from "@/lib/validation/errors";
import { assertNoNul, noNul } from "@/lib/validation/nul";
import { isSameOrigin } from "./origin";

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.userMessage, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: error.status, headers: errorHeaders(error) },
    );
  }
  if (error instanceof ZodError) {
    return errorResponse(new AppError("VALIDATION", "The request is not valid", zodFieldErrors(error)));
  }
  const unavailable = databaseUnavailable(error, "api");
  if (unavailable) return errorResponse(unavailable);
  console.error("[api] unexpected error", error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side" } },
    { status: 500 },
  );
}

function errorHeaders(error: AppError): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  if (error.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer realm="accord"';
  if (error.retryAfterSeconds !== undefined)
    headers["Retry-After"] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
  return Object.keys(headers).length ? headers : undefined;
}

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(toJson(data), { status });
}

async function authenticate(req: NextRequest): Promise<Ctx> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const ctx = match ? await contextForApiKey(match[1]) : null;
    if (!ctx) throw new AppError("UNAUTHENTICATED", "The API key is missing, malformed or revoked");
    return ctx;
  }
  const ctx = await getContext();
  if (!ctx) throw unauthenticated();
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) assertSameOrigin(req);
  return ctx;
}

function assertSameOrigin(req: NextRequest) {
  if (!isSameOrigin(req.headers))
    throw new AppError("FORBIDDEN", "Cross-site request refused: use an API key for machine access");
}

type Params = Record<string, string>;
type Handler<P extends Params> = (req: NextRequest, ctx: Ctx, params: P) => Promise<Response>;

export function apiRoute<P extends Params = Params>(handler: Handler<P>) {
  return async (req: NextRequest, route: { params: Promise<P> }) => {
    try {
      const ctx = await authenticate(req);
      const params = ((await route?.params) ?? {}) as P;
      // an id no row can have answers like any other missing id
      if (Object.values(params).some((v) => typeof v === "string" && !noNul(v)))
        throw new AppError("NOT_FOUND", "Not found");
      assertNoNul(Object.fromEntries(req.nextUrl.searchParams));
      return await handler(req, ctx, params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
