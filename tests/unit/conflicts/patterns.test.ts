// The conflict-pattern report's maths (lib/conflicts/patterns.ts), worked by hand.
import { describe, expect, it } from "vitest";
import {
  buildPatternReport,
  conflictsHref,
  median,
  mediansByLevel,
  type MiddleRow,
  type PatternRows,
} from "@/lib/conflicts/patterns";
import { parseQuarter } from "@/lib/dates/quarters";

const q4 = parseQuarter("2026-Q4")!;
const HOUR = 3_600;

describe("median", () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1], 2], // (1 + 3) / 2
    [[5, 1, 3], 3],
    [[10, 2, 8, 4], 6], // sorted 2 4 8 10 → (4 + 8) / 2
    [[1, 1, 1, 50], 1],
    [[0.5, 2.5, 1], 1],
  ])("of %j is %j", (values, expected) => expect(median(values)).toBe(expected));
});

describe("mediansByLevel", () => {
  // What SQL returns for level 1 durations [2h, 4h, 9h, 30h] (n = 4: ranks 2 and 3) and level 2
  // durations [10h, 20h, 90h] (n = 3: rank 2).
  const rows: MiddleRow[] = [
    { level: 1, n: 4, seconds: 4 * HOUR },
    { level: 1, n: 4, seconds: 9 * HOUR },
    { level: 2, n: 3, seconds: 20 * HOUR },
  ];
  it("averages two middle values, keeps one", () => {
    expect(mediansByLevel(rows)).toEqual(
      new Map([
        [1, 6.5 * HOUR],
        [2, 20 * HOUR],
      ]),
    );
  });
  it("matches the median of the full lists", () => {
    expect(median([2, 4, 9, 30].map((h) => h * HOUR))).toBe(mediansByLevel(rows).get(1));
    expect(median([10, 20, 90].map((h) => h * HOUR))).toBe(mediansByLevel(rows).get(2));
  });
});

describe("conflictsHref", () => {
  it("uses the list page's parameters and bounds the quarter by inclusive days", () => {
    expect(conflictsHref(q4, { type: "DUPLICATE_REGISTRATION", region: "NA" })).toBe(
      "/conflicts?status=ALL&slice=all&type=DUPLICATE_REGISTRATION&region=NA&openedFrom=2026-10-01&openedTo=2026-12-31",
    );
    expect(conflictsHref(q4)).toBe("/conflicts?status=ALL&slice=all&openedFrom=2026-10-01&openedTo=2026-12-31");
  });
});

describe("buildPatternReport", () => {
  const rows: PatternRows = {
    byType: [
      { key: "DUPLICATE_REGISTRATION", label: null, count: 6 },
      { key: "NAMED_ACCOUNT", label: null, count: 3 },
      { key: "DIRECT_VS_PARTNER", label: null, count: 1 },
    ],
    byRegion: [
      { key: "EMEA", label: "Europe", count: 2 },
      { key: "NA", label: "North America", count: 7 },
      { key: null, label: null, count: 1 },
    ],
    byTier: [
      { key: "GOLD", label: null, count: 5 },
      { key: "REGISTERED", label: null, count: 4 },
    ],
    byRule: [
      { ruleId: "r90", ruleName: "Large deals direct", priority: 90, ruleSetId: "s1", ruleSetVersion: 1, count: 2 },
      { ruleId: null, ruleName: null, priority: null, ruleSetId: null, ruleSetVersion: null, count: 1 },
      { ruleId: "r70", ruleName: "Core deals partner-led", priority: 70, ruleSetId: "s1", ruleSetVersion: 1, count: 5 },
      { ruleId: "r20", ruleName: "Named accounts", priority: 20, ruleSetId: "s1", ruleSetVersion: 1, count: 2 },
    ],
    resolvedByLevel: [
      { level: 1, count: 3 },
      { level: 2, count: 1 },
    ],
    middles: [
      { level: 1, n: 3, seconds: 48 * HOUR },
      { level: 2, n: 1, seconds: 100 * HOUR },
    ],
  };
  const report = buildPatternReport(q4, rows, {
    types: ["DUPLICATE_REGISTRATION", "DIRECT_VS_PARTNER", "NAMED_ACCOUNT", "PRICING_UNDERCUT", "ATTRIBUTION_DISPUTE"],
    tiers: ["PLATINUM", "GOLD", "SILVER", "REGISTERED"],
  });

  it("counts every type in order, zeros included, each linking to its slice of /conflicts", () => {
    expect(report.total).toBe(10);
    expect(report.byType.map((g) => [g.label, g.count])).toEqual([
      ["Duplicate registration", 6],
      ["Direct vs partner", 1],
      ["Named account", 3],
      ["Pricing undercut", 0],
      ["Attribution dispute", 0],
    ]);
    expect(report.byType[0].href).toBe(
      "/conflicts?status=ALL&slice=all&type=DUPLICATE_REGISTRATION&openedFrom=2026-10-01&openedTo=2026-12-31",
    );
  });

  it("orders regions by count; cases without an account have no list to link to", () => {
    expect(report.byRegion.map((g) => [g.label, g.count, g.href])).toEqual([
      ["North America", 7, "/conflicts?status=ALL&slice=all&region=NA&openedFrom=2026-10-01&openedTo=2026-12-31"],
      ["Europe", 2, "/conflicts?status=ALL&slice=all&region=EMEA&openedFrom=2026-10-01&openedTo=2026-12-31"],
      ["No account", 1, null],
    ]);
    expect(report.byTier.map((g) => [g.key, g.count])).toEqual([
      ["PLATINUM", 0],
      ["GOLD", 5],
      ["SILVER", 0],
      ["REGISTERED", 4],
    ]);
  });

  it("ranks rules by cases (ties by priority), linking each to its rule in the editor", () => {
    expect(report.byRule.map((r) => [r.label, r.count])).toEqual([
      ["Core deals partner-led", 5],
      ["Named accounts", 2],
      ["Large deals direct", 2],
      ["No rule matched (default outcome)", 1],
    ]);
    expect(report.topRules.map((r) => r.key)).toEqual(["r70", "r20", "r90"]);
    expect(report.topRules[0]).toMatchObject({
      editorHref: "/rules/s1#rule-r70",
      href: "/conflicts?status=ALL&slice=all&rule=r70&openedFrom=2026-10-01&openedTo=2026-12-31",
    });
  });

  it("gives the median time to resolve per level and the share resolved at level 1", () => {
    expect(report.resolution.map((r) => [r.level, r.resolved, r.medianSeconds])).toEqual([
      [1, 3, 48 * HOUR],
      [2, 1, 100 * HOUR],
      [3, 0, null],
      [4, 0, null],
    ]);
    expect(report.resolution[0].href).toBe(
      "/conflicts?status=RESOLVED&slice=all&level=1&openedFrom=2026-10-01&openedTo=2026-12-31",
    );
    expect([report.resolved, report.resolvedAtLevelOne, report.levelOneShare]).toEqual([4, 3, 0.75]);
  });

  it("has no share when nothing was resolved", () => {
    const empty = buildPatternReport(
      q4,
      { byType: [], byRegion: [], byTier: [], byRule: [], resolvedByLevel: [], middles: [] },
      { types: ["DUPLICATE_REGISTRATION"], tiers: [] },
    );
    expect([empty.total, empty.resolved, empty.levelOneShare, empty.topRules]).toEqual([0, 0, null, []]);
  });
});
