"use server";
import { revalidatePath } from "next/cache";
import { saveCorridor } from "@/lib/db/pricing-corridors";
import { corridorInput } from "@/lib/validation/pricing";
import { defineAction } from "./define-action";

export const saveCorridorAction = defineAction(corridorInput, async (ctx, input) => {
  const result = await saveCorridor(ctx, input);
  revalidatePath("/pricing");
  return result;
});
