// Case-insensitive substring filter on both databases: SQLite's LIKE already ignores ASCII case,
// PostgreSQL needs mode "insensitive" (which the SQLite client rejects).
import "server-only";
import { provider } from "./client";

export function containsText(q: string): { contains: string } {
  return (provider === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q }) as { contains: string };
}
