"use server";
// Server actions of the opportunity screens (docs/domain.md#opportunities). Each calls one
// lib/db/opportunity-writes.ts or lib/db/opportunity-moves.ts function, which parses the input with lib/validation/opportunities.ts
// (dollars as typed → cents), then revalidates the deal and the list.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { searchAccountOptions } from "@/lib/db/opportunity-forms";
import { createOpportunity, updateOpportunity } from "@/lib/db/opportunity-writes";
import { acceptFlaggedRoute, addPartnerTouch, moveStage } from "@/lib/db/opportunity-moves";
import type { OpportunityWriteResult } from "@/lib/db/opportunity-write-support";
import type {
  OpportunityCreateInput,
  OpportunityUpdateInput,
  StageChangeInput,
  TouchInput,
} from "@/lib/validation/opportunities";

const id = z.string().trim().min(1).max(64);
// the fields are parsed once, by the write path (a second parse would read cents as dollars)
const fields = z.record(z.string(), z.unknown());

function revalidateDeal(opportunityId: string) {
  revalidatePath(`/opportunities/${opportunityId}`);
  revalidatePath("/opportunities");
}

export const createOpportunityAction = defineAction(fields, async (ctx, input): Promise<OpportunityWriteResult> => {
  const result = await createOpportunity(ctx, input as OpportunityCreateInput);
  revalidateDeal(result.id);
  return result;
});

export const updateOpportunityAction = defineAction(
  z.object({ id, fields }),
  async (ctx, input): Promise<OpportunityWriteResult> => {
    const result = await updateOpportunity(ctx, input.id, input.fields as OpportunityUpdateInput);
    revalidateDeal(result.id);
    return result;
  },
);

export const moveStageAction = defineAction(z.object({ id, fields }), async (ctx, input) => {
  const result = await moveStage(ctx, input.id, input.fields as StageChangeInput);
  revalidateDeal(result.id);
  return result;
});

export const acceptFlaggedRouteAction = defineAction(z.object({ id }), async (ctx, input) => {
  const result = await acceptFlaggedRoute(ctx, input.id);
  revalidateDeal(result.id);
  return result;
});

export const addPartnerTouchAction = defineAction(z.object({ id, fields }), async (ctx, input) => {
  const result = await addPartnerTouch(ctx, input.id, input.fields as TouchInput);
  revalidateDeal(input.id);
  return result;
});

export const searchAccountsAction = defineAction(z.object({ q: z.string().max(200) }), (ctx, input) =>
  searchAccountOptions(ctx, input.q),
);
