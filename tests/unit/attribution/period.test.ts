import { describe, expect, it } from "vitest";
import { monthOf, parsePeriod, periodOf, periodTitle, shiftPeriod } from "@/lib/attribution";

describe("statement periods", () => {
  it("a month", () => {
    const p = parsePeriod("2026-11")!;
    expect(p).toMatchObject({ kind: "month", months: ["2026-11"] });
    expect(p.start.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(periodTitle(p)).toBe("November 2026");
  });

  it("a quarter spans its three months", () => {
    const p = parsePeriod("2026-Q4")!;
    expect(p.months).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(p.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(periodTitle(p)).toBe("2026 Q4");
  });

  it.each(["2026-13", "2026-00", "1999-01", "2026-Q5", "nov", ""])("refuses %j", (s) =>
    expect(parsePeriod(s)).toBeNull(),
  );

  it("shifts and finds the period of a moment", () => {
    expect(shiftPeriod(parsePeriod("2026-12")!, 1).label).toBe("2027-01");
    expect(shiftPeriod(parsePeriod("2026-Q1")!, -1).label).toBe("2025-Q4");
    expect(periodOf(new Date("2026-12-05T12:00:00Z"), "quarter").label).toBe("2026-Q4");
    expect(monthOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12");
  });
});
