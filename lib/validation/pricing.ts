// Pricing guardrails' inputs (docs/domain.md#pricing-guardrails): a corridor edit, and the
// discount-leakage report's period in the URL.
import { z } from "zod";
import { ROUTES } from "@/lib/rules/values";
import { id } from "./lists";

export const corridorInput = z.strictObject({
  productLineId: id,
  route: z.enum(ROUTES, { error: "Pick a route" }),
  maxDiscountPct: z.coerce
    .number({ error: "Enter a percentage from 0 to 100" })
    .min(0, "At least 0%")
    .max(100, "At most 100%")
    .refine((v) => Math.round(v * 100) === v * 100, "At most two decimals"),
  /** The value the editor saw (null: the cell had no corridor); a change since then answers 409. */
  expectedMaxPct: z.number().nullable(),
});
export type CorridorInput = z.infer<typeof corridorInput>;

/** ?period=2026-Q4 or ?period=2026-11 (lib/pricing/period.ts); absent: the current quarter. */
export const leakageQuery = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, "Use a quarter like 2026-Q4 or a month like 2026-11")
    .optional(),
});
