// Prisma's error for a unique-key violation, the signal that a concurrent seeder got there first.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
