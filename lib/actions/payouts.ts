"use server";
// Server actions of the payout statements (docs/domain.md#attribution-and-pay): an adjustment
// (channel operations, with a reason) and an attribution dispute on a closed deal. Each calls one
// lib/db function, then revalidates the statement pages.
import { revalidatePath } from "next/cache";
import { addAdjustment } from "@/lib/db/payouts";
import { openAttributionDispute } from "@/lib/db/attribution-dispute";
import { adjustmentInput, disputeInput } from "@/lib/validation/payouts";
import { defineAction } from "./define-action";

export const addAdjustmentAction = defineAction(adjustmentInput, async (ctx, input) => {
  const result = await addAdjustment(ctx, input);
  revalidatePath("/statements");
  revalidatePath("/portal/statements");
  return result;
});

export const openAttributionDisputeAction = defineAction(disputeInput, async (ctx, input) => {
  const result = await openAttributionDispute(ctx, input);
  revalidatePath("/conflicts");
  revalidatePath("/portal/conflicts");
  return result;
});
