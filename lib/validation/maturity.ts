// The maturity assessment form and the page's query string (docs/domain.md#maturity). One schema
// for the server action and its tests: every dimension of the framework scored 1–5, evidence
// optional per dimension, the period a quarter that has started (an assessment looks back).
import { z } from "zod";
import { FRAMEWORK_DEFS, FRAMEWORKS, MAX_SCORE, MIN_SCORE, frameworkBySlug } from "@/lib/maturity";
import { parseQuarter } from "@/lib/dates/quarters";
import { noNul } from "./nul";

const MAX_EVIDENCE = 2_000;

const period = z
  .string()
  .trim()
  .refine((s) => parseQuarter(s) !== null, "Use a quarter like 2026-Q3");

const score = z.coerce
  .number({ error: "Pick a score" })
  .int("Pick a score")
  .min(MIN_SCORE, "Pick a score")
  .max(MAX_SCORE, "Pick a score");

const evidence = z
  .string()
  .trim()
  .max(MAX_EVIDENCE, `At most ${MAX_EVIDENCE} characters`)
  .refine(noNul, "Invalid character")
  .default("");

/**
 * `scores` and `evidence` are keyed by dimension (lib/maturity/frameworks.ts): a missing score is a
 * field error on `scores.<dimension>`, an unknown dimension is refused.
 */
export const assessmentInput = z
  .object({
    framework: z.enum(FRAMEWORKS),
    period,
    scores: z.record(z.string(), z.unknown()),
    evidence: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .transform((input, ctx) => {
    const dims = FRAMEWORK_DEFS[input.framework].dimensions;
    const known = new Set(dims.map((d) => d.key));
    for (const key of [...Object.keys(input.scores), ...Object.keys(input.evidence)])
      if (!known.has(key))
        ctx.addIssue({ code: "custom", path: ["scores", key], message: "Not a dimension of this framework" });
    const scores: { dimension: string; score: number; evidence: string }[] = [];
    for (const d of dims) {
      const s = score.safeParse(input.scores[d.key]);
      if (!s.success) {
        ctx.addIssue({ code: "custom", path: ["scores", d.key], message: "Pick a score" });
        continue;
      }
      const e = evidence.safeParse(input.evidence[d.key] ?? "");
      if (!e.success) {
        for (const issue of e.error.issues)
          ctx.addIssue({ code: "custom", path: ["evidence", d.key], message: issue.message });
        continue;
      }
      scores.push({ dimension: d.key, score: s.data, evidence: e.data });
    }
    return { framework: input.framework, period: input.period, scores };
  });
export type AssessmentInput = z.input<typeof assessmentInput>;

/** /maturity/assess?framework=<slug>&period=<quarter> */
export const assessQuery = z.object({
  framework: z.string().transform((s, ctx) => {
    const def = frameworkBySlug(s);
    if (!def) {
      ctx.addIssue({ code: "custom", message: "Unknown framework" });
      return z.NEVER;
    }
    return def.key;
  }),
  period: period.optional(),
});

/** /maturity?period=<quarter>: the quarter the measured indicators are read for. */
export const maturityQuery = z.object({ period: period.optional() });
