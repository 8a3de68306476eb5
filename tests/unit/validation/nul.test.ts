import { describe, expect, it } from "vitest";
import { assertNoNul, noNul, nulFields } from "@/lib/validation/nul";

describe("text that cannot be stored", () => {
  it("accepts ordinary text, emoji (a surrogate pair) and accents", () => {
    for (const s of ["", "Acme GmbH", "Zürich 😀 deal", "\ud83d\ude00"]) expect(noNul(s)).toBe(true);
  });

  it("refuses NUL and unpaired surrogates, high or low, anywhere in the text", () => {
    for (const s of ["a\u0000b", "\ud800", "x\ud800", "\udc00y", "\ud800\ud800", "\ude00\ud83d"])
      expect(noNul(s)).toBe(false);
  });

  it("names every field that holds one, nested and in keys", () => {
    expect(
      nulFields({ reason: "\ud800", account: { name: "ok", domain: "a\u0000" }, items: ["\udfff"], ["k\ud800"]: 1 }),
    ).toEqual({
      reason: ["Invalid character"],
      "account.domain": ["Invalid character"],
      "items.0": ["Invalid character"],
      _key: ["Invalid character"],
    });
  });

  it("throws a 400 VALIDATION error with those fields", () => {
    expect(() => assertNoNul({ reason: "\ud800" })).toThrowError(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => assertNoNul({ reason: "fine" })).not.toThrow();
  });
});
