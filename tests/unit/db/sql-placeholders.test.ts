// Regression: the PostgreSQL session turned every `?` into $n, inside string literals and quoted
// identifiers too, so `WHERE "body" = 'Why?' AND "id" = ?` bound the id to $2 and failed.
import { describe, expect, it } from "vitest";
import { numberPlaceholders } from "@/lib/db/sql";

describe("numberPlaceholders", () => {
  it.each([
    [
      "placeholders in order",
      `SELECT "id" FROM "T" WHERE "a" = ? AND "b" IN (?, ?)`,
      `SELECT "id" FROM "T" WHERE "a" = $1 AND "b" IN ($2, $3)`,
    ],
    ["no placeholders", `SELECT 1`, `SELECT 1`],
    ["a ? in a string literal", `SELECT 'Why?' AS "q", ? AS "x"`, `SELECT 'Why?' AS "q", $1 AS "x"`],
    ["an escaped quote inside a literal", `SELECT 'it''s ?' , ?`, `SELECT 'it''s ?' , $1`],
    ["a literal that is only an escaped quote", `SELECT '''', ?, '?'`, `SELECT '''', $1, '?'`],
    [
      "a ? in a quoted identifier",
      `SELECT "odd?name", "a""?" FROM "T" WHERE "x" = ?`,
      `SELECT "odd?name", "a""?" FROM "T" WHERE "x" = $1`,
    ],
    ["a ? in a line comment", `SELECT ? -- why?\n, ?`, `SELECT $1 -- why?\n, $2`],
    ["a ? in a block comment", `SELECT /* ? */ ?`, `SELECT /* ? */ $1`],
    ["dollar-quoted strings", `SELECT $$a?$$, $tag$b?$tag$, ?`, `SELECT $$a?$$, $tag$b?$tag$, $1`],
    ["a numbered parameter is not a dollar quote", `SELECT ?, '$1?'`, `SELECT $1, '$1?'`],
    ["an unterminated literal is left as it is (the database reports it)", `SELECT ?, 'open?`, `SELECT $1, 'open?`],
  ])("%s", (_, text, expected) => {
    expect(numberPlaceholders(text)).toBe(expected);
  });
});
