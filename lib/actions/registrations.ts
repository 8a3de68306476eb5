"use server";
// Server actions of the registration screens: submit (portal), decide (queue), extend/withdraw.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { AppError } from "@/lib/errors";
import { checkClaim } from "@/lib/db/claim-check";
import { submitRegistration } from "@/lib/db/registration-submit";
import {
  decideRegistration,
  extendRegistration,
  postRegistrationUpdate,
  withdrawRegistration,
} from "@/lib/db/registration-lifecycle";
import {
  decisionInput,
  extensionInput,
  progressUpdateInput,
  registrationInput,
  withdrawInput,
} from "@/lib/validation/registrations";

const id = z.string().trim().min(1).max(64);

/** The portal form sends a hidden idempotency token: a double click or a retry creates one registration. */
export const submitRegistrationAction = defineAction(
  z.object({ token: z.string().trim().min(8).max(100), input: registrationInput }),
  async (ctx, { token, input }) => {
    const result = await submitRegistration(ctx, input, { idempotencyKey: `form:${token}` }).catch((error: unknown) => {
      // this form was saved once already (its answer may have been lost), then edited: say so in
      // the portal's words, not the API's
      if (error instanceof AppError && error.fields?.idempotencyKey) {
        throw new AppError(
          "CONFLICT",
          "This form was already submitted, and a registration was saved. Find it under My registrations; to register another deal, open a new form.",
        );
      }
      // the partner's own active registration for this company and product line: the form links to it
      const existing = error instanceof AppError ? error.fields?.registrationId?.[0] : undefined;
      if (existing) {
        throw new AppError("CONFLICT", "You already registered this company for this product line.", {
          "account.name": ["You already registered this company for this product line"],
          registrationId: [existing],
        });
      }
      throw error;
    });
    revalidatePath("/portal");
    revalidatePath("/portal/registrations");
    return result;
  },
);

export const decideRegistrationAction = defineAction(
  decisionInput.extend({ id }),
  async (ctx, { id: regId, ...input }) => {
    const result = await decideRegistration(ctx, regId, input);
    revalidatePath(`/registrations/${regId}`);
    revalidatePath("/registrations");
    return result;
  },
);

export const extendRegistrationAction = defineAction(
  extensionInput.extend({ id }),
  async (ctx, { id: regId, reason }) => {
    const result = await extendRegistration(ctx, regId, reason);
    revalidatePath(`/portal/registrations/${regId}`);
    return result;
  },
);

export const postRegistrationUpdateAction = defineAction(
  progressUpdateInput.extend({ id }),
  async (ctx, { id: regId, note }) => {
    const result = await postRegistrationUpdate(ctx, regId, note);
    revalidatePath(`/portal/registrations/${regId}`);
    return result;
  },
);

export const withdrawRegistrationAction = defineAction(
  withdrawInput.extend({ id }),
  async (ctx, { id: regId, reason }) => {
    const result = await withdrawRegistration(ctx, regId, reason);
    revalidatePath(`/portal/registrations/${regId}`);
    revalidatePath("/portal/registrations");
    return result;
  },
);

export const checkClaimAction = defineAction(
  z.object({
    name: z.string().trim().min(2).max(200),
    domain: z.string().trim().max(253).optional().nullable(),
    productLine: z.string().trim().min(1).max(100),
  }),
  (ctx, input) => checkClaim(ctx, input),
);
