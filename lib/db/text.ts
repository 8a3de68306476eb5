// Case-insensitive substring (and prefix) filters on both databases: SQLite's LIKE already ignores ASCII case,
// PostgreSQL needs mode "insensitive" (which the SQLite client rejects).
import "server-only";
import { provider } from "./client";

export function containsText(q: string): { contains: string } {
  return (provider === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q }) as { contains: string };
}

/** Case-insensitive prefix filter, as containsText. */
export function startsWithText(q: string): { startsWith: string } {
  return (provider === "postgresql" ? { startsWith: q, mode: "insensitive" } : { startsWith: q }) as {
    startsWith: string;
  };
}
