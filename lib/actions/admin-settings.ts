"use server";
// The settings page (lib/db/admin-settings.ts): channel operations only, checked in the data layer.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { saveSettings } from "@/lib/db/admin-settings";

export const saveSettingsAction = defineAction(
  z.object({ version: z.string().trim().min(1).max(64), values: z.record(z.string().max(100), z.unknown()) }),
  async (ctx, input) => {
    const result = await saveSettings(ctx, input);
    revalidatePath("/admin/settings");
    return result;
  },
);
