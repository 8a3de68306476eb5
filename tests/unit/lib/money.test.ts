import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dollarsText, dollarsToCentsInput, parseDollars } from "@/lib/money";

describe("parseDollars", () => {
  it.each([
    ["150000", 15_000_000],
    ["150,000", 15_000_000],
    ["150000.50", 15_000_050],
    ["150,000.5", 15_000_050],
    ["$ 1,250,000", 125_000_000],
    ["  $250000  ", 25_000_000],
    ["150 000", 15_000_000],
    ["0.29", 29],
    ["0", 0],
    ["1,000,000.01", 100_000_001],
  ])("reads %j as %d cents", (typed, cents) => {
    expect(parseDollars(typed)).toBe(cents);
  });

  it.each([
    ["250,00"], // grouping must be by thousands, never 25,000
    ["1,0000"],
    ["12k"],
    ["1.234"],
    ["-5"],
    [""],
    ["$"],
    ["1e6"],
    ["abc"],
    ["9".repeat(30)],
  ])("refuses %j", (typed) => {
    expect(parseDollars(typed)).toBeNull();
  });

  it("takes a negative amount only when asked", () => {
    expect(parseDollars("-250.50", { negative: true })).toBe(-25_050);
    expect(parseDollars("−$1,000", { negative: true })).toBe(-100_000);
    expect(parseDollars("-250.50")).toBeNull();
  });
});

describe("dollarsToCentsInput (the zod preprocessor)", () => {
  const schema = z.preprocess(dollarsToCentsInput(), z.number().int().nullable());
  it("turns text and numbers of dollars into cents, empty into null", () => {
    expect(schema.parse("150,000")).toBe(15_000_000);
    expect(schema.parse(90_000)).toBe(9_000_000);
    expect(schema.parse(1250.5)).toBe(125_050);
    expect(schema.parse("")).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
  });
  it("fails on text that is not an amount", () => {
    expect(schema.safeParse("150.000,00").success).toBe(false);
    expect(schema.safeParse("lots").success).toBe(false);
  });
});

describe("dollarsText", () => {
  it.each([
    [15_000_000, "150000"],
    [125_050, "1250.50"],
    [5, "0.05"],
    [-25_050, "-250.50"],
    [-5, "-0.05"],
    [BigInt(18_000_000), "180000"],
    [null, ""],
  ])("writes %s cents as %j", (cents, text) => {
    expect(dollarsText(cents)).toBe(text);
  });
  it("round-trips through parseDollars", () => {
    for (const cents of [0, 1, 99, 100, 123_456_789, 100_000_000_000])
      expect(parseDollars(dollarsText(cents))).toBe(cents);
  });
});
