// Keyset (cursor) pagination over any sort column, stable by id: holds at a million rows where
// OFFSET would scan. `after` moves forward from a position, `before` moves back.
//
// Cursors are opaque and signed for the caller's list (lib/security/cursor.ts), and a page is
// resolved with a keyset condition (sort value, id) that the caller ANDs with its own scoped
// `where`. Never with Prisma's `cursor: { id }`: Prisma looks that row up outside the `where`, so
// another partner's id used to tell its existence and its sort value (ACV, name) by what came back.
import type { Ctx } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, type CursorValue } from "@/lib/security/cursor";
import type { Provider } from "./provider";

type Dir = "asc" | "desc";

/** How a sort column orders: text, dates and money compare in the database; enums by their
 *  stored order (see enumOrder); nullable columns put rows without a value last either way. */
export type SortColumn = { kind: "scalar"; nullable?: boolean } | { kind: "enum"; order: readonly string[] };

export type ListSpec = {
  list: string;
  ctx: Ctx;
  sort: string;
  column: SortColumn;
  dir: Dir;
  after?: string;
  before?: string;
  pageSize: number;
};
export type Page<T> = {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  total: number;
  totalCapped: boolean;
};

/** What a list's findMany gets: AND `where` with the caller's scoped filters. */
export type FindArgs<W, O> = { where: W; orderBy: O[]; take: number };

const COUNT_CAP = 10_000;

/** One message for every cursor that does not verify (forged, edited, another caller's, another
 *  sort's, a raw id): a client learns nothing from which one it was. */
export const INVALID_CURSOR = "Invalid cursor: start again from the first page";

export const scalar = (nullable = false): SortColumn => ({ kind: "scalar", nullable });

/** The order ORDER BY gives an enum column: PostgreSQL enums sort by declaration, SQLite stores
 *  them as text and sorts by code point. */
export function enumColumn(values: Record<string, string>, provider: Provider): SortColumn {
  const declared = Object.values(values);
  return {
    kind: "enum",
    order: provider === "postgresql" ? declared : [...declared].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

function scopeOf(spec: ListSpec): string {
  const { ctx } = spec;
  return [spec.list, spec.sort, spec.dir, ctx.role, ctx.userId ?? "-", ctx.partnerId ?? "-"].join("|");
}

type Where = Record<string, unknown>;

/** Rows strictly after `pos` when walking `sort` in direction `dir` (then id), nulls at `nulls`. */
function keyset(
  sort: string,
  column: SortColumn,
  dir: Dir,
  nulls: "first" | "last",
  pos: { value: CursorValue; id: string },
): Where {
  const cmp = dir === "asc" ? "gt" : "lt";
  const tie = { id: { [cmp]: pos.id } };
  if (pos.value === null) {
    // only a nullable column mints a null position
    return nulls === "last" ? { [sort]: null, ...tie } : { OR: [{ [sort]: { not: null } }, { [sort]: null, ...tie }] };
  }
  let beyond: Where;
  if (column.kind === "enum") {
    // Prisma offers no gt/lt on enums: name the values that sort beyond this one instead
    const i = column.order.indexOf(pos.value as string);
    beyond = { [sort]: { in: dir === "asc" ? column.order.slice(i + 1) : column.order.slice(0, Math.max(i, 0)) } };
  } else {
    beyond = { [sort]: { [cmp]: pos.value } };
  }
  const nullsAfter = column.kind === "scalar" && column.nullable && nulls === "last" ? [{ [sort]: null }] : [];
  return { OR: [beyond, { [sort]: pos.value, ...tie }, ...nullsAfter] };
}

function orderBy(sort: string, column: SortColumn, dir: Dir, nulls: "first" | "last"): Where[] {
  const first = column.kind === "scalar" && column.nullable ? { [sort]: { sort: dir, nulls } } : { [sort]: dir };
  return [first, { id: dir }];
}

function position(spec: ListSpec, field: "after" | "before") {
  const cursor = spec[field];
  if (cursor === undefined) return undefined;
  const pos = decodeCursor(scopeOf(spec), cursor);
  if (!pos) throw new AppError("VALIDATION", "The request is not valid", { [field]: [INVALID_CURSOR] });
  return pos;
}

export async function paginate<T extends { id: string }, W = Where, O = Where>(
  find: (args: FindArgs<W, O>) => Promise<T[]>,
  count: (take: number) => Promise<number>,
  spec: ListSpec,
): Promise<Page<T>> {
  const { sort, column, dir } = spec;
  const n = spec.pageSize;
  const before = position(spec, "before");
  const after = before ? undefined : position(spec, "after");
  // walking back is walking the reversed order forward: nulls, last in the list, come first
  const back = before !== undefined;
  const walk: Dir = back ? (dir === "asc" ? "desc" : "asc") : dir;
  const nulls = back ? "first" : "last";
  const from = before ?? after;
  const [rows, total] = await Promise.all([
    find({
      where: (from ? keyset(sort, column, walk, nulls, from) : {}) as W,
      orderBy: orderBy(sort, column, walk, nulls) as O[],
      take: n + 1,
    }),
    count(COUNT_CAP + 1),
  ]);
  const more = rows.length > n;
  const items = back ? rows.slice(0, n).reverse() : rows.slice(0, n);
  const scope = scopeOf(spec);
  const cursorOf = (row: T) =>
    encodeCursor(scope, { value: (row as unknown as Record<string, CursorValue>)[sort] ?? null, id: row.id });
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: last && (back || more) ? cursorOf(last) : null,
    prevCursor: first && (back ? more : after !== undefined) ? cursorOf(first) : null,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
  };
}
