// The deal-registration input (README "HTTP API"), shared by the portal form, the route preview and
// POST /api/v1/registrations. Strict: fields the partner may not set (partnerId, status,
// protectedUntil, …) are rejected, not ignored.
import { z } from "zod";
import { VERTICALS } from "@/lib/rules";
import { noNul } from "./nul";

export const MAX_ACV_CENTS = 100_000_000_000; // $1B: anything above is a typo, not a deal

const registrationAccountInput = z.strictObject({
  name: z.string().trim().min(2, "Enter the customer's company name").max(200).refine(noNul, "Invalid character"),
  domain: z.string().trim().max(253).refine(noNul, "Invalid character").optional().nullable(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code (ISO 3166), e.g. DE"),
  vertical: z.enum(VERTICALS, { error: "Pick the customer's industry" }),
});

export const registrationInput = z.strictObject({
  account: registrationAccountInput,
  productLine: z.string().trim().min(1, "Pick a product line").max(100),
  estimatedAcv: z
    .number({ error: "Enter the estimated ACV in cents" })
    .int("ACV is in whole cents")
    .positive("ACV must be more than zero")
    .max(MAX_ACV_CENTS, "ACV above $1B is not plausible"),
  expectedCloseDate: z.iso.date("Use a date like 2026-12-31"),
  description: z.string().trim().max(5_000).refine(noNul, "Invalid character").optional().nullable(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

/** What the route preview needs (before the rest of the form is filled in). */
export const routePreviewInput = z.strictObject({
  // optional: with them, a matched account's named status and tier count, as at submission
  accountName: z.string().trim().max(200).refine(noNul, "Invalid character").optional(),
  accountDomain: registrationAccountInput.shape.domain,
  country: registrationAccountInput.shape.country,
  vertical: registrationAccountInput.shape.vertical,
  productLine: registrationInput.shape.productLine,
  estimatedAcv: registrationInput.shape.estimatedAcv,
});

export const decisionInput = z.strictObject({
  decision: z.enum(["APPROVE", "REJECT"], { error: "Choose APPROVE or REJECT" }),
  reason: z.string().trim().min(3, "Give a reason the partner can read").max(2_000).refine(noNul, "Invalid character"),
});

export const extensionInput = z.strictObject({
  reason: z.string().trim().max(2_000).refine(noNul, "Invalid character").default(""),
});

export const progressUpdateInput = z.strictObject({
  note: z.string().trim().min(3, "Say where the deal stands").max(2_000).refine(noNul, "Invalid character"),
});

export const withdrawInput = z.strictObject({
  reason: z.string().trim().max(2_000).refine(noNul, "Invalid character").default(""),
});
