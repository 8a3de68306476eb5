"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { markAllRead } from "@/lib/db/notifications";

export const markAllReadAction = defineAction(z.object({}), async (ctx) => {
  const count = await markAllRead(ctx);
  revalidatePath("/notifications");
  return { count };
});
