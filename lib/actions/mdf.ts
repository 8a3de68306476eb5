"use server";
// Server actions of the MDF screens (docs/domain.md#mdf): a partner requests funds in the portal;
// a partner manager or channel operations decide; channel operations mark a claim paid. The claim
// with its proof file goes through POST /api/v1/mdf/requests/{id}/proof (multipart).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { decideMdf, payMdf, requestMdf } from "@/lib/db/mdf-writes";
import { linkDealMdf } from "@/lib/db/opportunity-mdf";
import { decideMdfInput, linkDealMdfInput, requestMdfInput } from "@/lib/validation/mdf";
import { id } from "@/lib/validation/lists";

export const requestMdfAction = defineAction(requestMdfInput, async (ctx, input) => {
  const result = await requestMdf(ctx, input);
  revalidatePath("/portal/mdf");
  return result;
});

export const decideMdfAction = defineAction(decideMdfInput, async (ctx, input) => {
  const result = await decideMdf(ctx, input);
  revalidatePath("/mdf");
  return result;
});

export const payMdfAction = defineAction(z.strictObject({ requestId: id }), async (ctx, { requestId }) => {
  const result = await payMdf(ctx, requestId);
  revalidatePath("/mdf");
  return result;
});

/** Links a deal to the MDF activity that sourced it (or unlinks it), from the deal page. */
export const linkDealMdfAction = defineAction(linkDealMdfInput, async (ctx, input) => {
  const result = await linkDealMdf(ctx, input);
  revalidatePath(`/opportunities/${input.opportunityId}`);
  revalidatePath("/mdf");
  return result;
});
