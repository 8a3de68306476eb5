// lib/council: the metric definitions, route and category grouping, the statistics and the month
// arithmetic of the council's period picker and trend, with worked examples.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  defaultMonth,
  LEAD_ROUTES,
  leadOf,
  LEADS,
  median,
  METRIC_KEYS,
  METRICS,
  monthsOf,
  parseCouncilPeriod,
  quarterOfMonth,
  rate,
  sumRows,
  trailingMonths,
} from "@/lib/council";
import { closedDealsHref, createdDealsHref, decidedRegistrationsHref, resolvedCasesHref } from "@/lib/council/links";
import { ROUTES } from "@/lib/rules";
import { conflictListQuery } from "@/lib/validation/conflict-filters";
import { councilQuery } from "@/lib/validation/council";
import { opportunityListQuery, registrationListQuery } from "@/lib/validation/lists";

describe("metric definitions", () => {
  it("gives every metric a label, a one-sentence definition and a unit", () => {
    expect(Object.keys(METRICS).sort()).toEqual([...METRIC_KEYS].sort());
    for (const key of METRIC_KEYS) {
      const d = METRICS[key];
      expect(d.label.length, key).toBeGreaterThan(3);
      expect(d.definition, key).toMatch(/^[A-Z].{20,}\.\)?$|^[A-Z].{20,}\)\.$/);
      expect(["money", "pct", "days", "count", "ratio"]).toContain(d.unit);
    }
  });
});

describe("who leads and who sourced", () => {
  it.each([
    ["DIRECT", "AE"],
    ["DIRECT_PARTNER_ATTACHED", "AE"],
    ["CO_SELL", "JOINT"],
    ["PARTNER_LED", "PARTNER"],
    ["MARKETPLACE", "PARTNER"],
    [null, null],
    ["SOMETHING_ELSE", null],
  ])("route %s is led by %s", (route, lead) => {
    expect(leadOf(route)).toBe(lead);
  });

  it("puts every route in exactly one lead group", () => {
    const grouped = LEADS.flatMap((l) => LEAD_ROUTES[l]);
    expect([...grouped].sort()).toEqual([...ROUTES].sort());
  });

  it("keeps the list filters in step with the groups and categories", () => {
    const opp = opportunityListQuery.shape;
    expect(opp.lead.unwrap().options).toEqual([...LEADS]);
    expect(opp.category.unwrap().options).toEqual([...CATEGORIES]);
    expect(registrationListQuery.shape.lead.unwrap().options).toEqual([...LEADS]);
    expect(conflictListQuery.shape.lead.unwrap().options).toEqual([...LEADS]);
  });
});

describe("statistics", () => {
  it("rate divides, or is null with nothing to divide by", () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 4)).toBe(0);
    expect(rate(3, 0)).toBeNull();
  });

  it.each([
    [[], null],
    [[7], 7],
    [[50, 10, 20], 20],
    [[10, 50], 30],
    [[4, 1, 3, 2], 2.5],
  ])("median of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("periods", () => {
  it("reads a month or a quarter and refuses anything else", () => {
    expect(parseCouncilPeriod("2026-11")).toMatchObject({
      kind: "month",
      firstDay: "2026-11-01",
      lastDay: "2026-11-30",
    });
    expect(parseCouncilPeriod("2026-Q4")).toMatchObject({
      kind: "quarter",
      firstDay: "2026-10-01",
      lastDay: "2026-12-31",
    });
    for (const bad of ["2026-13", "2026-1", "November", "2026-Q5", ""]) expect(parseCouncilPeriod(bad), bad).toBeNull();
    expect(councilQuery.safeParse({ month: "2026-13" }).success).toBe(false);
    expect(councilQuery.safeParse({ month: "2026-02" }).success).toBe(true);
  });

  it("rolls a quarter up from its three months", () => {
    expect(monthsOf(parseCouncilPeriod("2026-Q4")!)).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(monthsOf(parseCouncilPeriod("2027-Q1")!)).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(monthsOf(parseCouncilPeriod("2026-02")!)).toEqual(["2026-02"]);
    expect(quarterOfMonth("2026-11")).toBe("2026-Q4");
    expect(quarterOfMonth("2027-01")).toBe("2027-Q1");
  });

  it("trails 12 months up to the period's last month, across a year end", () => {
    const t = trailingMonths(parseCouncilPeriod("2027-02")!).map((p) => p.label);
    expect(t).toHaveLength(12);
    expect(t[0]).toBe("2026-03");
    expect(t.at(-1)).toBe("2027-02");
    expect(trailingMonths(parseCouncilPeriod("2026-Q4")!, 6).map((p) => p.label)).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
  });

  it("opens on the last complete month", () => {
    expect(defaultMonth(new Date("2026-12-05T17:00:00Z"))).toBe("2026-11");
    expect(defaultMonth(new Date("2027-01-01T00:00:00Z"))).toBe("2026-12");
  });

  it("sums grouped rows over months and a lead (a deal not routed counts in the total only)", () => {
    const rows = [
      { month: "2026-10", lead: "AE" as const, won: 2, lost: 1 },
      { month: "2026-11", lead: "AE" as const, won: 1, lost: 1 },
      { month: "2026-11", lead: "JOINT" as const, won: 1, lost: 0 },
      { month: "2026-11", lead: null, won: 0, lost: 3 },
      { month: "2026-09", lead: "AE" as const, won: 9, lost: 9 },
    ];
    expect(sumRows(rows, ["won", "lost"], ["2026-11"])).toEqual({ won: 2, lost: 4 });
    expect(sumRows(rows, ["won", "lost"], ["2026-10", "2026-11", "2026-12"], "AE")).toEqual({ won: 3, lost: 2 });
    expect(sumRows(rows, ["won"], ["2026-12"], "PARTNER")).toEqual({ won: 0 });
  });
});

describe("links", () => {
  const nov = parseCouncilPeriod("2026-11")!;
  it("name the lists' own filters with inclusive days", () => {
    expect(createdDealsHref(nov, { lead: "JOINT" })).toBe(
      "/opportunities?createdFrom=2026-11-01&createdTo=2026-11-30&lead=JOINT",
    );
    expect(closedDealsHref(nov, "won", { adjusted: "yes" })).toBe(
      "/opportunities?outcome=won&closedFrom=2026-11-01&closedTo=2026-11-30&adjusted=yes",
    );
    expect(resolvedCasesHref(nov, { level: 2 })).toBe(
      "/conflicts?status=RESOLVED&slice=all&resolvedFrom=2026-11-01&resolvedTo=2026-11-30&level=2",
    );
    expect(decidedRegistrationsHref(nov, { sla: "met" })).toBe(
      "/registrations?decidedFrom=2026-11-01&decidedTo=2026-11-30&sla=met",
    );
  });
  it("parse back through the lists' schemas", () => {
    const q = Object.fromEntries(
      new URL(createdDealsHref(nov, { category: "PARTNER_SOURCED" }), "http://x").searchParams,
    );
    expect(opportunityListQuery.parse(q)).toMatchObject({ createdFrom: "2026-11-01", category: "PARTNER_SOURCED" });
  });
});

describe("purity", () => {
  it("lib/council imports no framework, Prisma or lib/db", () => {
    const dir = path.resolve(__dirname, "../../../lib/council");
    for (const file of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, file), "utf8");
      const imports = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
      for (const i of imports) expect(i, `${file} imports ${i}`).not.toMatch(/^(next|react|@prisma)|lib\/db|generated/);
    }
  });
});
