// One error type for the whole app. Only AppError messages reach users. The API
// (errorResponse in lib/api/handler.ts) and server actions (toActionError in
// lib/actions/define-action.ts) map a ZodError to VALIDATION with field errors
// (lib/validation/errors.ts) and a database that cannot be reached to UNAVAILABLE with
// Retry-After (lib/db/unavailable.ts; pages get its digest, lib/unavailable-digest.ts); anything
// else is logged and replaced by a generic message.
export type ErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNPROCESSABLE"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    readonly fields?: FieldErrors,
    /** Seconds the client should wait before trying again (429, 503): sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(userMessage);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You do not have permission to do that") => new AppError("FORBIDDEN", message);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Sign in or provide an API key");

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
