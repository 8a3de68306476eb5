// Administration of partners (docs/architecture.md#administration): the inputs of the partner
// forms, shared by the server actions and the data layer.
import { z } from "zod";
import { PARTNER_TIERS, PARTNER_TYPES, VERTICALS } from "@/lib/rules/values";
import { PARTNER_STATUSES } from "./lists";

const id = z.string().trim().min(1).max(64);

const partnerFields = {
  name: z.string().trim().min(2, "Enter the partner's name").max(120, "Use at most 120 characters"),
  type: z.enum(PARTNER_TYPES, { message: "Choose a partner type" }),
  tier: z.enum(PARTNER_TIERS, { message: "Choose a tier" }),
  managerId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  regionIds: z.array(id).max(100).default([]),
  verticals: z.array(z.enum(VERTICALS)).max(VERTICALS.length).default([]),
  status: z.enum(PARTNER_STATUSES, { message: "Choose a status" }),
  /** certified staff: a tier criterion (lib/scorecards/tiers.ts) */
  certifications: z.coerce
    .number({ error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(0, "Cannot be negative")
    .max(10_000, "At most 10,000")
    .default(0),
};

export const createPartnerInput = z.object(partnerFields);
export type CreatePartnerInput = z.infer<typeof createPartnerInput>;

/**
 * Moving an active partner to suspended or terminated carries the counts of active claims and
 * open hand-offs the admin was shown; the write refuses (409) if they changed in between.
 */
export const updatePartnerInput = z.object({
  id,
  ...partnerFields,
  confirmed: z
    .object({
      activeClaims: z.number().int().min(0),
      openHandoffs: z.number().int().min(0),
    })
    .optional()
    .nullable()
    .transform((v) => v ?? null),
});
export type UpdatePartnerInput = z.infer<typeof updatePartnerInput>;
