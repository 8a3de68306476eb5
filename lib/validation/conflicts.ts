// The conflict write inputs (docs/domain.md#conflicts-and-escalation), shared by the case screens'
// forms (lib/actions/conflicts.ts) and POST /api/v1/conflicts[/{id}/comments|escalate|resolve].
// Strict: fields the caller may not set (level, status, parties) are rejected, not ignored.
import { z } from "zod";
import { AE_REASONS } from "@/lib/conflicts/opening";
import { RESOLUTIONS } from "@/lib/conflicts/types";
import { noNul } from "./nul";

const id = z.string().trim().min(1).max(64).refine(noNul, "Invalid character");
const text = (min: number, message: string, max = 5_000) =>
  z.string().trim().min(min, message).max(max).refine(noNul, "Invalid character");
const level = z.number().int().min(1).max(4);

/** An AE on its opportunity, or a partner on its own registration (exactly one subject). */
export const raiseConflictInput = z.union([
  z.strictObject({
    opportunityId: id,
    reason: z.enum(AE_REASONS, { error: "Choose PARTNER_CLAIMS_DEAL or CO_SELL" }),
    // the partner concerned, when the opportunity names none and the account has no claim holder
    partnerId: id.optional().nullable(),
    note: text(3, "Say what happened", 2_000),
  }),
  z.strictObject({
    registrationId: id,
    note: text(3, "Say why your company was here first", 2_000),
  }),
]);
export type RaiseConflictInput = z.infer<typeof raiseConflictInput>;

export const commentInput = z.strictObject({ body: text(1, "Write a comment", 5_000) });
export type CommentInput = z.infer<typeof commentInput>;

export const escalateInput = z.strictObject({
  reason: text(3, "Say why the case goes to the next level", 2_000),
  // the level the caller saw: a case that moved meanwhile answers 409 instead of jumping two levels
  expectedLevel: level.optional(),
});
export type EscalateInput = z.infer<typeof escalateInput>;

export const resolveInput = z.strictObject({
  resolution: z.enum(RESOLUTIONS, { error: "Choose a resolution" }),
  rationale: text(3, "Write the rationale for this decision", 5_000),
  tags: z.array(z.string().trim().min(1).max(50).refine(noNul, "Invalid character")).max(20).default([]),
  winnerPartyId: id.optional().nullable(),
  splits: z
    .array(z.strictObject({ partyId: id, creditPct: z.number().min(0, "At least 0").max(100, "At most 100") }))
    .max(20)
    .optional()
    .nullable(),
  expectedLevel: level.optional(),
});
export type ResolveInput = z.infer<typeof resolveInput>;
