// zod issues → { "field.path": ["message", …] } for forms and the API envelope: the one converter
// (server actions, route handlers, the rule-set and facts parsers, client-side form checks).
import type { ZodError } from "zod";
import type { FieldErrors } from "@/lib/errors";

/**
 * `under` nests the keys below a field of the request (`facts` → `facts.acv`, and `facts` for an
 * issue about the whole value); without it an issue about the whole value is keyed `_`.
 */
export function zodFieldErrors(error: ZodError, under?: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    const key = under ? (path ? `${under}.${path}` : under) : path || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
