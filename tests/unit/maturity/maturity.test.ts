import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FRAMEWORK_DEFS,
  FRAMEWORKS,
  INDICATORS,
  frameworkBySlug,
  frameworkScore,
  lowestDimensions,
  median,
  scoreLabel,
  share,
  stageIndex,
  stageOf,
  suggestedScore,
  thresholdText,
} from "@/lib/maturity";

describe("frameworks (docs/domain.md#maturity)", () => {
  it("hold the dimensions of each framework in order", () => {
    expect(FRAMEWORK_DEFS.RULES_OF_ENGAGEMENT.dimensions.map((d) => d.label)).toEqual([
      "Clarity",
      "Systems & process",
      "Conflict management",
      "Partner & field trust",
      "Measurement & improvement",
    ]);
    expect(FRAMEWORK_DEFS.PARTNER_DIRECT_ENABLEMENT.dimensions).toHaveLength(6);
    expect(FRAMEWORK_DEFS.CHANNEL_BALANCED_DEMAND.dimensions.map((d) => d.key)).toEqual([
      "rtm_governance",
      "partner_enablement",
      "lead_ops",
      "attribution_kpis",
      "offer_strategy",
      "brand_pricing",
    ]);
  });

  it("have unique dimension keys and slugs", () => {
    for (const f of FRAMEWORKS) {
      const keys = FRAMEWORK_DEFS[f].dimensions.map((d) => d.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(frameworkBySlug(FRAMEWORK_DEFS[f].slug)?.key).toBe(f);
    }
    expect(frameworkBySlug("nope")).toBeNull();
  });

  it("name the stages from the design: three for rules of engagement, ad hoc to operationalized for the others", () => {
    expect(FRAMEWORK_DEFS.RULES_OF_ENGAGEMENT.stages.map((s) => s.name)).toEqual([
      "Unwritten & Reactive",
      "Documented but Inconsistent",
      "Embedded & Data-Driven",
    ]);
    for (const f of ["PARTNER_DIRECT_ENABLEMENT", "CHANNEL_BALANCED_DEMAND"] as const) {
      const stages = FRAMEWORK_DEFS[f].stages;
      expect(stages[0].name).toBe("Ad hoc");
      expect(stages.at(-1)?.name).toBe("Operationalized");
    }
  });

  it("point every indicator at a known measure, and the design's examples beside their dimensions", () => {
    for (const f of FRAMEWORKS)
      for (const d of FRAMEWORK_DEFS[f].dimensions) if (d.indicator) expect(INDICATORS).toContain(d.indicator);
    const roe = FRAMEWORK_DEFS.RULES_OF_ENGAGEMENT.dimensions;
    expect(roe.find((d) => d.key === "systems_process")?.indicator).toBe("engineRoutedShare");
    expect(roe.find((d) => d.key === "conflict_management")?.indicator).toBe("conflictResolutionDays");
  });
});

describe("scores and stages", () => {
  it.each([
    // [stages, score, stage index]
    [5, 1, 0],
    [5, 2, 1],
    [5, 3, 2],
    [5, 4, 3],
    [5, 5, 4],
    [3, 1, 0],
    [3, 2, 0],
    [3, 3, 1],
    [3, 4, 2],
    [3, 5, 2],
    [3, 0, 0], // clamped
    [3, 9, 2],
  ])("%i stages: score %i → stage %i", (stages, score, index) => {
    expect(stageIndex(stages, score)).toBe(index);
  });

  it("names the stage of a score in its framework", () => {
    expect(stageOf("RULES_OF_ENGAGEMENT", 3).name).toBe("Documented but Inconsistent");
    expect(stageOf("CHANNEL_BALANCED_DEMAND", 5).name).toBe("Operationalized");
    expect(scoreLabel("PARTNER_DIRECT_ENABLEMENT", 1)).toMatch(/^1 — Ad hoc: /);
  });

  it("scores a framework by the mean of its dimensions, one decimal", () => {
    expect(frameworkScore([{ score: 2 }, { score: 3 }, { score: 3 }])).toBe(2.7);
    expect(frameworkScore([{ score: 5 }])).toBe(5);
    expect(frameworkScore([])).toBeNull();
  });

  it("lists the lowest dimensions below the middle, lowest first, stable on ties", () => {
    const d = (framework: "RULES_OF_ENGAGEMENT" | "CHANNEL_BALANCED_DEMAND", dimension: string, score: number) => ({
      framework,
      dimension,
      label: dimension,
      score,
      period: "2026-Q3",
    });
    const latest = [
      d("RULES_OF_ENGAGEMENT", "a", 2),
      d("RULES_OF_ENGAGEMENT", "b", 4),
      d("RULES_OF_ENGAGEMENT", "c", 1),
      d("CHANNEL_BALANCED_DEMAND", "x", 2),
      d("CHANNEL_BALANCED_DEMAND", "y", 3),
    ];
    expect(lowestDimensions(latest).map((g) => g.dimension)).toEqual(["c", "a", "x"]);
    expect(lowestDimensions(latest, 2).map((g) => g.dimension)).toEqual(["c", "a"]);
    expect(lowestDimensions(latest, 5, 4).map((g) => g.dimension)).toEqual(["c", "a", "x", "y"]);
    expect(lowestDimensions([])).toEqual([]);
  });
});

describe("measured indicators → suggested score", () => {
  it.each([
    ["engineRoutedShare", 0.1, 1],
    ["engineRoutedShare", 0.3, 2],
    ["engineRoutedShare", 0.79, 3],
    ["engineRoutedShare", 0.8, 4],
    ["engineRoutedShare", 1, 5],
    ["conflictResolutionDays", 45, 1],
    ["conflictResolutionDays", 30, 2],
    ["conflictResolutionDays", 10, 3],
    ["conflictResolutionDays", 7, 4],
    ["conflictResolutionDays", 0.5, 5],
    ["discountLeakage", 0.1, 1],
    ["discountLeakage", 0.004, 5],
    ["handoffAcceptance", 0.5, 3],
    ["approvalSlaAttainment", 0.9, 4],
    ["partnerSourcedShare", 0.2, 3],
  ] as const)("%s = %d → %i", (key, value, score) => {
    expect(suggestedScore(key, value)).toBe(score);
  });

  it("suggests nothing when nothing was measured", () => {
    expect(suggestedScore("engineRoutedShare", null)).toBeNull();
    expect(suggestedScore("engineRoutedShare", Number.NaN)).toBeNull();
  });

  it("states the thresholds in words", () => {
    expect(thresholdText("conflictResolutionDays")).toBe("2: ≤ 30 days · 3: ≤ 14 days · 4: ≤ 7 days · 5: ≤ 3 days");
    expect(thresholdText("engineRoutedShare")).toBe("2: ≥ 30% · 3: ≥ 60% · 4: ≥ 80% · 5: ≥ 95%");
  });

  it("computes medians and shares", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });
});

describe("purity", () => {
  it("lib/maturity imports no framework, Prisma or lib/db", () => {
    const dir = join(process.cwd(), "lib/maturity");
    for (const file of readdirSync(dir)) {
      const src = readFileSync(join(dir, file), "utf8");
      expect(src, file).not.toMatch(/from ["'](next|react|@prisma|@\/lib\/db)/);
    }
  });
});
