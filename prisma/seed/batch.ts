// Bulk inserts within the limits of both databases. SQLite caps bound variables per statement
// (32,766) and PostgreSQL at 65,535, so rows go in chunks of at most 500.

const BATCH_SIZE = 500;

type CreateMany<T> = (args: { data: T[] }) => Promise<{ count: number }>;

/** Inserts `rows` with `createMany` in chunks; returns the number inserted. */
export async function insertMany<T>(createMany: CreateMany<T>, rows: readonly T[], size = BATCH_SIZE): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += size) {
    count += (await createMany({ data: rows.slice(i, i + size) })).count;
  }
  return count;
}
