"use server";
// Server actions of the rule-set screens (ops). Thin: validate, call lib/db, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { createDraft, deleteDraft, publishRuleSet, saveDraft } from "@/lib/db/rule-set-writes";
import { lintDraft } from "@/lib/db/rule-set-lint";
import { explainDecision } from "@/lib/db/route-decisions";
import { rerouteOpenDeals } from "@/lib/db/reroute";
import { createDraftInput, deleteDraftInput, publishInput, saveDraftInput } from "@/lib/validation/rule-sets";

const RULES_PATH = "/rules";

export const createDraftAction = defineAction(createDraftInput, async (ctx, input) => {
  const draft = await createDraft(ctx, input.fromId);
  revalidatePath(RULES_PATH);
  return draft;
});

export const saveDraftAction = defineAction(saveDraftInput, async (ctx, input) => {
  const saved = await saveDraft(ctx, input);
  revalidatePath(`${RULES_PATH}/${input.id}`);
  return saved;
});

export const deleteDraftAction = defineAction(deleteDraftInput, async (ctx, input) => {
  await deleteDraft(ctx, input.id, input.lockVersion);
  revalidatePath(RULES_PATH);
  return { id: input.id };
});

export const publishRuleSetAction = defineAction(publishInput, async (ctx, input) => {
  const published = await publishRuleSet(ctx, input);
  revalidatePath(RULES_PATH);
  revalidatePath(`${RULES_PATH}/${input.id}`);
  return published;
});

/** Lint of the editor's unsaved state: nothing is stored. */
export const lintDraftAction = defineAction(
  saveDraftInput.pick({ id: true, rules: true, defaultOutcome: true }),
  (ctx, input) => lintDraft(ctx, input),
);

/** The decision explorer: facts → route and full trace under a chosen rule set. Nothing is stored. */
export const explainAction = defineAction(
  z.object({ ruleSetId: z.string().min(1).max(64), facts: z.unknown() }),
  (ctx, input) => explainDecision(ctx, input.ruleSetId, input.facts),
);

/** Explicit re-route of open deals under the rule set in force (preview first, then apply). */
export const rerouteAction = defineAction(z.object({ apply: z.boolean() }), async (ctx, { apply }) => {
  const summary = await rerouteOpenDeals(ctx, { apply });
  if (apply) revalidatePath("/opportunities");
  return summary;
});
