// Text that cannot be stored: U+0000 (PostgreSQL refuses it, a driver error that would surface as a
// 500, and C-string code paths truncate at it) and unpaired UTF-16 surrogates such as "\ud800" (not
// valid Unicode: Prisma's engine fails to read them back from its own JSON request, again a 500).
// Input is checked for both where it enters, once, whatever the schema: API bodies, server-action
// input, URL parameters. Schemas keep `noNul` for their messages.
import { AppError, type FieldErrors } from "@/lib/errors";

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be stored: no NUL and no unpaired surrogate. */
export const noNul = (s: string): boolean => !s.includes("\u0000") && !UNPAIRED_SURROGATE.test(s);

/** The paths ("account.name", "items.2") of every string in `value` that holds a NUL or an unpaired surrogate. */
export function nulFields(value: unknown, path: string[] = [], out: FieldErrors = {}): FieldErrors {
  if (typeof value === "string") {
    if (!noNul(value)) out[path.length ? path.join(".") : "_"] = ["Invalid character"];
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulFields(item, [...path, String(i)], out));
  } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (!noNul(key)) out[[...path, "_key"].join(".")] = ["Invalid character"];
      nulFields(item, [...path, key], out);
    }
  }
  return out;
}

/** Throws a 400 VALIDATION error naming the fields that hold a NUL or an unpaired surrogate. */
export function assertNoNul(value: unknown): void {
  const fields = nulFields(value);
  if (Object.keys(fields).length)
    throw new AppError("VALIDATION", "Text may not contain NUL characters or unpaired surrogates", fields);
}
