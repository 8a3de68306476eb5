// zod issues → { "field.path": ["message", …] } for forms and the API envelope.
import type { ZodError } from "zod";
import type { FieldErrors } from "@/lib/errors";

export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
