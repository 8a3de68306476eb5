import { describe, expect, it } from "vitest";
import { partnerOutcome, sliceLabel, slaState } from "@/components/conflicts/labels";

const NOW = new Date("2026-11-16T12:00:00Z");

describe("conflict labels", () => {
  it.each([
    ["2026-11-14T11:00:00Z", "red", "2 days overdue"],
    ["2026-11-16T07:00:00Z", "red", "5 hours overdue"],
    ["2026-11-16T17:00:00Z", "amber", "due in 5 hours"],
    ["2026-11-19T12:00:00Z", "slate", "due in 3 days"],
  ])("an open case due %s reads %s '%s'", (due, tone, text) => {
    expect(slaState({ status: "OPEN", slaDueAt: new Date(due) }, NOW)).toEqual({ tone, text });
  });

  it("a resolved case is never overdue", () => {
    expect(slaState({ status: "RESOLVED", slaDueAt: new Date("2026-01-01") }, NOW).text).toBe("Resolved");
  });

  const me = (creditPct: number | null) => ({ self: true, kind: "PARTNER", creditPct });
  const other = (kind: string, creditPct: number | null) => ({ self: false, kind, creditPct });
  it.each([
    ["AWARD_PARTNER", [me(100), other("PARTNER", 0)], "Awarded to your company"],
    ["AWARD_PARTNER", [me(0), other("PARTNER", 100)], "Awarded to another party"],
    ["AWARD_PARTNER", [me(null), other("DIRECT", null)], "Awarded to your company"],
    ["AWARD_PARTNER", [me(null), other("PARTNER", null)], "Awarded to a partner"],
    ["SPLIT", [me(40), other("PARTNER", 60)], "Credit split: your share 40%"],
    [null, [me(null)], "Awaiting a decision"],
  ] as const)("tells a partner %s (%j) as '%s'", (resolution, parties, text) => {
    expect(partnerOutcome(resolution, parties)).toBe(text);
  });

  it("names each role's slice, an executive's by the levels their title decides", () => {
    expect(sliceLabel({ role: "EXEC", title: "VP_SALES" })).toBe("My level (2)");
    expect(sliceLabel({ role: "EXEC", title: "CEO" })).toBe("My level (4)");
    expect(sliceLabel({ role: "EXEC", title: "VP_REVOPS" })).toBe("Open cases");
    expect(sliceLabel({ role: "PARTNER_MANAGER", title: null })).toBe("My partners");
  });
});
