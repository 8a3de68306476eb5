// The one wrapper for server actions: session context (or refusal), zod parsing of the input,
// the handler, and errors mapped to { ok: false, code, message, fieldErrors? }. Only AppError
// messages reach the user; anything else is logged and replaced by a generic message.
import "server-only";
import { ZodError, type z } from "zod";
import { getContext } from "@/lib/auth/context";
import type { Ctx } from "@/lib/auth/types";
import { databaseUnavailable } from "@/lib/db/unavailable";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation/errors";
import { MAX_JSON_DEPTH, valueTooDeep } from "@/lib/validation/json-depth";
import { assertNoNul } from "@/lib/validation/nul";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

function isNextControlFlow(error: unknown): boolean {
  // redirect() and notFound() throw errors Next.js must see; never swallow them
  const digest = (error as { digest?: unknown })?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND")
  );
}

export function toActionError(error: unknown): {
  ok: false;
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
} {
  if (error instanceof AppError)
    return {
      ok: false,
      code: error.code,
      message: error.userMessage,
      ...(error.fields ? { fieldErrors: error.fields } : {}),
    };
  if (error instanceof ZodError)
    return {
      ok: false,
      code: "VALIDATION",
      message: "Check the highlighted fields",
      fieldErrors: zodFieldErrors(error),
    };
  const unavailable = databaseUnavailable(error, "action");
  if (unavailable) return toActionError(unavailable);
  console.error("[action] unexpected error", error);
  return { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved." };
}

/** Input may be a FormData (forms) or a plain object (client calls); zod coerces form strings. */
export function defineAction<S extends z.ZodType, T>(schema: S, handler: (ctx: Ctx, input: z.infer<S>) => Promise<T>) {
  return async (input: FormData | unknown): Promise<ActionResult<T>> => {
    try {
      const ctx = await getContext();
      if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const raw = input instanceof FormData ? Object.fromEntries(input.entries()) : input;
      // proxy.ts refuses deep action bodies before the framework decodes them; this catches
      // whatever reaches us another way, before zod and the NUL walk recurse into it
      if (valueTooDeep(raw))
        throw new AppError("BAD_REQUEST", `The input is nested more than ${MAX_JSON_DEPTH} levels deep`);
      assertNoNul(raw);
      const parsed = schema.parse(raw);
      return { ok: true, data: await handler(ctx, parsed) };
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      return toActionError(error);
    }
  };
}
