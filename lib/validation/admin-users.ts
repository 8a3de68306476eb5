// Administration of users (docs/architecture.md#administration): the inputs of the user forms,
// shared by the server actions and the data layer.
import { z } from "zod";
import { EXEC_TITLES, ROLES } from "@/lib/auth/types";

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

const title = z
  .enum(EXEC_TITLES)
  .or(z.literal(""))
  .optional()
  .transform((v) => (v ? v : null));

/** A partner user belongs to exactly one partner; a staff user to none; a title is for executives. */
function checkRoleFields(
  value: { role: string; partnerId: string | null; title: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.role === "PARTNER" && !value.partnerId)
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choose the partner this user works for" });
  if (value.role !== "PARTNER" && value.partnerId)
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Only partner users belong to a partner" });
  if (value.role !== "EXEC" && value.title)
    ctx.addIssue({ code: "custom", path: ["title"], message: "Only executives have an exec title" });
}

export const createUserInput = z
  .object({
    name: z.string().trim().min(2, "Enter the person's name").max(120),
    email: z.string().trim().toLowerCase().max(200).email("Enter a valid e-mail address"),
    role: z.enum(ROLES),
    title,
    partnerId: optionalId,
  })
  .superRefine(checkRoleFields);
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z
  .object({
    id: z.string().trim().min(1).max(64),
    role: z.enum(ROLES),
    title,
    partnerId: optionalId,
    active: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
  })
  .superRefine(checkRoleFields);
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(["active", "disabled"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const setPasswordInput = z
  .object({
    token: z.string().trim().min(20).max(200),
    password: z.string().min(12, "Use at least 12 characters").max(200),
    confirm: z.string().max(200),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
