// Row types for the plain-SQL path (lib/db/sql.ts), derived at the type level from the Prisma client
// that `npm run db:generate` builds from prisma/schema.prisma: a column renamed, retyped or made
// required there breaks `tsc` at every plain-SQL insert, update and typed select that uses it. No
// code generation of our own and no runtime cost: this module holds types only.
//
// Both generated clients come from the same schema (lib/cli/generate.mjs), so the SQLite one speaks
// for both databases. Models map to tables of the same name and fields to columns of the same name
// (the schema uses no @map/@@map; the runtime data model in the generated client says so too).
import type { Prisma } from "./generated/sqlite/client";
import type { JsonParam } from "./sql";

type Models = Prisma.TypeMap["model"];

/** A table the plain-SQL path may name. */
export type Table = Prisma.ModelName;

/** The columns of a table as Prisma reads them (Date, bigint, boolean, enums, Json values). */
type Scalars<T extends Table> = Models[T]["payload"]["scalars"];
type Column<T extends Table> = keyof Scalars<T> & string;

// Prisma's own create input, used only to learn which Json columns are nullable: a Json column's
// scalar type includes null either way, but only a nullable one accepts DbNull on create.
type CreateInput<T extends Table> = Exclude<Models[T]["operations"]["createMany"]["args"]["data"], readonly unknown[]>;

type IsJson<V> = [Prisma.JsonObject] extends [V] ? true : false;
type IsNullable<T extends Table, C extends Column<T>> =
  IsJson<Scalars<T>[C]> extends true
    ? C extends keyof CreateInput<T>
      ? [typeof Prisma.DbNull] extends [CreateInput<T>[C]]
        ? true
        : false
      : false
    : null extends Scalars<T>[C]
      ? true
      : false;

/** What the driver accepts for a column: Prisma's type, except Json columns take `json(value)`. */
type Param<T extends Table, C extends Column<T>> =
  IsJson<Scalars<T>[C]> extends true ? JsonParam : NonNullable<Scalars<T>[C]>;

type NullableColumn<T extends Table> = { [C in Column<T>]: IsNullable<T, C> extends true ? C : never }[Column<T>];
type RequiredColumn<T extends Table> = Exclude<Column<T>, NullableColumn<T>>;

type Flat<O> = { [K in keyof O]: O[K] } & {};

/**
 * One row for `insert(table, row)`. Every NOT NULL column is required, defaults included: Prisma's
 * client-side defaults (`cuid()`, `@updatedAt`) do not run on this path, so a row names what it
 * stores, and a column added to the schema is a compile error here until the insert names it.
 * Nullable columns may be left out (or `undefined`): the database stores NULL.
 */
export type InsertRow<T extends Table> = Flat<
  { [C in RequiredColumn<T>]: Param<T, C> } & { [C in NullableColumn<T>]?: Param<T, C> | null }
>;

/** The columns an `update(table, set, where)` sets, or matches by equality. */
export type UpdateSet<T extends Table> = Partial<{
  [C in Column<T>]: IsNullable<T, C> extends true ? Param<T, C> | null : Param<T, C>;
}>;
export type Match<T extends Table> = Partial<{ [C in Column<T>]: NonNullable<Param<T, C>> }>;

/**
 * A column as the driver reads it back, the same type on both databases: SQLite returns DateTime as
 * ISO text, booleans as 0/1 and Json as text; PostgreSQL returns Date, boolean, Json as text (the
 * driver keeps it text, lib/db/sql.ts) and BigInt as text. Read them through asDate, asBool, asJson.
 */
type Read<V> = V extends Date
  ? Date | string
  : V extends boolean
    ? boolean | number
    : V extends bigint
      ? bigint | number | string
      : V;
type ReadColumn<T extends Table, C extends Column<T>> =
  IsJson<Scalars<T>[C]> extends true ? (IsNullable<T, C> extends true ? string | null : string) : Read<Scalars<T>[C]>;

/** The row of `SELECT "c1", "c2" FROM "T"`: `get<Selected<"T", "c1" | "c2">>(…)`. */
export type Selected<T extends Table, C extends Column<T>> = Flat<{ [K in C]: ReadColumn<T, K> }>;
