import { describe, expect, it } from "vitest";
import { CLOSED_STAGES, isOpenStage, OPEN_STAGES } from "@/lib/opportunities/stages";
import { STAGES, type Stage } from "@/lib/rules/values";

describe("open opportunity stages", () => {
  it.each<[Stage, boolean]>([
    ["PROSPECT", true],
    ["QUALIFIED", true],
    ["PROPOSAL", true],
    ["NEGOTIATION", true],
    ["CLOSED_WON", false],
    ["CLOSED_LOST", false],
  ])("%s is open: %s", (stage, open) => {
    expect(isOpenStage(stage)).toBe(open);
  });

  it("lists the open stages in funnel order, and with the closed ones they are every stage", () => {
    expect(OPEN_STAGES).toEqual(["PROSPECT", "QUALIFIED", "PROPOSAL", "NEGOTIATION"]);
    expect([...OPEN_STAGES, ...CLOSED_STAGES].sort()).toEqual([...STAGES].sort());
  });
});
