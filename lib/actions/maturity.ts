"use server";
import { revalidatePath } from "next/cache";
import { saveAssessment } from "@/lib/db/maturity";
import { assessmentInput } from "@/lib/validation/maturity";
import { defineAction } from "./define-action";

// defineAction parses with assessmentInput (field errors keyed scores.<dimension>); saveAssessment
// parses the raw input again itself so its own callers (tests, a future API) get the same checks.
export const saveAssessmentAction = defineAction(assessmentInput, async (ctx, input) => {
  const scores = Object.fromEntries(input.scores.map((s) => [s.dimension, s.score]));
  const evidence = Object.fromEntries(input.scores.map((s) => [s.dimension, s.evidence]));
  const result = await saveAssessment(ctx, { framework: input.framework, period: input.period, scores, evidence });
  revalidatePath("/maturity");
  return result;
});
