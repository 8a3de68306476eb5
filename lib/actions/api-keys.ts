"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { createApiKey, revokeApiKey } from "@/lib/db/api-keys";

// the portal's keys page (partner keys) and channel operations' (admin keys)
const PATHS = ["/portal/api-keys", "/admin/api-keys"];
const revalidate = () => PATHS.forEach((p) => revalidatePath(p));

/** The key is returned once, here; only its hash is stored. */
export const createApiKeyAction = defineAction(
  z.object({ name: z.string().trim().min(2, "Name the key after what uses it").max(100) }),
  async (ctx, { name }) => {
    const created = await createApiKey(ctx, { name });
    revalidate();
    return { id: created.id, name: created.name, prefix: created.prefix, key: created.key };
  },
);

export const revokeApiKeyAction = defineAction(
  z.object({ id: z.string().trim().min(1).max(64) }),
  async (ctx, { id }) => {
    const result = await revokeApiKey(ctx, id);
    revalidate();
    return result;
  },
);
