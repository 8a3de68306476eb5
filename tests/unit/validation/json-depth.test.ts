// The nesting bound that keeps deep JSON from overflowing the stack (lib/validation/json-depth.ts):
// counted on the text, strings skipped (escaped quotes included), and on parsed values without recursion.
import { describe, expect, it } from "vitest";
import { jsonTextTooDeep, MAX_JSON_DEPTH, valueTooDeep } from "@/lib/validation/json-depth";

const nested = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("jsonTextTooDeep", () => {
  it.each([
    ["flat object", '{"a":1,"b":[1,2]}', false],
    ["exactly the bound", nested(MAX_JSON_DEPTH), false],
    ["one past the bound", nested(MAX_JSON_DEPTH + 1), true],
    ["100,000 levels", nested(100_000), true],
    ["brackets inside a string", JSON.stringify({ s: "[".repeat(500) }), false],
    ["escaped quote does not end the string", JSON.stringify({ s: '\\"' + "{".repeat(500) }), false],
    ["objects and arrays mixed", '{"a":'.repeat(40) + nested(30) + "}".repeat(40), true],
    ["invalid JSON still measured", "[".repeat(MAX_JSON_DEPTH + 1), true],
  ])("%s", (_label, text, expected) => {
    expect(jsonTextTooDeep(text)).toBe(expected);
  });
});

describe("valueTooDeep", () => {
  const deep = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };
  it("allows the bound, refuses one past it, and walks 100,000 levels without recursion", () => {
    expect(valueTooDeep(deep(MAX_JSON_DEPTH))).toBe(false);
    expect(valueTooDeep(deep(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(valueTooDeep(deep(100_000))).toBe(true);
    expect(valueTooDeep("text")).toBe(false);
    expect(valueTooDeep(new FormData())).toBe(false);
  });
});
