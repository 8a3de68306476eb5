"use server";
// Server actions of the hand-off screens (docs/domain.md#hand-offs): a partner accepts or declines
// an offer in the portal; channel operations offer a deal to partners or withdraw it.
import { revalidatePath } from "next/cache";
import { defineAction } from "./define-action";
import { acceptHandoff, declineHandoff } from "@/lib/db/handoff-answers";
import { offerToPartners, withdrawHandoff } from "@/lib/db/handoff-writes";
import { declineHandoffInput, handoffIdInput, opportunityIdInput } from "@/lib/validation/handoffs";
import { id } from "@/lib/validation/lists";

export const acceptHandoffAction = defineAction(handoffIdInput, async (ctx, { id }) => {
  const result = await acceptHandoff(ctx, id);
  revalidatePath("/portal/offers");
  return result;
});

export const declineOfferAction = defineAction(declineHandoffInput.extend({ id }), async (ctx, { id, reason }) => {
  const result = await declineHandoff(ctx, id, reason);
  revalidatePath("/portal/offers");
  return result;
});

export const offerToPartnersAction = defineAction(opportunityIdInput, async (ctx, { opportunityId }) => {
  const result = await offerToPartners(ctx, opportunityId);
  revalidatePath("/handoffs");
  revalidatePath(`/opportunities/${opportunityId}`);
  return result;
});

export const withdrawHandoffAction = defineAction(opportunityIdInput, async (ctx, { opportunityId }) => {
  const result = await withdrawHandoff(ctx, opportunityId);
  revalidatePath("/handoffs");
  revalidatePath(`/opportunities/${opportunityId}`);
  return result;
});
