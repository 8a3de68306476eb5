// CSV cells a spreadsheet would run as formulas are written as text (lib/csv/cells.ts).
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvLines, neutralizeCell } from "@/lib/csv/cells";

describe("neutralizeCell", () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ["+1", "'+1"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["plain text", "plain text"],
    ["a=b", "a=b"],
    [" =spaced", " =spaced"],
    ["", ""],
  ])("neutralizes %j", (value, expected) => expect(neutralizeCell(value)).toBe(expected));
});

describe("csvLines", () => {
  const fields = ["when", "actor", "note"];

  it("writes the header then the rows, neutralized and quoted where needed, each line ending in CRLF", () => {
    const text = csvLines(fields, [["2026-11-01", "=cmd|' /C calc'!A0", 'Bad, "very" bad']], true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(Papa.parse<string[]>(text.trimEnd()).data).toEqual([
      ["when", "actor", "note"],
      ["2026-11-01", "'=cmd|' /C calc'!A0", 'Bad, "very" bad'],
    ]);
  });

  it("chunks written one after another parse as one file", () => {
    const text =
      csvLines(fields, [], true) + csvLines(fields, [["a", "+b", "c\nd"]]) + csvLines(fields, [["e", "@f", "g"]]);
    expect(Papa.parse<string[]>(text.trimEnd()).data).toEqual([
      ["when", "actor", "note"],
      ["a", "'+b", "c\nd"],
      ["e", "'@f", "g"],
    ]);
  });

  it("writes nothing for no rows without a header", () => expect(csvLines(fields, [])).toBe(""));
});
