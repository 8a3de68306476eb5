// What "open" means for an opportunity: any stage before it closed won or lost. The one definition;
// queries use its where-fragment and SQL text in lib/db/opportunities.ts.
import { STAGES, type Stage } from "@/lib/rules/values";

export const CLOSED_STAGES = ["CLOSED_WON", "CLOSED_LOST"] as const satisfies readonly Stage[];
type ClosedStage = (typeof CLOSED_STAGES)[number];
export type OpenStage = Exclude<Stage, ClosedStage>;

export function isOpenStage(stage: Stage): stage is OpenStage {
  return !(CLOSED_STAGES as readonly Stage[]).includes(stage);
}

/** The open stages in funnel order (PROSPECT first). */
export const OPEN_STAGES: readonly OpenStage[] = STAGES.filter(isOpenStage);
