// Keyset (cursor) pagination over any sort column, stable by id: holds at a million rows where
// OFFSET would scan. `after` moves forward from a row, `before` moves back.
export type PageArgs = { sort: string; dir: "asc" | "desc"; after?: string; before?: string; pageSize: number };
export type Page<T> = { items: T[]; nextCursor: string | null; prevCursor: string | null; total: number; totalCapped: boolean };

type FindArgs = {
  orderBy: Record<string, "asc" | "desc">[];
  cursor?: { id: string };
  skip?: number;
  take: number;
};

export const COUNT_CAP = 10_000;

export async function paginate<T extends { id: string }>(
  find: (args: FindArgs) => Promise<T[]>,
  count: (take: number) => Promise<number>,
  args: PageArgs,
): Promise<Page<T>> {
  const orderBy = [{ [args.sort]: args.dir }, { id: args.dir }];
  const n = args.pageSize;
  const [rows, total] = await Promise.all([
    args.before
      ? find({ orderBy, cursor: { id: args.before }, skip: 1, take: -(n + 1) })
      : find({ orderBy, cursor: args.after ? { id: args.after } : undefined, skip: args.after ? 1 : 0, take: n + 1 }),
    count(COUNT_CAP + 1),
  ]);
  let items: T[];
  let nextCursor: string | null;
  let prevCursor: string | null;
  if (args.before) {
    const more = rows.length > n;
    items = more ? rows.slice(1) : rows;
    prevCursor = more ? items[0].id : null;
    nextCursor = items.length ? items[items.length - 1].id : null;
  } else {
    const more = rows.length > n;
    items = more ? rows.slice(0, n) : rows;
    nextCursor = more ? items[items.length - 1].id : null;
    prevCursor = args.after && items.length ? items[0].id : null;
  }
  return { items, nextCursor, prevCursor, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
}
