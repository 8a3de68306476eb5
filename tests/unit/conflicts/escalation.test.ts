import { describe, expect, it } from "vitest";
import {
  escalationRefusal,
  isOverdue,
  nextLevel,
  overdueStep,
  slaBusinessDays,
  slaDueAt,
} from "@/lib/conflicts/escalation";

// Worked examples from docs/domain.md#levels-deciders-and-slas. 2026-12-04 is a Friday.
const FRI = new Date("2026-12-04T10:00:00.000Z");

describe("escalation policy", () => {
  it("goes one level up, and level 4 is the last", () => {
    expect([1, 2, 3, 4].map((l) => nextLevel(l as 1 | 2 | 3 | 4))).toEqual([2, 3, 4, null]);
  });

  it("takes each level's SLA from the setting, falling back to 2, 3, 5, 5", () => {
    expect([1, 2, 3, 4].map((l) => slaBusinessDays(l as 1, null))).toEqual([2, 3, 5, 5]);
    expect([1, 2, 3, 4].map((l) => slaBusinessDays(l as 1, [1, 1, 2, 9]))).toEqual([1, 1, 2, 9]);
    // a broken setting entry does not make a case due at once
    expect(slaBusinessDays(2, [1, 0, "x"])).toBe(3);
    expect(slaBusinessDays(3, [1, 2])).toBe(5);
  });

  it("counts the SLA in business days: level 1 opened on a Friday is due on Tuesday", () => {
    expect(slaDueAt(1, FRI, [2, 3, 5, 5]).toISOString()).toBe("2026-12-08T10:00:00.000Z");
    expect(slaDueAt(3, FRI, [2, 3, 5, 5]).toISOString()).toBe("2026-12-11T10:00:00.000Z");
  });

  it("is overdue from the due instant on, and only while open", () => {
    const due = new Date("2026-12-08T10:00:00.000Z");
    expect(isOverdue({ status: "OPEN", level: 1, slaDueAt: due }, new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdue({ status: "OPEN", level: 1, slaDueAt: due }, due)).toBe(true);
    expect(isOverdue({ status: "RESOLVED", level: 1, slaDueAt: due }, FRI)).toBe(false);
  });

  it("refuses manual escalation of a resolved case and at the last level", () => {
    expect(escalationRefusal({ status: "OPEN", level: 1 })).toBeNull();
    expect(escalationRefusal({ status: "OPEN", level: 4 })).toMatch(/last level/);
    expect(escalationRefusal({ status: "RESOLVED", level: 2 })).toMatch(/resolved/);
  });

  describe("what the job does with an overdue case", () => {
    const now = new Date("2026-12-09T09:00:00.000Z"); // Wednesday
    const overdue = new Date("2026-12-08T10:00:00.000Z");

    it("escalates level 2 to 3 with the level-3 SLA counted from now", () => {
      expect(overdueStep({ status: "OPEN", level: 2, slaDueAt: overdue }, now, [2, 3, 5, 5])).toEqual({
        kind: "ESCALATE",
        fromLevel: 2,
        toLevel: 3,
        slaDueAt: new Date("2026-12-16T09:00:00.000Z"),
      });
    });

    it("leaves a case within its SLA", () => {
      expect(overdueStep({ status: "OPEN", level: 1, slaDueAt: new Date("2026-12-10T00:00:00Z") }, now, null)).toEqual({
        kind: "NONE",
      });
    });

    it("flags an overdue level-4 case once", () => {
      expect(overdueStep({ status: "OPEN", level: 4, slaDueAt: overdue }, now, null)).toEqual({ kind: "FLAG" });
      expect(overdueStep({ status: "OPEN", level: 4, slaDueAt: overdue, lastFlaggedAt: now }, now, null)).toEqual({
        kind: "NONE",
      });
      // flagged before it became due (an older SLA): flagged again
      const earlier = new Date("2026-12-01T00:00:00Z");
      expect(overdueStep({ status: "OPEN", level: 4, slaDueAt: overdue, lastFlaggedAt: earlier }, now, null)).toEqual({
        kind: "FLAG",
      });
    });
  });
});
