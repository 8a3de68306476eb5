import { describe, expect, it } from "vitest";
import { parseQuarter, quarterOf, recentQuarters, shiftQuarter } from "@/lib/dates/quarters";

describe("quarters", () => {
  it.each([
    ["2026-10-01T00:00:00Z", "2026-Q4", "2026-10-01", "2026-12-31"],
    ["2026-12-31T23:59:59.999Z", "2026-Q4", "2026-10-01", "2026-12-31"],
    ["2027-01-01T00:00:00Z", "2027-Q1", "2027-01-01", "2027-03-31"],
    ["2024-02-29T12:00:00Z", "2024-Q1", "2024-01-01", "2024-03-31"],
    ["2026-06-30T23:59:59Z", "2026-Q2", "2026-04-01", "2026-06-30"],
    ["2026-09-30T10:00:00Z", "2026-Q3", "2026-07-01", "2026-09-30"],
  ])("%s is in %s (%s – %s)", (at, label, first, last) => {
    const q = quarterOf(new Date(at));
    expect([q.label, q.firstDay, q.lastDay]).toEqual([label, first, last]);
    expect(q.start.getTime()).toBeLessThanOrEqual(new Date(at).getTime());
    expect(q.end.getTime()).toBeGreaterThan(new Date(at).getTime());
  });

  it("parses YYYY-Qn and nothing else", () => {
    expect(parseQuarter("2026-Q4")?.start.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(parseQuarter("2026-Q4")?.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    for (const bad of ["2026-Q5", "2026-Q0", "2026Q4", "26-Q4", "2026-q4", " 2026-Q4", "1999-Q1", "2101-Q1"])
      expect(parseQuarter(bad)).toBeNull();
  });

  it("steps across years", () => {
    expect(shiftQuarter(parseQuarter("2026-Q4")!, 1).label).toBe("2027-Q1");
    expect(shiftQuarter(parseQuarter("2026-Q1")!, -1).label).toBe("2025-Q4");
    expect(shiftQuarter(parseQuarter("2026-Q2")!, -9).label).toBe("2024-Q1");
    expect(recentQuarters(new Date("2026-11-15T12:00:00Z"), 5).map((q) => q.label)).toEqual([
      "2026-Q4",
      "2026-Q3",
      "2026-Q2",
      "2026-Q1",
      "2025-Q4",
    ]);
  });
});
