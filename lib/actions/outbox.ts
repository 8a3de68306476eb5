"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { retryAllOutbox, retryOutboxMessage } from "@/lib/db/outbox-admin";

const PATH = "/outbox";

export const retryOutboxMessageAction = defineAction(
  z.object({ id: z.string().trim().min(1).max(64) }),
  async (ctx, { id }) => {
    const result = await retryOutboxMessage(ctx, id);
    revalidatePath(PATH);
    return result;
  },
);

export const retryAllOutboxAction = defineAction(z.object({}), async (ctx) => {
  const result = await retryAllOutbox(ctx);
  revalidatePath(PATH);
  return result;
});
