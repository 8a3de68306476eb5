import { describe, expect, it } from "vitest";
import { currentQuarter, parsePeriod, recentPeriods, shiftPeriod } from "@/lib/pricing/period";

describe("parsePeriod", () => {
  it.each([
    ["2026-Q4", "quarter", "2026-10-01", "2026-12-31"],
    ["2026-11", "month", "2026-11-01", "2026-11-30"],
    ["2024-02", "month", "2024-02-01", "2024-02-29"],
    ["2026-12", "month", "2026-12-01", "2026-12-31"],
  ] as const)("%s → %s %s … %s", (label, kind, first, last) => {
    const p = parsePeriod(label)!;
    expect(p).toMatchObject({ label, kind, firstDay: first, lastDay: last });
    expect(p.end.getTime()).toBeGreaterThan(p.start.getTime());
  });
  it.each(["2026-13", "2026-Q5", "2026", "1999-01", "x"])("%s is not a period", (label) => {
    expect(parsePeriod(label)).toBeNull();
  });
});

describe("shiftPeriod and recentPeriods", () => {
  it("moves across years", () => {
    expect(shiftPeriod(parsePeriod("2026-01")!, -1).label).toBe("2025-12");
    expect(shiftPeriod(parsePeriod("2026-Q1")!, -1).label).toBe("2025-Q4");
    expect(shiftPeriod(parsePeriod("2026-Q4")!, 1).label).toBe("2027-Q1");
  });
  it("lists the recent quarters and months newest first", () => {
    const now = new Date("2026-12-05T12:00:00Z");
    expect(currentQuarter(now).label).toBe("2026-Q4");
    const r = recentPeriods(now, 3, 3);
    expect(r.quarters.map((p) => p.label)).toEqual(["2026-Q4", "2026-Q3", "2026-Q2"]);
    expect(r.months.map((p) => p.label)).toEqual(["2026-12", "2026-11", "2026-10"]);
  });
});
