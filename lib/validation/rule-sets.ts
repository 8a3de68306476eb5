// Inputs of the rule-set screens and API. The rule set itself is validated by the engine's own
// schema (lib/rules/schema.ts): one place for what a valid rule is.
import { z } from "zod";
import { defaultOutcomeSchema, ruleSchema } from "@/lib/rules";

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");

export const createDraftInput = z.object({ fromId: id.optional() });

export const saveDraftInput = z.object({
  id,
  lockVersion: z.coerce.number().int().min(0),
  changeNote: z.string().trim().max(2_000).default(""),
  rules: z.array(ruleSchema.extend({ id: z.string().trim().min(1).max(100) })).max(1_000),
  defaultOutcome: defaultOutcomeSchema,
});
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

export const publishInput = z.object({
  id,
  lockVersion: z.coerce.number().int().min(0),
  effectiveFrom: z.coerce.date({ error: "Pick the date and time the rules take effect" }),
  changeNote: z.string().trim().min(3, "Say what changed and why (partners read this)").max(2_000),
});
export type PublishInput = z.infer<typeof publishInput>;

export const deleteDraftInput = z.object({ id, lockVersion: z.coerce.number().int().min(0) });

export const routeDecisionInput = z.strictObject({
  facts: z.unknown(),
  ruleSetId: id.optional(),
});
