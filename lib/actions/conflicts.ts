"use server";
// Server actions of the conflict screens (docs/domain.md#conflicts-and-escalation): raise (an AE on
// its opportunity, a partner on its registration), comment, escalate, resolve. Each calls one
// lib/db/conflict-writes.ts function, then revalidates the case and the lists.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { commentOnConflict, escalateConflict, raiseConflict, resolveConflict } from "@/lib/db/conflict-writes";
import { commentInput, escalateInput, raiseConflictInput, resolveInput } from "@/lib/validation/conflicts";

const id = z.string().trim().min(1).max(64);

function revalidateCase(conflictId: string) {
  revalidatePath(`/conflicts/${conflictId}`);
  revalidatePath("/conflicts");
  revalidatePath(`/portal/conflicts/${conflictId}`);
  revalidatePath("/portal/conflicts");
}

export const raiseConflictAction = defineAction(raiseConflictInput, async (ctx, input) => {
  const result = await raiseConflict(ctx, input);
  revalidateCase(result.id);
  return result;
});

export const commentOnConflictAction = defineAction(
  commentInput.extend({ id }),
  async (ctx, { id: conflictId, ...input }) => {
    const result = await commentOnConflict(ctx, conflictId, input);
    revalidateCase(conflictId);
    return result;
  },
);

export const escalateConflictAction = defineAction(
  escalateInput.extend({ id }),
  async (ctx, { id: conflictId, ...input }) => {
    const result = await escalateConflict(ctx, conflictId, input);
    revalidateCase(conflictId);
    return result;
  },
);

export const resolveConflictAction = defineAction(
  resolveInput.extend({ id }),
  async (ctx, { id: conflictId, ...input }) => {
    const result = await resolveConflict(ctx, conflictId, input);
    revalidateCase(conflictId);
    return result;
  },
);
