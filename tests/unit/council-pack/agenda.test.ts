// The council pack's pure parts (lib/council-pack): months, the auto agenda built from its figures,
// the pack as tables, and the CSV (formula cells neutralized).
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  buildAgenda,
  monthOf,
  monthTitle,
  parseMonth,
  pointsShift,
  shiftMonth,
  type AgendaInputs,
} from "@/lib/council-pack";
import { packCsv } from "@/lib/council-pack/csv";
import { headlineOf, packTables, trendTables, type CouncilPack, type MetricsLike } from "@/lib/council-pack/pack";

const inputs = (over: Partial<AgendaInputs> = {}): AgendaInputs => ({
  month: "2026-12",
  currency: "USD",
  channelMix: { current: 0.47, previous: 0.4, href: "/opportunities?createdFrom=2026-12-01" },
  disputesOpen: { count: 2, href: "/conflicts?type=ATTRIBUTION_DISPUTE&slice=all" },
  coSellAtRisk: { count: 3, acvCents: 12_500_000, href: "/opportunities?category=PARTNER_COSELL&open=yes" },
  overdueConflicts: { count: 0, href: "/conflicts?overdue=true&slice=all" },
  topRules: [
    { label: "Named accounts stay direct", count: 7, href: "/conflicts?rule=r1" },
    { label: "Mid-market to partners", count: 4, href: "/conflicts?rule=r2" },
  ],
  gaps: [
    {
      framework: "Rules of engagement",
      dimension: "Measurement",
      score: 1,
      period: "2026-Q3",
      href: "/maturity/assess?x",
    },
  ],
  ...over,
});

describe("months", () => {
  it.each([
    ["2026-12", true],
    ["2026-00", false],
    ["2026-13", false],
    ["26-12", false],
    ["2026-1", false],
  ])("parseMonth(%s)", (value, ok) => expect(parseMonth(value) !== null).toBe(ok));

  it("shifts across a year and names the month", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(monthOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12");
    expect(monthTitle("2026-12")).toBe("December 2026");
  });
});

describe("buildAgenda", () => {
  it("puts the items in meeting order, each with its figure and its list", () => {
    const agenda = buildAgenda(inputs());
    expect(agenda.map((a) => a.key)).toEqual([
      "channelMix",
      "disputes",
      "coSellAtRisk",
      "overdueConflicts",
      "topRules",
      "enablementGaps",
    ]);
    const byKey = Object.fromEntries(agenda.map((a) => [a.key, a]));
    expect(byKey.channelMix).toMatchObject({ figure: "+7.0 pts", attention: true });
    expect(byKey.channelMix.detail).toContain("47% vs 40% last month");
    expect(byKey.disputes).toMatchObject({ figure: "2", href: "/conflicts?type=ATTRIBUTION_DISPUTE&slice=all" });
    expect(byKey.coSellAtRisk.detail).toContain("$125,000");
    expect(byKey.overdueConflicts).toMatchObject({ figure: "0", attention: false });
    expect(byKey.topRules.points).toEqual([
      { label: "Named accounts stay direct", figure: "7", href: "/conflicts?rule=r1" },
      { label: "Mid-market to partners", figure: "4", href: "/conflicts?rule=r2" },
    ]);
    expect(byKey.enablementGaps).toMatchObject({ figure: "1 below 3", href: "/maturity/assess?x" });
  });

  it("a small mix shift is not flagged; an unknown month shows a dash", () => {
    const small = buildAgenda(inputs({ channelMix: { current: 0.42, previous: 0.4, href: null } }))[0];
    expect(small).toMatchObject({ figure: "+2.0 pts", attention: false });
    const unknown = buildAgenda(inputs({ channelMix: { current: null, previous: 0.4, href: null } }))[0];
    expect(unknown).toMatchObject({ figure: "—", detail: "No pipeline was created this month." });
    const down = buildAgenda(inputs({ channelMix: { current: 0.3, previous: 0.4, href: null } }))[0];
    expect(down.figure).toBe("−10.0 pts");
  });

  it("leaves out what the reader's role does not measure (no council figures, no maturity)", () => {
    const agenda = buildAgenda(inputs({ channelMix: null, topRules: null, gaps: null }));
    expect(agenda.map((a) => a.key)).toEqual(["disputes", "coSellAtRisk", "overdueConflicts"]);
  });

  it("says so when nothing is there", () => {
    const agenda = buildAgenda(inputs({ topRules: [], gaps: [] }));
    expect(agenda.find((a) => a.key === "topRules")).toMatchObject({ figure: "None", href: null, attention: false });
    expect(agenda.find((a) => a.key === "enablementGaps")).toMatchObject({ figure: "None", attention: false });
  });

  it("pointsShift rounds to a tenth of a point", () => {
    expect(pointsShift(0.4567, 0.4)).toBe(5.7);
    expect(pointsShift(null, 0.4)).toBeNull();
  });
});

const metrics: MetricsLike = {
  month: "2026-12",
  currency: "EUR",
  metrics: [
    {
      key: "pipelineCreated",
      label: "Pipeline created",
      unit: "money",
      total: 123_456_700,
      href: "/opportunities?createdFrom=2026-12-01",
      trend: [
        { month: "2026-11", value: 100_000_000 },
        { month: "2026-12", value: 123_456_700 },
      ],
    },
    {
      key: "winRate",
      label: "Win rate",
      unit: "pct",
      total: 0.25,
      href: null,
      trend: [
        { month: "2026-11", value: null },
        { month: "2026-12", value: 0.25 },
      ],
    },
  ],
};

function pack(): CouncilPack {
  return {
    month: "2026-12",
    isCurrent: true,
    previousMonth: "2026-11",
    metrics,
    headline: headlineOf(metrics),
    trends: trendTables(metrics),
    agenda: buildAgenda(inputs()),
    meeting: {
      id: "m1",
      month: "2026-12",
      heldAt: null,
      attendees: [{ id: "u1", name: "Vera Sales", title: "VP_SALES" }],
      decisions: [
        {
          id: "d1",
          kind: "RULE_CHANGE",
          text: '=HYPERLINK("x") raise the named-account threshold',
          decidedAt: new Date("2026-12-05T10:00:00Z"),
          decidedBy: "Vera Sales",
          ruleSet: { id: "rs", version: 7, status: "DRAFT" },
        },
      ],
      actionItems: [
        {
          id: "a1",
          text: "Brief the partners",
          dueDate: new Date("2026-12-19T00:00:00Z"),
          status: "OPEN",
          completedAt: null,
          lockVersion: 0,
          owner: { id: "u1", name: "Vera Sales" },
        },
      ],
    },
  };
}

describe("the pack as tables", () => {
  it("headline figures in the data's currency, trend rows per month oldest first", () => {
    expect(headlineOf(metrics).map((h) => [h.label, h.value])).toEqual([
      ["Pipeline created", "€1,234,567"],
      ["Win rate", "25%"],
    ]);
    const [trend] = trendTables(metrics);
    expect(trend.columns).toEqual(["Month", "Pipeline created", "Win rate"]);
    expect(trend.rows).toEqual([
      ["November 2026", "€1,000,000", "—"],
      ["December 2026", "€1,234,567", "25%"],
    ]);
  });

  it("holds the headline, trends, agenda, attendees, decisions and action items", () => {
    const tables = packTables(pack());
    expect(tables.map((t) => t.title)).toEqual([
      "Headline figures",
      "Trend, last 2 months",
      "Agenda",
      "Attendees",
      "Decisions",
      "Action items",
    ]);
    expect(tables[3].rows).toEqual([["Vera Sales", "Vp sales"]]);
    expect(tables[4].rows[0]).toEqual([
      "Change a rule",
      '=HYPERLINK("x") raise the named-account threshold',
      "Vera Sales",
      "Dec 5, 2026",
      "Version 7 (Draft)",
    ]);
    expect(tables[5].rows).toEqual([["Brief the partners", "Vera Sales", "Dec 19, 2026", "Open"]]);
  });

  it("an unopened month still has its agenda and empty sections", () => {
    const tables = packTables({ ...pack(), meeting: null, headline: [], trends: [] });
    expect(tables.map((t) => [t.title, t.rows.length])).toEqual([
      ["Agenda", 9],
      ["Attendees", 0],
      ["Decisions", 0],
      ["Action items", 0],
    ]);
  });

  it("the CSV parses back to the same cells, formulas neutralized", () => {
    const rows = Papa.parse<string[]>(packCsv(pack()), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["Council pack", "December 2026"]);
    expect(rows).toContainEqual(["Pipeline created", "€1,234,567"]);
    const decision = rows.find((r) => r[0] === "Change a rule");
    expect(decision?.[1]).toBe('\'=HYPERLINK("x") raise the named-account threshold');
  });
});
