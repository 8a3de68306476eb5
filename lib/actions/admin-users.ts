"use server";
// Administration of users (lib/db/admin-users.ts): channel operations only, checked in the data layer.
import { revalidatePath } from "next/cache";
import { defineAction } from "./define-action";
import { createUser, updateUser } from "@/lib/db/admin-users";
import { setPasswordPath } from "@/lib/db/password-tokens";
import { createUserInput, updateUserInput } from "@/lib/validation/admin-users";

/** The set-password link is returned once, here; only its hash is stored. */
export const createUserAction = defineAction(createUserInput, async (ctx, input) => {
  const created = await createUser(ctx, input);
  revalidatePath("/admin/users");
  return {
    id: created.id,
    name: created.name,
    link: setPasswordPath(created.token.token),
    expiresAt: created.token.expiresAt.toISOString(),
  };
});

export const updateUserAction = defineAction(updateUserInput, async (ctx, input) => {
  const result = await updateUser(ctx, input);
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${input.id}`);
  return result;
});
