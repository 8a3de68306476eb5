"use server";
import { revalidatePath } from "next/cache";
import { saveTierCriteria } from "@/lib/db/tier-criteria";
import { decideTierProposal } from "@/lib/db/tier-proposals";
import { tierCriteriaInput, tierProposalDecision } from "@/lib/validation/tiers";
import { defineAction } from "./define-action";

// defineAction parses with tierCriteriaInput (field errors per tier and criterion); saveTierCriteria
// parses the raw input again itself so its other callers get the same checks.
export const saveTierCriteriaAction = defineAction(tierCriteriaInput, async (ctx, input) => {
  await saveTierCriteria(ctx, input);
  revalidatePath("/admin/settings");
  revalidatePath("/scorecards");
  return { saved: true };
});

export const decideTierProposalAction = defineAction(tierProposalDecision, async (ctx, input) => {
  const result = await decideTierProposal(ctx, input.id, input.decision);
  revalidatePath("/partners/tiers");
  return { status: result.status, effectiveFrom: result.effectiveFrom?.toISOString() ?? null };
});
