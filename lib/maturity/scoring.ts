// Scores and stages (docs/domain.md#maturity). Every dimension is scored 1–5 whatever the framework,
// so trends and gaps compare across frameworks; a score maps onto the framework's stages evenly:
// five stages → one stage per point; three stages → 1–2 the first, 3 the second, 4–5 the third.
import { FRAMEWORK_DEFS, type Framework, type Stage } from "./frameworks";

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const SCORES = [1, 2, 3, 4, 5] as const;

/** Score 1–5 → stage index, per number of stages: symmetric around the middle score. */
const STAGE_OF_SCORE: Readonly<Record<number, readonly number[]>> = {
  3: [0, 0, 1, 2, 2],
  5: [0, 1, 2, 3, 4],
};

/** The index (0-based) of the stage a score falls in (scores outside 1–5 are clamped). */
export function stageIndex(stageCount: number, score: number): number {
  const s = Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(score)));
  const table = STAGE_OF_SCORE[stageCount];
  if (table) return table[s - MIN_SCORE];
  return Math.min(stageCount - 1, Math.floor(((s - MIN_SCORE) * stageCount) / (MAX_SCORE - MIN_SCORE + 1)));
}

export function stageOf(framework: Framework, score: number): Stage {
  const stages = FRAMEWORK_DEFS[framework].stages;
  return stages[stageIndex(stages.length, score)];
}

/** The score's meaning in the form: "3 — Defined: …". */
export function scoreLabel(framework: Framework, score: number): string {
  const stage = stageOf(framework, score);
  return `${score} — ${stage.name}: ${stage.description}`;
}

/**
 * The framework's score: the mean of its dimension scores, rounded to one decimal. Dimensions not
 * scored are left out; none scored → null.
 */
export function frameworkScore(scores: ReadonlyArray<{ score: number }>): number | null {
  if (scores.length === 0) return null;
  const mean = scores.reduce((sum, s) => sum + s.score, 0) / scores.length;
  return Math.round(mean * 10) / 10;
}

export type ScoredDimension = { framework: Framework; dimension: string; label: string; score: number; period: string };

/**
 * The enablement gaps for the council agenda: the lowest-scored dimensions across the latest
 * assessment of each framework, lowest first (ties: framework order, then dimension order), at most
 * `limit`, and only those below `below` (default: under the middle score, 3).
 */
export function lowestDimensions(latest: ReadonlyArray<ScoredDimension>, limit = 5, below = 3): ScoredDimension[] {
  return latest
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.score < below)
    .sort((a, b) => a.d.score - b.d.score || a.i - b.i)
    .slice(0, limit)
    .map(({ d }) => d);
}
