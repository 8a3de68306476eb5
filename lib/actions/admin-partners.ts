"use server";
// Administration of partners (lib/db/admin-partners.ts): channel operations only, checked in the data layer.
import { revalidatePath } from "next/cache";
import { defineAction } from "./define-action";
import { createPartner, updatePartner } from "@/lib/db/admin-partners";
import { createPartnerInput, updatePartnerInput } from "@/lib/validation/admin-partners";

export const createPartnerAction = defineAction(createPartnerInput, async (ctx, input) => {
  const created = await createPartner(ctx, input);
  revalidatePath("/partners");
  return created;
});

export const updatePartnerAction = defineAction(updatePartnerInput, async (ctx, input) => {
  const result = await updatePartner(ctx, input);
  revalidatePath("/partners");
  revalidatePath(`/partners/${input.id}`);
  return result;
});
