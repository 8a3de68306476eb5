// The opportunity write inputs (lib/db/opportunity-writes.ts), shared by the staff forms and their
// server actions. Money is typed in dollars on the forms ("1,250,000", "$180K" is not accepted) and
// stored in cents; a discount is a percentage 0–100; a deal is lost with a reason
// (docs/domain.md#opportunities).
import { z } from "zod";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import { STAGES } from "@/lib/rules/values";
import { dollarsToCentsInput } from "@/lib/money";
import { noNul } from "./nul";
import { MAX_ACV_CENTS } from "./registrations";

const money = (label: string) =>
  z.preprocess(
    dollarsToCentsInput(),
    z
      .number({ error: `Enter the ${label} in dollars, e.g. 120000` })
      .int()
      .min(0, `The ${label} cannot be negative`)
      .max(MAX_ACV_CENTS, `A ${label} above $1B is not plausible`)
      .nullable(),
  );

const optionalId = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.string().trim().min(1).max(64).nullable(),
);

const fields = {
  name: z.string().trim().min(2, "Name the deal").max(200).refine(noNul, "Invalid character"),
  productLineId: z.string().trim().min(1, "Pick a product line").max(64),
  acvCents: money("ACV").refine((v) => v !== null && v > 0, "Enter the ACV in dollars; it must be more than zero"),
  listPriceCents: money("list price").optional().default(null),
  discountPct: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? 0 : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Enter the discount as a percentage" })
      .min(0, "A discount is between 0 and 100 %")
      .max(100, "A discount is between 0 and 100 %"),
  ),
  closeDate: z.iso.date("Use a date like 2026-12-31"),
  partnerId: optionalId.optional().default(null),
  /** Channel operations create and edit on an AE's behalf; an AE's own deals are always its own. */
  aeId: optionalId.optional().default(null),
};

export const opportunityCreateInput = z.strictObject({
  ...fields,
  accountId: z.string().trim().min(1, "Pick the customer account").max(64),
  stage: z.enum(OPEN_STAGES as [string, ...string[]], { error: "Pick an open stage" }).default("PROSPECT"),
});
export type OpportunityCreateInput = z.input<typeof opportunityCreateInput>;

export const opportunityUpdateInput = z.strictObject({
  ...fields,
  /** The updatedAt the editor loaded (ISO): a deal changed since answers 409. */
  expectedUpdatedAt: z.iso.datetime({ error: "Reload the deal and try again" }),
});
export type OpportunityUpdateInput = z.input<typeof opportunityUpdateInput>;

/** Moving a deal along: any stage; a lost deal needs its reason. The stage the mover saw guards the race. */
export const stageChangeInput = z
  .strictObject({
    stage: z.enum(STAGES, { error: "Pick a stage" }),
    expectedStage: z.enum(STAGES),
    lostReason: z.string().trim().max(2_000).refine(noNul, "Invalid character").optional().nullable(),
  })
  .superRefine((v, issue) => {
    if (v.stage === "CLOSED_LOST" && !v.lostReason)
      issue.addIssue({ code: "custom", path: ["lostReason"], message: "Say why the deal was lost" });
  });
export type StageChangeInput = z.input<typeof stageChangeInput>;

/** What a partner did on a direct deal (the seed's kinds, prisma/seed/direct.ts). */
export const TOUCH_KINDS = [
  "Introduction",
  "Joint demo",
  "Technical workshop",
  "Reference call",
  "Solution design review",
  "Other",
] as const;

export const touchInput = z.strictObject({
  partnerId: z.string().trim().min(1, "Pick the partner").max(64),
  kind: z.enum(TOUCH_KINDS, { error: "Pick what the partner did" }),
  note: z.string().trim().max(2_000).refine(noNul, "Invalid character").optional().default(""),
});
export type TouchInput = z.input<typeof touchInput>;
