// U+0000 in text: PostgreSQL refuses to store it (a driver error, which would surface as a 500) and
// C-string code paths truncate at it. Input is checked for it where it enters, once, whatever the
// schema: API bodies, server-action input, URL parameters. Schemas keep `noNul` for their messages.
import { AppError, type FieldErrors } from "@/lib/errors";

export const noNul = (s: string): boolean => !s.includes("\u0000");

/** The paths ("account.name", "items.2") of every string in `value` that holds a NUL. */
export function nulFields(value: unknown, path: string[] = [], out: FieldErrors = {}): FieldErrors {
  if (typeof value === "string") {
    if (!noNul(value)) out[path.length ? path.join(".") : "_"] = ["Invalid character (NUL)"];
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulFields(item, [...path, String(i)], out));
  } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (!noNul(key)) out[[...path, "_key"].join(".")] = ["Invalid character (NUL)"];
      nulFields(item, [...path, key], out);
    }
  }
  return out;
}

/** Throws a 400 VALIDATION error naming the fields that hold a NUL character. */
export function assertNoNul(value: unknown): void {
  const fields = nulFields(value);
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "Text may not contain NUL characters", fields);
}
